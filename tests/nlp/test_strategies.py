"""Linking needs to strategies: any province's list, national pillars when none."""

import pytest

import nlp

INFRASTRUCTURE_PLAN = [
    {"code": "S1", "title": "ยุทธศาสตร์ที่ 1 ด้านโครงสร้างพื้นฐาน",
     "description": "ก่อสร้าง ปรับปรุง ซ่อมแซมถนน สะพาน รางระบายน้ำ และไฟฟ้าสาธารณะ"},
    {"code": "S2", "title": "ยุทธศาสตร์ที่ 2 ด้านการเกษตรและแหล่งน้ำ",
     "description": "พัฒนาแหล่งน้ำเพื่อการเกษตร ขุดลอกคลอง ส่งเสริมอาชีพเกษตรกร"},
    {"code": "S3", "title": "ยุทธศาสตร์ที่ 3 ด้านสังคมและคุณภาพชีวิต", "description": ""},
]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("ถนนในหมู่บ้านเป็นหลุมเป็นบ่อ อยากให้ลาดยางใหม่", "S1"),
        ("ขอให้ขุดลอกลำเหมืองส่งน้ำเข้านา หน้าแล้งไม่มีน้ำทำนา", "S2"),
        ("ผู้สูงอายุในหมู่บ้านไม่มีคนดูแล อยากให้มีอาสาสมัครมาเยี่ยม", "S3"),
    ],
)
def test_a_need_links_to_the_strategy_that_covers_it(text: str, code: str) -> None:
    matches = nlp.link_strategies(text, INFRASTRUCTURE_PLAN)
    assert matches[0].code == code
    assert all(0 <= m.score <= 1 for m in matches)
    assert [m.score for m in matches] == sorted((m.score for m in matches), reverse=True)

#: A plan with no infrastructure heading: roads are filed by what they serve.
NO_INFRASTRUCTURE_PLAN = [
    {"code": "P1", "title": "ประเด็นที่ 1 พัฒนาคน หมู่บ้าน ชุมชน ให้มีคุณภาพชีวิตที่ดี", "description": ""},
    {"code": "P2", "title": "ประเด็นที่ 2 ส่งเสริมการค้า การลงทุน และการท่องเที่ยว", "description": ""},
    {"code": "P3", "title": "ประเด็นที่ 3 บริหารจัดการทรัพยากรธรรมชาติและสิ่งแวดล้อม", "description": ""},
]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("ถนนในซอยบ้านเป็นหลุมเป็นบ่อ รถล้มบ่อย", "P1"),
        ("โครงการขยายทางหลวงหมายเลข 212 เป็นสี่ช่องจราจร", "P2"),
        ("โครงการก่อสร้างท่าเทียบเรือลอยน้ำสำหรับนักท่องเที่ยว", "P2"),
    ],
)
def test_without_an_infrastructure_heading_a_village_road_is_community_and_a_highway_is_trade(
        text: str, code: str) -> None:
    assert nlp.link_strategies(text, NO_INFRASTRUCTURE_PLAN, top=1)[0].code == code


def test_a_highway_stays_with_the_infrastructure_heading_where_there_is_one() -> None:
    assert nlp.link_strategies("โครงการขยายทางหลวงหมายเลข 212 เป็นสี่ช่องจราจร", INFRASTRUCTURE_PLAN)[0].code == "S1"


def test_a_match_says_which_words_made_it() -> None:
    best = nlp.link_strategies("ถนนพังมาก ขอซ่อมถนนด่วน", INFRASTRUCTURE_PLAN, top=1)[0]
    assert best.code == "S1" and "ถนน" in best.matched_terms


def test_strategies_can_be_objects_and_the_national_pillars_are_usable() -> None:
    matches = nlp.link_strategies("มีการค้ายาบ้าในหมู่บ้าน วัยรุ่นติดยาเยอะ", nlp.NATIONAL_PILLARS, top=3)
    assert matches[0].code == "1"
    assert [p.code for p in nlp.NATIONAL_PILLARS] == ["1", "2", "3", "4", "5", "6"]


def test_no_strategies_or_no_words_give_no_links() -> None:
    assert nlp.link_strategies("ถนนพัง", []) == []
    assert nlp.link_strategies("😀", INFRASTRUCTURE_PLAN) == []
    assert len(nlp.link_strategies("ถนนพัง", INFRASTRUCTURE_PLAN, top=1)) == 1
