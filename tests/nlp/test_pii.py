"""Masking personal data in villagers' messages: what must be hidden and what must stay readable."""

import ast
import itertools
import timeit
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.pii import PLACEHOLDERS, MaskedText, PiiSpan, find_personal_data, mask_personal_data
from tests.nlp.test_pii_names import NAMES, NOT_NAMES

HOUSE = "house_number"

#: (message, [(substring that is personal data, its kind), ...]); messages with names are in test_pii_names.py.
PERSONAL_DATA = [
    ("สวัสดีครับ ผมผู้ใหญ่บ้านหมู่ 3 ถนนเข้าหมู่บ้านพังหมดแล้ว ติดต่อผมได้ที่ 081-234-5678 ครับ", [("081-234-5678", "phone")]),
    ("ไฟฟ้าดับทั้งซอยมา 3 วันแล้วค่ะ โทร 0891234567 ได้ตลอดนะคะ", [("0891234567", "phone")]),
    ("น้ำประปาไม่ไหลค่ะ เบอร์ ๐๘๖-๕๕๕-๑๒๓๔ ป้าแดง", [("๐๘๖-๕๕๕-๑๒๓๔", "phone")]),
    ("ลูกหลานทำงานอยู่ต่างประเทศ ติดต่อ +66 92 345 6789 นะคะ", [("+66 92 345 6789", "phone")]),
    ("แจ้งเรื่องไฟกิ่งเสียหน้าวัด ติดต่อกลับ +66812345678", [("+66812345678", "phone")]),
    ("ร้านค้าชุมชนบ้านร่องห้า โทร. 053 123 456 เปิด 7 โมงเช้า", [("053 123 456", "phone")]),
    ("tel: 02-123-4567 ต่อ 12 คุณสมศรี ฝ่ายพัสดุ", [("02-123-4567", "phone")]),
    ("โทร.0612223344 (พี่นก) เรื่องรถขยะไม่มาเก็บ", [("0612223344", "phone")]),
    ("เบอร์บ้าน 044 123 456 เบอร์มือถือ 095-678-1234 ค่ะ", [("044 123 456", "phone"), ("095-678-1234", "phone")]),
    ("หากมีข้อสงสัยโทร (081) 234 5678 ได้ทุกวัน", [("(081) 234 5678", "phone")]),
    ("ไลน์: ส่งเบอร์มาค่ะ 08 1234 5678 จะโทรกลับ", [("08 1234 5678", "phone")]),
    ("ขอเบอร์ผู้ใหญ่หน่อยครับ ของผม 086.777.8899", [("086.777.8899", "phone")]),
    ("Tel.0897654321 นายช่างประจำ อบต.", [("0897654321", "phone")]),
    ("แม่ติดต่อ 090 123 4567 หรือ 090-765-4321 ก็ได้", [("090 123 4567", "phone"), ("090-765-4321", "phone")]),
    ("โทรหาป้าจันทร์ 065-432-1098 ค่ะ เรื่องขยะริมถนน", [("065-432-1098", "phone")]),
    ("สำนักงานเทศบาล โทร ๐๕๔-๔๑๒๓๔๕ ในเวลาราชการ", [("๐๕๔-๔๑๒๓๔๕", "phone")]),
    ("ติดต่อสำนักงานเขต 0 2123 4567 ในวันเวลาราชการ", [("0 2123 4567", "phone")]),
    ("เบอร์ลูกสาว 0812345678,0898765432 โทรได้ทั้งสองเบอร์", [("0812345678", "phone"), ("0898765432", "phone")]),
    ("โทร 081-234-5678/089-876-5432 ลุงมี", [("081-234-5678", "phone"), ("089-876-5432", "phone")]),
    ("ม.4 0812345678 ผู้ใหญ่บ้าน", [("0812345678", "phone")]),
    ("เลขประจำตัวประชาชน 3 5601 00456 78 9 ขอรับเบี้ยผู้สูงอายุค่ะ", [("3 5601 00456 78 9", "national_id")]),
    ("แนบเลขบัตร ๓๕๖๐๑๐๐๔๕๖๗๘๙ ครับ", [("๓๕๖๐๑๐๐๔๕๖๗๘๙", "national_id")]),
    ("ID 1560100234567 ลงทะเบียนแล้วแต่ยังไม่ได้เงินเยียวยา", [("1560100234567", "national_id")]),
    ("ส่งเอกสารมาที่ somchai.jaidee@gmail.com ได้เลยค่ะ", [("somchai.jaidee@gmail.com", "email")]),
    ("อีเมล: wanna_k2520@hotmail.co.th", [("wanna_k2520@hotmail.co.th", "email")]),
    (
        "ติดต่อกลับทางเมล์ nok.phayao@yahoo.com หรือโทร 089-765-4321",
        [("nok.phayao@yahoo.com", "email"), ("089-765-4321", "phone")],
    ),
    ("ติดต่อ: kru.somsri@obec.go.th (ครูสมศรี ร.ร.บ้านต๋อม)", [("kru.somsri@obec.go.th", "email")]),
    ("บ้านเลขที่ 123 หมู่ 4 ต.แม่กา อ.เมือง จ.พะเยา น้ำท่วมขังหน้าบ้าน", [("123", "house_number")]),
    ("บ้านเลขที่ ๙๙/๑๒ ม.๗ ถนนหน้าบ้านชำรุด", [("๙๙/๑๒", "house_number")]),
    ("ยายอยู่คนเดียว บ้าน 12/3 หมู่ 5 หลังคารั่วทุกครั้งที่ฝนตก", [("12/3", "house_number")]),
    ("ที่อยู่ 99/12 ม.4 ต.บ้านสาง ขอถังขยะเพิ่ม", [("99/12", "house_number")]),
    ("บ้านเลขที่. 56 ม.2 ไม่มีน้ำประปาใช้มา 2 อาทิตย์", [("56", "house_number")]),
    ("บ้าน ลข. 7/1 ถนนหน้าบ้านเป็นหลุมใหญ่", [("7/1", "house_number")]),
    ("ขอความช่วยเหลือ เลขที่ 88 หมู่ที่ 6 ต.ท่าวังทอง บ้านถูกน้ำพัด", [("88", "house_number")]),
    ("ผมอยู่ที่ 211/5 ซอยพหลโยธิน 7 น้ำเน่าขังในท่อ", [("211/5", "house_number")]),
    ("ถนนหน้าบ้าน 45/7 ซ.3 เป็นหลุมลึก รถล้มบ่อย", [("45/7", "house_number")]),
    ("บ้านเลขที่ 123/45 ถนนเพชรเกษม ท่อระบายน้ำอุดตัน", [("123/45", "house_number")]),
    ("เลขบัญชี ธกส. 020012345678 ชื่อกองทุนหมู่บ้าน", [("020012345678", "bank_account")]),
    ("บช.ออมสิน 0201-2345-6789 ค่ะ", [("0201-2345-6789", "bank_account")]),
    ("ไทยพาณิชย์ 4071234567 ค่ะ ขอบคุณที่ช่วยค่ะ", [("4071234567", "bank_account")]),
    ("ธนาคารกรุงเทพ สาขาพะเยา เลขที่บัญชี 501-7-12345-8", [("501-7-12345-8", "bank_account")]),
    ("เลขบัญชีออมสิน 020-0-1234567-8 รับบริจาคซ่อมศาลา", [("020-0-1234567-8", "bank_account")]),
    ("รับบริจาคช่วยน้ำท่วม พร้อมเพย์ 0812345678", [("0812345678", "phone")]),
    ("พร้อมเพย์เลขบัตร 3560100456789 ค่ะ", [("3560100456789", "national_id")]),
    (
        "แจ้งซ่อมไฟทาง หน้าบ้านเลขที่ 17 หมู่ 9 ติดต่อ 0931112222 คุณแก้ว",
        [("17", "house_number"), ("0931112222", "phone")],
    ),
    # House numbers: บ้านเลข without ที่, บ.เลขที่, a colon, lists, ranges and a number in brackets.
    ("น้ำท่วมขังหน้าบ้านเลข 59/57 ทุกครั้งที่ฝนตก", [("59/57", HOUSE)]),
    ("ไฟฟ้าดับทั้งคืน บ.เลขที่ 214 ม.3 ต.ท่าสาย", [("214", HOUSE)]),
    ("ผู้ร้อง บ้านเลขที่ :  77/1  ถนนหน้าบ้านทรุดเป็นแอ่ง", [("77/1", HOUSE)]),
    ("ท่อประปาแตกหน้าบ้านเลข ๑๒๓ หมู่ ๒ น้ำไหลทั้งวัน", [("๑๒๓", HOUSE)]),
    ("น้ำเน่าขังระหว่างบ้านเลขที่ 22-24 ซอยวัดใหม่", [("22", HOUSE), ("24", HOUSE)]),
    ("ขยะตกค้างหน้าบ้านเลขที่ 12/3, 12/5 และ 12/9", [("12/3", HOUSE), ("12/5", HOUSE), ("12/9", HOUSE)]),
    ("ระหว่างบ้านเลขที่ 30 ถึง 36 ไฟทางดับทั้งแนว", [("30", HOUSE), ("36", HOUSE)]),
    ("ถนนทรุดที่บ้านเลขที่ 118/3,118/6,118/16", [("118/3", HOUSE), ("118/6", HOUSE), ("118/16", HOUSE)]),
    ("บ้านเลขที่ 3(28/98) หลังคาปลิวเพราะพายุฤดูร้อน", [("3", HOUSE), ("28/98", HOUSE)]),
    ("บ้านเลขที่ 145 กับ 147 ใช้ทางเดินร่วมกัน ขอไฟส่องทาง", [("145", HOUSE), ("147", HOUSE)]),
]

HOUSE_LISTS = [message for message, found in PERSONAL_DATA if len(found) > 1 and {k for _, k in found} == {HOUSE}]

#: Numbers that follow a house-number word or sit near an address word but are no house.
NOT_HOUSES = [
    "เลขที่หนังสือ มท 0808.2/ว 1234 ลงวันที่ 3 ก.พ. 2568",
    "บ้าน 2 หลังถูกต้นไม้ล้มทับ",
    "ขอติดตามเลขที่รับแจ้ง 168358/65 ยังไม่มีความคืบหน้า",
    "รับแจ้งเลขที่ 1683/65 หมู่ 4 ยังไม่มีใครมาดู",
    "ท่อแตกหน้าตลาด เคยแจ้งแล้วเลขที่ 2567-11823 ยังเงียบ",
    "บ้านเลขที่ - หมู่ 4 ยังไม่มีไฟฟ้าใช้",
    "ไฟส่องทางในซอย 22/1 ดับทั้งซอย",
]

#: Everything that looks like a name or a house number but is neither (the names are tested in test_pii_names.py).
NOT_NAMES_OR_HOUSES = NOT_HOUSES + NOT_NAMES

#: Messages full of numbers that are not anyone's personal data.
ORDINARY_NUMBERS = [
    "ประชุมประชาคมวันที่ 12/05/2567 เวลา 14.30 น. ที่ศาลาหมู่บ้าน",
    "นัดประชุม 1 ม.ค. 67 เวลา 8:00 น. ทุกหลังคาเรือน",
    "ขอรับงบประมาณ 450000 บาท ซ่อมถนนคอนกรีต",
    "ค่าใช้จ่าย 1,500 บาท ต่อครัวเรือน",
    "โครงการ 2.5 ล้านบาท ปีงบประมาณ 2567",
    "ขุดบ่อขนาด 4x6 เมตร ลึก 2 เมตร",
    "ถนนยาว 500 เมตร จากซอย 22 ถึงซ.24",
    "บ้านอยู่ซอยรามคำแหง 21 หมู่ที่ 5",
    "ไฟดับตั้งแต่ ม.5 ถึง ม.7 ทั้งคืน",
    "อุบัติเหตุบ่อยที่ถนนพหลโยธิน กม.35 ขาขึ้น",
    "ทางหลวงหมายเลข 1020 ชำรุดเป็นหลุมหลายจุด",
    "รถเมล์สาย 8 ไม่ผ่านหมู่บ้านแล้ว",
    "ผู้สูงอายุในหมู่บ้าน 35% ยังไม่ได้รับวัคซีน",
    "ส่งไปรษณีย์ที่ อ.เมือง จ.พะเยา 56000",
    "ติดตามคำร้อง CH-2570-0000123 ด้วยครับ",
    "ศูนย์เด็กเล็กมีเด็ก 30 คน ครู 2 คน",
    "ปี 2566 2567 และ 2568 น้ำท่วมทุกปี",
    "ประชุมวันที่ ๑๕ มีนาคม ๒๕๖๗ เวลา ๐๙.๐๐ น.",
    "หนังสือเลขที่ 123/2567 ลงวันที่ 5 มิ.ย. 2567",
    "ซอย 22/1 ถนนเจริญราษฎร์ ไฟส่องสว่างเสีย",
    "ขอไฟกิ่ง 20 ต้น ระยะทาง 1.2 กม.",
    "เปิดให้บริการ 08.00-16.30 น. ทุกวันจันทร์ถึงศุกร์",
    "ผลผลิตข้าว 650 กก./ไร่ พื้นที่ 1,200 ไร่",
    "ครัวเรือน 152 หลังคาเรือน ประชากร 487 คน",
    "เบอร์ฉุกเฉิน 1669 และ 191",
    "โอนเงินค่าน้ำแล้ว 350 บาท เมื่อ 3/6/67",
    "มติที่ประชุม 12/30 เสียงเห็นชอบ",
    "งบปี 2570 จำนวน 12,500,000 บาท",
    "บ้าน 45 หลังคาเรือนได้รับผลกระทบจากพายุ",
    "แจ้งใน @ไลน์กลุ่มหมู่บ้านแล้วนะ",
    "ช่วงปี 2560-2567 ถนนไม่เคยซ่อมเลย",
    "คำร้องเลขที่ CH-2570-0000456 ยังไม่คืบหน้า",
    "โอนเงินงบประมาณ 1500000000 บาท ให้จังหวัด",
    "ที่ประชุมเห็นด้วย 3/4 หมู่บ้านในตำบล",
    "ชำระแล้ว 1,500 บาท, 2,000 บาท และ 1,234,567,890 บาท",
    "หนังสือที่ มท 0810.3/ว 1234 ลงวันที่ 12 ม.ค. 2567",
    "รหัสคำร้อง 25670000123 รอพิจารณา",
    "ค่าไฟหน่วยละ 4.18 บาท พิกัด 19.1666, 99.9012",
    "ฝนตก 120 มม. ระดับน้ำสูง 1.50 ม. เมื่อ 6 ต.ค. 66",
]


@pytest.mark.parametrize(("message", "expected"), PERSONAL_DATA + NAMES)
def test_each_piece_of_personal_data_is_found_with_its_kind_and_hidden(
    message: str, expected: list[tuple[str, str]]
) -> None:
    found = {(span.text, span.kind) for span in find_personal_data(message)}
    masked = mask_personal_data(message).text
    for substring, kind in expected:
        assert (substring, kind) in found
        if len(substring) > 2:  # a one-digit house number may also occur elsewhere in the message
            assert substring not in masked
        assert PLACEHOLDERS[kind] in masked
    assert len(found) == len(expected)


@pytest.mark.parametrize("message", ORDINARY_NUMBERS + NOT_HOUSES)
def test_ordinary_numbers_are_left_alone(message: str) -> None:
    assert find_personal_data(message) == ()
    assert mask_personal_data(message) == MaskedText(message, ())


def test_the_tables_are_large_enough_to_mean_something() -> None:
    assert len(PERSONAL_DATA) >= 40
    assert len(ORDINARY_NUMBERS) >= 25
    assert len(NOT_NAMES_OR_HOUSES) >= 10


@pytest.mark.parametrize("message", HOUSE_LISTS)
def test_no_digit_of_a_list_or_range_of_house_numbers_remains(message: str) -> None:
    assert not any(c.isdigit() for c in mask_personal_data(message).text)


@pytest.mark.parametrize("message", [m for m, _ in PERSONAL_DATA + NAMES])
def test_offsets_point_into_the_original_text(message: str) -> None:
    for span in find_personal_data(message):
        assert message[span.start : span.end] == span.text


@pytest.mark.parametrize("message", [m for m, _ in PERSONAL_DATA + NAMES])
def test_spans_are_in_order_and_never_overlap(message: str) -> None:
    spans = find_personal_data(message)
    for before, after in itertools.pairwise(spans):
        assert before.end <= after.start


def test_the_placeholders_are_thai() -> None:
    assert PLACEHOLDERS == {
        "phone": "[เบอร์โทร]",
        "national_id": "[เลขบัตรประชาชน]",
        "email": "[อีเมล]",
        "house_number": "[บ้านเลขที่]",
        "bank_account": "[เลขบัญชี]",
        "name": "[ชื่อ]",
    }


@pytest.mark.parametrize(
    ("message", "masked"),
    [
        ("บ้านเลขที่ 5 และ 3 คนในบ้านป่วย", "บ้านเลขที่ [บ้านเลขที่] และ 3 คนในบ้านป่วย"),
        ("บ้านเลขที่ 12/3, 12/5 และ 12/9", "บ้านเลขที่ [บ้านเลขที่], [บ้านเลขที่] และ [บ้านเลขที่]"),
        ("บ้านเลขที่ 3(28/98) ม.2", "บ้านเลขที่ [บ้านเลขที่]([บ้านเลขที่]) ม.2"),
        ("บ้านเลขที่ - ม.2 ต.บ้านต๋อม", "บ้านเลขที่ - ม.2 ต.บ้านต๋อม"),
    ],
)
def test_exactly_the_personal_part_is_replaced(message: str, masked: str) -> None:
    assert mask_personal_data(message).text == masked


def test_a_mobile_number_in_thai_digits_is_masked() -> None:
    assert mask_personal_data("โทร ๐๘๑-๒๓๔-๕๖๗๘ ค่ะ").text == "โทร [เบอร์โทร] ค่ะ"


def test_thai_digits_do_not_shift_offsets() -> None:
    message = "๑๒๓ บ้านเลขที่ ๔๕/๒ โทร ๐๘๑๒๓๔๕๖๗๘"
    spans = find_personal_data(message)
    assert [(s.start, s.end, s.kind) for s in spans] == [(15, 19, "house_number"), (24, 34, "phone")]


def test_only_the_house_number_is_hidden_not_the_words_around_it() -> None:
    assert mask_personal_data("เลขที่ 123 หมู่ 4").text == "เลขที่ [บ้านเลขที่] หมู่ 4"
    assert mask_personal_data("บ้านเลขที่ 45/2 หมู่ 4").text == "บ้านเลขที่ [บ้านเลขที่] หมู่ 4"


def test_every_national_id_grouping_is_recognised() -> None:
    for number in ("1-2345-67890-12-3", "1 2345 67890 12 3", "1234567890123", "๑๒๓๔๕๖๗๘๙๐๑๒๓"):
        assert [s.kind for s in find_personal_data(f"เลขบัตร {number}")] == ["national_id"]


def test_a_bank_account_in_the_printed_layout_wins_over_a_look_alike_phone() -> None:
    assert [s.kind for s in find_personal_data("บัญชี 068-2-12345-6")] == ["bank_account"]


def test_a_long_number_without_a_bank_word_is_not_taken_for_an_account() -> None:
    assert find_personal_data("รหัสโครงการ 4071234567") == ()


@pytest.mark.parametrize(
    "message",
    [
        "",
        " ",
        "😀🙏🏻 ขอบคุณค่ะ",
        "\x00\x01\x1f\x7f\u200b\ufeff",
        "@@@",
        "a@b",
        "\ud800 lone surrogate",
        "0" * 40,
        "+66",
        "/" * 9,
    ],
)
def test_odd_strings_never_raise(message: str) -> None:
    assert isinstance(mask_personal_data(message), MaskedText)


def test_a_100_kilobyte_message_is_masked_quickly_and_completely() -> None:
    chunk = "ติดต่อ 081-234-5678 บ้านเลขที่ 45/2 หมู่ 4 somchai@gmail.com 1,500 บาท 😀 "
    message = chunk * (100_000 // len(chunk))
    seconds = timeit.timeit(lambda: mask_personal_data(message), number=1)
    assert seconds < 2
    assert len(find_personal_data(message)) == 3 * (100_000 // len(chunk))
    assert len(find_personal_data("a" * 100_000 + "@" + "b" * 100_000)) == 0


def test_text_without_digits_or_at_sign_takes_the_fast_path() -> None:
    message = "ถนนหน้าหมู่บ้านเป็นหลุมเป็นบ่อ ฝนตกทีไรน้ำขังทุกครั้ง เด็กนักเรียนขี่รถล้มบ่อยมาก ขอให้ช่วยซ่อมด้วยค่ะ"
    assert find_personal_data(message) == ()
    per_call = timeit.timeit(lambda: find_personal_data(message), number=2000) / 2000
    assert per_call < 50e-6


def test_spans_are_frozen_values() -> None:
    span = PiiSpan(0, 3, "phone", "081")
    with pytest.raises(AttributeError):
        span.start = 1  # type: ignore[misc]


def test_the_module_depends_on_the_standard_library_only() -> None:
    nlp_dir = Path(__file__).parents[2] / "nlp"
    sources = [(nlp_dir / name).read_text(encoding="utf-8") for name in ("pii.py", "pii_names.py")]
    imported = {
        alias.name.split(".")[0]
        for source in sources
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Import | ast.ImportFrom) and getattr(node, "module", None) != "nlp.pii_names"
        for alias in (node.names if isinstance(node, ast.Import) else [ast.alias(node.module or "")])
    }
    assert imported <= {"re", "dataclasses", "unicodedata"}


@given(st.text(alphabet=st.sampled_from("0123456789๐๑๒๓๔๕๖๗๘๙ -./@+()ม.หมู่บ้านเลขที่ซอยบัญชีabc\nนายงสาวชื่อญ็ก"), max_size=200))
@settings(max_examples=300, deadline=None)
def test_any_text_masks_without_raising_and_with_true_offsets(message: str) -> None:
    masked = mask_personal_data(message)
    for span in masked.spans:
        assert message[span.start : span.end] == span.text
    assert all(a.end <= b.start for a, b in itertools.pairwise(masked.spans))
