"""Finding and masking personal names: the name after a title or ชื่อ, never the title, an office or a word around it."""

import itertools
import timeit

import pytest

from nlp.pii import PLACEHOLDERS, MaskedText, find_personal_data, mask_personal_data

NAME, HOUSE = "name", "house_number"

#: (message, [(substring that is personal data, its kind), ...]): names alone and names among other personal data.
NAMES = [
    (
        "ผมชื่อนายสมชาย ใจดี เลขบัตรประชาชน 1-5699-00123-45-6 ขอรับเบี้ยยังชีพคนพิการ",
        [("สมชาย ใจดี", NAME), ("1-5699-00123-45-6", "national_id")],
    ),
    ("หมู่ 4 99/12 บ้านนายดำ ต้นไม้ล้มขวางทาง", [("99/12", "house_number"), ("ดำ", NAME)]),
    ("โอนเงินช่วยเหลือเข้าบัญชี กสิกรไทย 123-4-56789-0 ชื่อนางสาวมาลี", [("123-4-56789-0", "bank_account"), ("มาลี", NAME)]),
    ("กรุงไทย 981-0-12345-6 นายบุญมี", [("981-0-12345-6", "bank_account"), ("บุญมี", NAME)]),
    (
        "ข้าพเจ้า นางบัวผัน ศรีสุข อายุ 67 ปี บ้านเลขที่ 34/1 หมู่ที่ 2 ตำบลแม่ใส อำเภอเมืองพะเยา จังหวัดพะเยา 56000 "
        "โทรศัพท์ 054-481234 ขอร้องเรียนเรื่องถนนลูกรังชำรุด",
        [("บัวผัน ศรีสุข", NAME), ("34/1", "house_number"), ("054-481234", "phone")],
    ),
    (
        "เรียน นายก อบต. ข้าพเจ้า นายประเสริฐ มั่นคง เลขประจำตัวประชาชน 1 5607 00012 34 5 บ้านเลขที่ 5 ม.1 ขอให้ขุดลอกคลองไส้ไก่",
        [("ประเสริฐ มั่นคง", NAME), ("1 5607 00012 34 5", "national_id"), ("5", "house_number")],
    ),
    (
        "ผู้ประสานงาน: น.ส.อรทัย 092-111-2233 อีเมล orathai.p@gmail.com บ้านเลขที่ 9/9 ม.6",
        [("อรทัย", NAME), ("092-111-2233", "phone"), ("orathai.p@gmail.com", "email"), ("9/9", "house_number")],
    ),
    ("นางสมร ทองคำ บ้านเลขที่ 59/57 ม.4 โทร 0891234567", [("สมร ทองคำ", NAME), ("59/57", HOUSE), ("0891234567", "phone")]),
    # Names after a title or ชื่อ: the given name and the surname, never the title or the words after them.
    ("ผู้แจ้งชื่อสมศรี มีสุข แจ้งว่าไฟกิ่งหน้าวัดดับ", [("สมศรี มีสุข", NAME)]),
    ("ข้าพเจ้านายบุญเลิศ แก้วมณี ขอร้องเรียนเรื่องฝุ่นจากโรงโม่หิน", [("บุญเลิศ แก้วมณี", NAME)]),
    ("นาง ประไพ ศรีเมือง ขอรับเบี้ยผู้สูงอายุ", [("ประไพ ศรีเมือง", NAME)]),
    ("ด.ช.ก้องภพ รักเรียน ถูกสุนัขจรจัดกัดหน้าโรงเรียน", [("ก้องภพ รักเรียน", NAME)]),
    ("ด.ญ.พิมพ์ชนก ใจงาม ไม่มีรถรับส่งไปโรงเรียน", [("พิมพ์ชนก ใจงาม", NAME)]),
    ("เด็กชายธนากร บุญมา อายุ 9 ขวบ จมน้ำในบ่อดิน", [("ธนากร บุญมา", NAME)]),
    ("เด็กหญิงมะลิ แสงดาว ป่วยเป็นไข้เลือดออก", [("มะลิ แสงดาว", NAME)]),
    ("น.ส.วิไลวรรณ ทองดี ขอแจ้งว่าถนนลูกรังเป็นหลุม", [("วิไลวรรณ ทองดี", NAME)]),
    ("นส.ปราณี ใจเย็น ร้องเรียนเสียงดังจากร้านคาราโอเกะ", [("ปราณี ใจเย็น", NAME)]),
    ("ผมชื่อประยุทธ อยู่ ม.2 ครับ ขอเพิ่มเสาไฟ", [("ประยุทธ", NAME)]),
    ("ชื่อ: อำพร แสนสุข ผู้ดูแลผู้ป่วยติดเตียง", [("อำพร แสนสุข", NAME)]),
    ("นางสาวกาญจนาค่ะ ขอแจ้งไฟฟ้าดับทั้งซอย", [("กาญจนา", NAME)]),
    ("นายสมหมายแจ้งว่าท่อประปาแตกหน้าตลาด", [("สมหมาย", NAME)]),
    ("ขอให้ปักเสาไฟจากบ้านนายบุญมีถึงบ้านนายสุข", [("บุญมี", NAME), ("สุข", NAME)]),
    ("นายกมล สุขใจ และนายกิตติ ศรีสุข ขอให้ขุดลอกคลอง", [("กมล สุขใจ", NAME), ("กิตติ ศรีสุข", NAME)]),
    ("ชื่อ สมชาย นามสกุล ใจดี ขอรับถุงยังชีพ", [("สมชาย", NAME), ("ใจดี", NAME)]),
]

#: Offices, jobs and words that merely contain a title or ชื่อ (นายก, นางพยาบาล, ทำนาย, รายชื่อ…): not names.
NOT_NAMES = [
    "เรียนนายกเทศมนตรี ขอให้ซ่อมถนนสายหลัก",
    "นายอำเภอเมืองลงพื้นที่ตรวจน้ำท่วม",
    "นางพยาบาลเวรดึกมีไม่พอ ผู้ป่วยรอนาน",
    "คุณภาพน้ำประปาขุ่นมาก มีตะกอน",
    "เรียน นายก อบต. ขอให้ท่านนายกลงมาดูถนนด้วย ลูกนายกเมื่อวานก็เห็น",
    "นายช่างโยธามาตรวจท่อแล้ว แต่นายทุนล้อมรั้วที่สาธารณะ นายจ้างไม่จ่ายค่าแรง",
    "คำทำนายว่าปีนี้น้ำจะท่วม ทนายความของหมู่บ้านช่วยแล้ว เจ้านายไม่ให้ลา",
    "ป้าแดงกับลุงมี คุณสมศรี ยายจันทร์ ตาสี พี่นก น้องบี ผู้ใหญ่บ้าน กำนัน ร่วมประชุม",
    "ขอให้ทำป้ายชื่อซอยและประกาศรายชื่อผู้มีสิทธิ์ ไม่เชื่อมโยงข้อมูล",
    "เด็กชายอายุ 5 ขวบจมน้ำที่บ่อสาธารณะ",
    "เพาะเห็ดนางฟ้าขาย หอยนางรมตายยกแพ มิถุนายนที่ผ่านมา",
    "ฝนตกหนักตั้งแต่เดือนมิถุนายน ชาวนายังปลูกข้าวไม่ได้",
]


@pytest.mark.parametrize(("message", "expected"), NAMES)
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


@pytest.mark.parametrize("message", NOT_NAMES)
def test_offices_and_words_that_contain_a_title_are_left_alone(message: str) -> None:
    assert find_personal_data(message) == ()
    assert mask_personal_data(message) == MaskedText(message, ())


@pytest.mark.parametrize("message", [m for m, _ in NAMES])
def test_offsets_point_into_the_original_text(message: str) -> None:
    for span in find_personal_data(message):
        assert message[span.start : span.end] == span.text


@pytest.mark.parametrize("message", [m for m, _ in NAMES])
def test_spans_are_in_order_and_never_overlap(message: str) -> None:
    spans = find_personal_data(message)
    for before, after in itertools.pairwise(spans):
        assert before.end <= after.start


@pytest.mark.parametrize(
    ("message", "masked"),
    [
        ("นาย สมชาย ใจดี แจ้งว่าถนนพัง", "นาย [ชื่อ] แจ้งว่าถนนพัง"),
        ("ด.ญ.มะลิ ป่วยหนัก", "ด.ญ.[ชื่อ] ป่วยหนัก"),
        ("นายสมชาย ใจดี ร้องเรียน ถนนพัง", "นาย[ชื่อ] ร้องเรียน ถนนพัง"),
        ("นางสาวมาลี2 ป่วย", "นางสาว[ชื่อ]2 ป่วย"),
    ],
)
def test_exactly_the_personal_part_is_replaced(message: str, masked: str) -> None:
    assert mask_personal_data(message).text == masked


@pytest.mark.parametrize("chunk", ["นายสมชาย ใจดี เด็กชายอายุ ทำนาย ชื่อ น.ส.มาลี นายกฯ ", "นาย", "ชื่อ", "ด.ช.ก", "ทำนาย"])
def test_a_100_kilobyte_message_of_titles_is_masked_quickly(chunk: str) -> None:
    message = chunk * (100_000 // len(chunk))
    assert timeit.timeit(lambda: mask_personal_data(message), number=1) < 2
    if chunk.startswith("นายสมชาย"):
        assert len(find_personal_data(message)) == 2 * (100_000 // len(chunk))
