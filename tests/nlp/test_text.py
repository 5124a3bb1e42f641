"""Tokenizing calls the segmenter directly for speed and must give exactly PyThaiNLP's word_tokenize tokens."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pythainlp.tokenize import word_tokenize

from nlp.text import normalize, tokenize

TEXTS = [
    "ถนนเข้าหมู่บ้านเป็นหลุมเป็นบ่อ อยากให้ทำถนนคอนกรีต",
    "ไฟดับตั้งแต่ 18:30 น. ถึง 21.45 น. ซอย 22",
    "ค่าน้ำขึ้นจาก 1,234.50 บาท เป็น 2,000 บาท",
    "  นัดประชุม   วันที่ 12/3   เวลา 9:00  ",
    "IP 127.0.0.1 ใช้ไม่ได้ครับ wifi ศาลาหมู่บ้านดับ 🙏🙏",
    "น้ำท่วมขังหน้าบ้านเลขที่ 99/12 ม.4 ต.นาจิก อ.เมือง จ.อำนาจเจริญ",
]


def reference(text: str) -> list[str]:
    """PyThaiNLP's own path, the words that hold a letter or a digit (tokenize drops bare punctuation)."""
    words = word_tokenize(text, engine="nlpo3", keep_whitespace=False)
    return [w for w in words if any(c.isalnum() for c in w)]


@pytest.mark.parametrize("text", TEXTS)
def test_tokens_are_word_tokenize_tokens(text: str) -> None:
    norm = normalize(text)
    assert tokenize(norm) == reference(norm)
    assert tokenize(norm)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.one_of(st.characters(min_codepoint=0x0E00, max_codepoint=0x0E7F),
                                  st.sampled_from(" 0123456789.,:/abc\t🙏")), max_size=80))
def test_tokens_are_word_tokenize_tokens_for_any_text(text: str) -> None:
    norm = normalize(text)
    assert tokenize(norm) == reference(norm)


def test_formatted_numbers_stay_whole() -> None:
    assert "18:30" in tokenize(normalize("ไฟดับตั้งแต่ 18:30 น."))
    assert "1,234.50" in tokenize(normalize("ค่าน้ำ 1,234.50 บาท"))
