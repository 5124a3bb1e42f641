"""Near-duplicate needs in one area: the same need said differently is found, another need at one place is not."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.similar import DEFAULT_THRESHOLD, DuplicateIndex, SimilarText, similarity

#: The same need, as two villagers would type it.
SAME_NEED = [
    ("ถนนหน้าวัดเป็นหลุมเป็นบ่อ", "ถนนหน้าวัดเป็นหลุมเป็นบ่อมากกก ช่วยซ่อมด้วย"),  # repeated letters, a plea
    ("ไฟทางหน้าวัดดับ", "ไฟทางหน้าวัดดับหลายวันแล้วค่ะ"),  # added detail, politeness
    ("น้ำประปาหมู่ 5 ไม่ไหลมาสามวัน", "น้ำประปาหมู่ ๕ ไม่ไหลมาสามวันแล้วครับ"),  # Thai digits
    ("ขยะล้นถังหน้าตลาดส่งกลิ่นเหม็น", "ขยะล้นถังหน้าตลาด ส่งกลิ่นเหมน"),  # typo
    ("สุนัขจรจัดหน้าโรงเรียนกัดเด็ก", "หน้าโรงเรียนมีสุนัขจรจัดกัดเด็ก"),  # word order
    ("ยุงเยอะมากกกกก อยากให้มาพ่นยา", "ยุงเยอะมาก อยากให้มาพ่นยากันยุง"),
    ("ขอให้ช่วยขุดลอกคลองส่งน้ำหมู่ 3 ด้วยครับ", "ขุดลอกคลองส่งน้ำหมู่ 3"),  # politeness only
    ("สะพานไม้ข้ามลำห้วยผุพัง", "สะพาน ไม้ ข้าม ลำห้วย ผุ พัง"),  # spaces between words
    ("ท่อระบายน้ำอุดตันหน้าร้านค้า", "ท่อระบายน้ำหน้าร้านค้าอุดตัน น้ำขังทุกครั้งที่ฝนตก"),
    ("อยากได้ไฟส่องสว่างในซอย 7", "อยากได้ไฟส่องสว่างซอย ๗ ค่ะ มืดมาก"),
    ("ไม่มีรถโดยสารเข้าหมู่บ้าน", "หมู่บ้านไม่มีรถโดยสารเข้า ลำบากมาก"),
    ("ศาลาประชาคมหลังคารั่ว", "ศาลาประชาคม หลังคารัว"),  # missing tone mark
    ("สัญญาณโทรศัพท์ในหมู่บ้านไม่มี", "ในหมู่บ้านไม่มีสัญญาณโทรศัพท์ โทรไม่ติดเลย"),
    ("ขอถังขยะเพิ่มที่ลานกีฬา", "ลานกีฬาถังขยะไม่พอ ขอเพิ่มค่ะ"),
    ("ฝุ่นจากรถบรรทุกดินหน้าบ้าน", "รถบรรทุกดินวิ่งผ่านหน้าบ้านฝุ่นเยอะมาก"),
    ("เด็กติดยาเสพติดในหมู่บ้านเยอะ", "ในหมู่บ้านมีเด็กติดยาเสพติดเยอะมากครับ"),
    ("ต้นไม้ล้มขวางถนนทางไปไร่", "ต้นไม้ล้มขวางถนนทางไปไร่ ช่วยมาตัดทีครับ"),
    ("Wifi ที่ศาลาหมู่บ้านใช้ไม่ได้", "wifi ศาลาหมู่บ้าน ใช้ไม่ได้ค่ะ"),  # Latin case
    ("ผู้สูงอายุติดเตียงไม่มีคนดูแล", "ผู้สูงอายุติดเตียงในหมู่ ๔ ไม่มีใครดูแลเลยค่ะ"),
    ("น้ำท่วมถนนสายหลักทุกปี", "ถนนสายหลักน้ำท่วมทุกปีครับ สัญจรไม่ได้"),
]
#: Two different needs at the same place or on the same topic.
OTHER_NEED = [
    ("ไฟทางหน้าวัดดับ", "ถนนหน้าวัดพัง"),
    ("ถนนหน้าวัดเป็นหลุมเป็นบ่อ", "ไฟทางหน้าวัดดับ"),
    ("ถนนหน้าวัดเป็นหลุมเป็นบ่อ", "ต้นไม้หน้าวัดล้มขวางถนน"),
    ("น้ำท่วมโรงเรียน", "โรงเรียนขาดครู"),
    ("น้ำท่วมโรงเรียนบ้านหนองบัวทุกปี", "โรงเรียนบ้านหนองบัวขาดครูสอนคณิตศาสตร์"),
    ("ขยะล้นถังหน้าตลาด", "หน้าตลาดไม่มีที่จอดรถ"),
    ("สุนัขจรจัดหน้าโรงเรียนกัดเด็ก", "หน้าโรงเรียนไม่มีทางม้าลาย เด็กข้ามถนนลำบาก"),
    ("ขุดลอกคลองส่งน้ำหมู่ 3", "สร้างสะพานข้ามคลองหมู่ 3"),
    ("ศาลาประชาคมหลังคารั่ว", "ศาลาประชาคมไม่มีพัดลม"),
    ("ไฟส่องสว่างในซอย 7 ดับ", "ถนนในซอย 7 น้ำท่วมขัง"),
    ("ผู้สูงอายุในหมู่บ้านไม่มีคนดูแล", "เด็กในหมู่บ้านไม่มีที่เล่น"),
    ("น้ำท่วมนาข้าว", "นาข้าวขาดน้ำ ฝนไม่ตก"),
    ("ถนนเข้าหมู่บ้านเป็นลูกรัง อยากได้ลาดยาง", "ถนนเข้าหมู่บ้านไม่มีไฟส่องสว่าง"),
    ("อยากได้ครูสอนภาษาอังกฤษที่โรงเรียน", "อยากได้สนามเด็กเล่นที่โรงเรียน"),
    ("รถโดยสารเข้าหมู่บ้านน้อย", "รถบรรทุกวิ่งเร็วในหมู่บ้าน"),
    ("สัญญาณโทรศัพท์ในหมู่บ้านไม่มี", "ไฟฟ้าในหมู่บ้านดับบ่อย"),
    ("ยุงเยอะ อยากให้มาพ่นยา", "หนูเยอะ อยากให้มาวางยาเบื่อ"),
    ("ขยะที่ลานกีฬาไม่มีคนเก็บ", "ลานกีฬาไม่มีไฟส่องสว่าง"),
    ("โรงเรียนน้ำท่วม", "โรงเรียนไม่มีน้ำดื่มสะอาด"),
    ("น้ำประปาหมู่ 5 ไม่ไหล", "น้ำประปาหมู่ 5 ขุ่นเป็นสีแดง มีตะกอน"),
]
#: Other needs of the same village, so that the index has realistic word frequencies.
VILLAGE = [
    "อยากได้ตลาดนัดชุมชนทุกวันเสาร์",
    "ผู้สูงอายุอยากได้รถรับส่งไปโรงพยาบาล",
    "ปุ๋ยราคาแพง อยากให้มีกองทุนปุ๋ยในหมู่บ้าน",
    "ลำห้วยตื้นเขิน หน้าแล้งไม่มีน้ำใช้ทำการเกษตร",
    "วัยรุ่นขับรถเสียงดังตอนกลางคืน",
    "อยากให้มีการฝึกอาชีพทำขนมให้แม่บ้าน",
    "ป้ายบอกทางเข้าหมู่บ้านหักล้ม",
    "ไฟไหม้หญ้าข้างทางทุกหน้าแล้ง ควันเยอะ",
    "ห้องน้ำสาธารณะที่ตลาดสกปรก",
    "อยากให้ อบต. มาตัดหญ้าสองข้างทาง",
    "ศูนย์เด็กเล็กไม่มีเครื่องเล่น",
    "ช้างป่าลงมากินพืชไร่ชาวบ้าน",
    "หอกระจายข่าวเสียงไม่ชัด",
    "อยากได้ลานตากข้าวของหมู่บ้าน",
    "สายไฟฟ้าหย่อนต่ำใกล้หลังคาบ้าน",
]


def village_index() -> DuplicateIndex:
    """Every text of both tables plus the village background, keyed (table, row, side) or ("village", i)."""
    index = DuplicateIndex()
    for i, text in enumerate(VILLAGE):
        index.add(("village", i), text)
    for table, pairs in (("same", SAME_NEED), ("other", OTHER_NEED)):
        for row, (a, b) in enumerate(pairs):
            index.add((table, row, "a"), a)
            index.add((table, row, "b"), b)
    return index


@pytest.fixture(scope="module")
def index() -> DuplicateIndex:
    return village_index()


@pytest.mark.parametrize(("first", "second"), SAME_NEED)
def test_the_same_need_typed_differently_is_a_duplicate(first: str, second: str) -> None:
    assert similarity(first, second) >= DEFAULT_THRESHOLD
    assert similarity(second, first) == pytest.approx(similarity(first, second))


@pytest.mark.parametrize("row", range(len(SAME_NEED)))
def test_the_index_finds_the_same_need_another_villager_sent(index: DuplicateIndex, row: int) -> None:
    found = index.query(SAME_NEED[row][0], exclude=("same", row, "a"))
    assert ("same", row, "b") in [match.key for match in found]


@pytest.mark.parametrize(("first", "second"), OTHER_NEED)
def test_another_need_at_the_same_place_is_not_a_duplicate(first: str, second: str) -> None:
    assert similarity(first, second) < DEFAULT_THRESHOLD


@pytest.mark.parametrize("row", range(len(OTHER_NEED)))
def test_the_index_does_not_offer_another_need_at_the_same_place(index: DuplicateIndex, row: int) -> None:
    found = index.query(OTHER_NEED[row][0], exclude=("other", row, "a"))
    assert ("other", row, "b") not in [match.key for match in found]


def test_the_example_road_hole_matches_and_the_street_light_does_not() -> None:
    index = DuplicateIndex()
    index.add("hole", "ถนนหน้าวัดเป็นหลุมเป็นบ่อมากกก ช่วยซ่อมด้วย")
    index.add("light", "ไฟทางหน้าวัดดับ")
    assert [match.key for match in index.query("ถนนหน้าวัดเป็นหลุมเป็นบ่อ")] == ["hole"]
    assert "light" not in [match.key for match in index.query("ถนนหน้าวัดพัง")]


def test_an_identical_text_scores_one_and_every_score_is_between_zero_and_one(index: DuplicateIndex) -> None:
    assert similarity("ไฟทางหน้าวัดดับ", "ไฟทางหน้าวัดดับ") == pytest.approx(1.0)
    assert index.query("ไฟทางหน้าวัดดับ", top=1, threshold=1.0)[0].score == 1.0
    for first, second in SAME_NEED + OTHER_NEED:
        assert 0.0 <= similarity(first, second) <= 1.0
        assert all(0.0 <= match.score <= 1.0 for match in index.query(first, top=50, threshold=0.0))


def test_adding_an_existing_key_replaces_its_text() -> None:
    index = DuplicateIndex()
    index.add(1, "ไฟทางหน้าวัดดับ")
    index.add(1, "น้ำท่วมนาข้าว")
    assert len(index) == 1
    assert index.query("ไฟทางหน้าวัดดับ") == []
    assert [match.key for match in index.query("น้ำท่วมนาข้าว")] == [1]


def test_a_removed_text_is_no_longer_found_and_removing_an_unknown_key_is_harmless() -> None:
    index = DuplicateIndex()
    index.add("a", "ไฟทางหน้าวัดดับ")
    index.add("b", "ถนนหน้าวัดพัง")
    index.remove("a")
    index.remove("a")
    index.remove("never added")
    index.remove(["not", "hashable"])
    assert len(index) == 1 and list(index) == ["b"]
    assert "a" not in index
    assert "b" in index
    assert ["not", "hashable"] not in index
    assert index.query("ไฟทางหน้าวัดดับ") == []


def test_exclude_leaves_out_the_text_being_asked_about() -> None:
    index = DuplicateIndex()
    index.add("mine", "ยุงเยอะ อยากให้มาพ่นยา")
    index.add("neighbour", "ยุงเยอะมาก อยากให้มาพ่นยากันยุงค่ะ")
    assert [m.key for m in index.query("ยุงเยอะ อยากให้มาพ่นยา")] == ["mine", "neighbour"]
    assert [m.key for m in index.query("ยุงเยอะ อยากให้มาพ่นยา", exclude="mine")] == ["neighbour"]
    assert [m.key for m in index.query("ยุงเยอะ อยากให้มาพ่นยา", exclude="nobody")] == ["mine", "neighbour"]


def test_results_come_best_first_and_no_more_than_top() -> None:
    index = DuplicateIndex(threshold=0.0)
    index.add("exact", "ถนนหน้าวัดเป็นหลุมเป็นบ่อ")
    index.add("close", "ถนนหน้าวัดเป็นหลุมเป็นบ่อมาก ช่วยซ่อมด้วย")
    index.add("far", "ถนนหน้าวัดพัง")
    index.add("unrelated", "ช้างป่าลงมากินพืชไร่")
    found = index.query("ถนนหน้าวัดเป็นหลุมเป็นบ่อ", top=3)
    assert [match.key for match in found] == ["exact", "close", "far"]
    assert [match.score for match in found] == sorted((match.score for match in found), reverse=True)
    assert len(index.query("ถนนหน้าวัดเป็นหลุมเป็นบ่อ", top=1)) == 1
    assert index.query("ถนนหน้าวัดเป็นหลุมเป็นบ่อ", top=0) == []


def test_only_scores_at_or_above_the_threshold_are_returned(index: DuplicateIndex) -> None:
    text = "ถนนหน้าวัดเป็นหลุมเป็นบ่อ"
    loose = index.query(text, top=100, threshold=0.1)
    assert len(loose) > len(index.query(text, top=100)) >= 1
    assert all(match.score >= 0.1 for match in loose)
    assert index.query(text, threshold=1.01) == []
    strict = DuplicateIndex(threshold=0.99)
    strict.add(1, "ถนนหน้าวัดเป็นหลุมเป็นบ่อมาก ช่วยซ่อมด้วย")
    assert strict.query(text) == []
    assert [match.key for match in strict.query(text, threshold=0.5)] == [1]
    assert isinstance(strict.query(text, threshold=0.5)[0], SimilarText)


@pytest.mark.parametrize("meaningless", ["", "   ", "😀😀😀", "!!!???", "...", "ครับ", "ค่ะ 🙏🙏", "\x00\u200b"])
def test_meaningless_texts_never_match_anything(meaningless: str) -> None:
    index = DuplicateIndex(threshold=0.0)
    index.add("empty", meaningless)
    index.add("need", "ไฟทางหน้าวัดดับ")
    assert "empty" in index
    assert index.query(meaningless) == []
    assert all(match.key != "empty" for match in index.query("ไฟทางหน้าวัดดับ", top=10))
    assert similarity(meaningless, meaningless) == 0.0


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=60), st.text(max_size=60))
def test_any_string_is_accepted_without_error(first: str, second: str) -> None:
    index = DuplicateIndex()
    index.add(first, first)
    index.add(second, second)
    index.query(first, exclude=second)
    assert 0.0 <= similarity(first, second) <= 1.0
    index.remove(first)


def test_a_very_long_or_odd_text_is_accepted() -> None:
    index = DuplicateIndex()
    for key, text in enumerate(["ถนนพัง" * 5000, "\ud800ถนน\udfff", "a\u0e48\u0e48\u0e48", "๑๒๓๔", "x" * 3]):
        index.add(key, text)
        assert index.query(text, top=1, threshold=0.0) or not text.strip()


def test_duplicates_are_still_found_among_many_texts_and_after_many_removals() -> None:
    places = ["หน้าวัดป่าแดง", "ซอย 3", "หมู่ 5", "หน้าโรงเรียน", "ตลาดสด", "บ้านหนองบัว", "ทางไปไร่", "ริมคลอง"]
    problems = ["ถนนเป็นหลุม", "ไฟทางดับ", "น้ำท่วมขัง", "ขยะล้น", "ท่อตัน", "สุนัขจรจัดเยอะ", "น้ำประปาไม่ไหล"]
    wishes = ["", " ช่วยซ่อมด้วย", " อยากให้มาดู", " เดือดร้อนมาก", " ขอบคุณค่ะ"]
    texts = [f"{problem}{place}{wish}" for place in places for problem in problems for wish in wishes]
    index = DuplicateIndex()
    for round_ in range(5):
        for key, text in enumerate(texts):
            index.add((round_, key), text)
    for round_ in range(4):  # enough removals for the index to compact itself
        for key in range(len(texts)):
            index.remove((round_, key))
    assert len(index) == len(texts)
    found = index.query("ไฟทางดับหน้าวัดป่าแดงค่ะ", top=5)
    assert found and all("ไฟทางดับหน้าวัดป่าแดง" in texts[key] for _, key in (match.key for match in found))
