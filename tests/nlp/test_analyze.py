"""Kind and sector of needs as villagers really type them."""

import pytest

import nlp
from nlp.text import words


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("ถนนเข้าหมู่บ้านเป็นหลุมเป็นบ่อ หน้าฝนรถจักรยานยนต์ล้มบ่อย อยากให้ทำถนนคอนกรีต", "both"),
        ("ไฟทางหน้าวัดดับมาสองอาทิตย์แล้วค่ะ มืดมากกกก", "problem"),
        ("โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก สายบ้านหนองบัว หมู่ที่ 3", "wish"),
        ("อยากได้ลานกีฬาในหมู่บ้านครับ", "wish"),
        ("สวัสดีค่ะ", "other"),
        ("ขอบคุณมากครับ ซ่อมเสร็จแล้ว", "other"),
        ("น้ำประปาไม่ไหลมาสามวันแล้ว ช่วยแก้ไขด้วยครับ", "problem"),
        ("ขยะล้นถังหน้าตลาด ส่งกลิ่นเหม็น ขอให้เพิ่มรอบเก็บขยะ", "both"),
    ],
)
def test_the_kind_of_a_need(text: str, kind: str) -> None:
    assert nlp.analyze(text).kind == kind


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        ("ถนนพังเป็นหลุมใหญ่ รถล้มบ่อย", "road"),
        ("น้ำท่วมขังในซอยทุกครั้งที่ฝนตก ท่อระบายน้ำอุดตัน", "water"),
        ("ไฟฟ้าดับบ่อยมาก หม้อแปลงเก่า", "utilities"),
        ("ขยะไม่มีคนมาเก็บ ส่งกลิ่นเหม็นทั้งซอย", "environment"),
        ("มีวัยรุ่นมั่วสุมเสพยาในศาลาหมู่บ้านตอนกลางคืน", "safety"),
        ("ราคาข้าวตกต่ำมาก ปุ๋ยก็แพง ชาวนาขาดทุน", "agriculture"),
        ("อยากให้มีการฝึกอาชีพทำขนมให้แม่บ้านเพื่อเพิ่มรายได้", "economy"),
        ("ผู้สูงอายุติดเตียงในหมู่บ้านไม่มีคนดูแล", "welfare"),
        ("โรงเรียนขาดครูคณิตศาสตร์ เด็กเรียนไม่ทัน", "education"),
        ("เจ้าหน้าที่ อบต. ไม่เคยมาดูเลยทั้งที่แจ้งหลายครั้ง เรียกเงินใต้โต๊ะด้วย", "governance"),
    ],
)
def test_the_sector_of_a_need(text: str, sector: str) -> None:
    assert nlp.analyze(text).sector == sector


def test_an_analysis_carries_its_signals_confidences_and_model_version() -> None:
    result = nlp.analyze("ถนนเข้าหมู่บ้านเป็นหลุมเป็นบ่อ อยากให้ทำถนนคอนกรีต")
    assert result.has_problem and result.has_wish
    assert 0 < result.kind_confidence <= 1 and 0 < result.sector_confidence <= 1
    assert len(result.sector_probabilities) == len(nlp.SECTORS)
    assert abs(sum(result.sector_probabilities) - 1) < 0.01
    assert result.model_version == nlp.model_version() and len(result.model_version) == 10


@pytest.mark.parametrize("text", ["", "   ", "😀😀😀", "!!!???", "\x00\x01", "5555555"])
def test_texts_without_words_are_other(text: str) -> None:
    result = nlp.analyze(text)
    assert result.kind == "other" and not result.has_problem and not result.has_wish


@pytest.mark.parametrize(("typed", "meant"), [("มืดเเล้วไม่มีไฟ", "มืดแล้วไม่มีไฟ"), ("นํ้าท่วมซอย", "น้ำท่วมซอย"),
                                              ("ทํางาน", "ทำงาน"), ("ท่อแตกหน้าหมูบ้าน", "ท่อแตกหน้าหมู่บ้าน")])
def test_common_misspellings_read_as_the_word_meant(typed: str, meant: str) -> None:
    assert words(typed) == words(meant)


def test_thai_digits_and_repeated_letters_read_like_plain_text() -> None:
    plain = nlp.analyze("ไฟดับ 3 วันแล้ว มืดมาก")
    typed = nlp.analyze("ไฟดับ ๓ วันแล้ววว มืดมากกกกก")
    assert (typed.kind, typed.sector) == (plain.kind, plain.sector)
