"""Every public function of nlp takes any string without crashing and keeps its promises."""

from hypothesis import given, settings
from hypothesis import strategies as st

import nlp

THAI = st.characters(min_codepoint=0x0E00, max_codepoint=0x0E7F)
ANY_TEXT = st.one_of(
    st.text(),
    st.text(alphabet=THAI, max_size=300),
    st.text(alphabet=st.one_of(THAI, st.characters(), st.sampled_from(" \n\t๑๒5/-@.")), max_size=500),
)
PLAN = [{"code": "A", "title": "ด้านโครงสร้างพื้นฐาน", "description": "ถนน ไฟฟ้า"},
        {"code": "B", "title": "ด้านสังคมและคุณภาพชีวิต", "description": ""}]


@settings(max_examples=150, deadline=None)
@given(ANY_TEXT)
def test_analyze_takes_any_string(text: str) -> None:
    result = nlp.analyze(text)
    assert result.kind in nlp.KINDS and result.sector in nlp.SECTORS
    assert 0 <= result.kind_confidence <= 1 and 0 <= result.sector_confidence <= 1
    assert (result.kind in ("problem", "both")) == result.has_problem
    assert (result.kind in ("wish", "both")) == result.has_wish


@settings(max_examples=100, deadline=None)
@given(ANY_TEXT, st.integers(min_value=0, max_value=5))
def test_link_strategies_takes_any_string(text: str, top: int) -> None:
    matches = nlp.link_strategies(text, PLAN, top=top)
    assert len(matches) <= min(top, len(PLAN))
    assert all(m.code in ("A", "B") and 0 <= m.score <= 1 for m in matches)


@settings(max_examples=200, deadline=None)
@given(ANY_TEXT)
def test_mask_personal_data_takes_any_string(text: str) -> None:
    masked = nlp.mask_personal_data(text)
    for span in masked.spans:
        assert text[span.start:span.end] == span.text
    assert all(a.end <= b.start for a, b in zip(masked.spans, masked.spans[1:], strict=False))


@settings(max_examples=100, deadline=None)
@given(st.lists(ANY_TEXT, max_size=8), ANY_TEXT)
def test_duplicate_index_takes_any_strings(texts: list[str], query: str) -> None:
    index = nlp.DuplicateIndex()
    for key, text in enumerate(texts):
        index.add(key, text)
    assert len(index) == len(texts)
    for hit in index.query(query, top=3):
        assert 0 <= hit.score <= 1 and hit.key in index
    assert 0 <= nlp.similarity(query, texts[0] if texts else "") <= 1


def test_a_hundred_kilobytes_of_text_is_handled() -> None:
    long_text = "ถนนพังมาก อยากให้ซ่อม โทร 0812345678 " * 3000
    assert nlp.analyze(long_text).sector == "road"
    assert "0812345678" not in nlp.mask_personal_data(long_text).text
