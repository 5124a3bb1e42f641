"""Lexicon cues: which words the models see as a request, an action, a generic ask or a finished matter."""

import numpy as np
import pytest

from nlp import model
from nlp.features import CUE_SPACES, features, text_parts
from nlp.train import HIDDEN


def cues(text: str) -> set[str]:
    return {name for name in features(text) if name.startswith("x:")}


@pytest.mark.parametrize("text", ["อยากให้ติดตั้งไฟส่องสว่างหน้าวัด", "ขอให้ทำลูกระนาดหน้าโรงเรียน", "ควรมีรถเมล์เพิ่ม"])
def test_asking_for_something_is_a_wish_cue(text: str) -> None:
    assert "x:wish" in cues(text)


@pytest.mark.parametrize("text", ["รบกวนช่วยตัดต้นไม้ตรงเกาะกลางถนนด้วยค่ะ", "รบกวนเพิ่มรถเมล์สายนี้หน่อย",
                                  "เสนอแนะให้มีการตรวจสอบความสูงของปล่องควัน"])
def test_a_request_that_names_the_action_is_a_wish_cue(text: str) -> None:
    assert "x:wish" in cues(text)


@pytest.mark.parametrize("text", ["รบกวนจัดการให้ด้วยค่ะ", "ช่วยแก้ไขด่วนครับ", "ช่วยตรวจสอบด้วยครับ"])
def test_a_request_for_attention_only_is_not_a_wish_cue(text: str) -> None:
    assert "x:wish" not in cues(text)


def test_building_words_are_an_action_not_a_request() -> None:
    """A report of someone else's construction uses the same words as a project title."""
    found = cues("ข้างบ้านมีการก่อสร้างโครงการคอนโด เสียงดังทั้งวัน")
    assert "x:action" in found
    assert "x:wish" not in found


def test_a_cause_is_not_a_request() -> None:
    assert "x:wish" not in cues("ซอยมืดและเปลี่ยว ทำให้ไม่มีใครกล้าเดิน")


@pytest.mark.parametrize("text", ["แจ้งผลครับ ไฟทางซ่อมเสร็จแล้ว", "ประชาสัมพันธ์ งดจ่ายน้ำวันเสาร์", "ขอบคุณที่แก้ไขให้ครับ"])
def test_finished_matters_and_news_have_their_own_cue(text: str) -> None:
    assert "x:done" in cues(text)


@pytest.mark.parametrize("text", ["ถนนเข้าหมู่บ้านเป็นหลุมเป็นบ่อ อยากให้ทำถนนคอนกรีต", "ไฟดับๆๆ ซ.5 มืดมากกก 😡", "abc"])
def test_the_model_finds_exactly_the_known_features_of_a_text(text: str) -> None:
    """Looking keys up by namespace gives the same columns as looking the full names up."""
    heads = model.load()
    spaces = heads.index.spaces.items()
    vocabulary = {f"{space}:{key}": column for space, keys in spaces for key, column in keys.items()}
    columns, values = heads.index.values(text_parts(text))
    expected = {vocabulary[name] for name in features(text) if name in vocabulary}
    assert len(columns) == len(set(columns)) and set(columns) == expected
    cue_columns = {vocabulary[name] for name in features(text)
                   if name.split(":", 1)[0] in CUE_SPACES and name in vocabulary}
    assert {c for c, v in zip(columns, values, strict=True) if v == model.CUE_VALUE} == cue_columns


@pytest.mark.parametrize("text", ["ถนนเข้าหมู่บ้านเป็นหลุมเป็นบ่อ อยากให้ทำถนนคอนกรีต", "ไฟดับๆๆ ซ.5 มืดมากกก 😡", "abc"])
def test_scores_are_the_training_row_times_the_weights(text: str) -> None:
    """Scoring values the features as training does: the row FeatureIndex.values gives, times the weights."""
    heads = model.load()
    columns, values = heads.index.values(text_parts(text))
    row = np.zeros(heads.index.size)
    row[columns] = values
    assert np.allclose(heads.scores(text_parts(text)), row @ heads.weights + heads.bias, atol=1e-6)


@pytest.mark.parametrize(("text", "sector"), [("โครงการก่อสร้างถนน ค.ส.ล. พร้อมท่อระบายน้ำ", "road"),
                                              ("ท่อระบายน้ำอุดตันหน้าปากซอย ถนนเลยเป็นแอ่ง", "water")])
def test_the_sector_named_first_is_a_feature(text: str, sector: str) -> None:
    assert {name for name in features(text) if name.startswith("f:")} == {f"f:{sector}"}


@pytest.mark.parametrize("head", ["problem", "wish", "kind", "sector"])
def test_a_head_gives_no_weight_to_what_it_is_fitted_without(head: str) -> None:
    heads = model.load()
    block = heads.head(heads.weights.T, head)[1]
    for space, columns in heads.index.spaces.items():
        hidden = space in HIDDEN[head]
        assert block[:, list(columns.values())].any() != hidden, (head, space)


def test_only_the_sector_head_sees_the_first_sector_and_the_four_way_kind_head_no_trigrams() -> None:
    assert [h for h, spaces in HIDDEN.items() if "f" not in spaces] == ["sector"]
    assert [h for h, spaces in HIDDEN.items() if "c" in spaces] == ["kind"]


def test_a_sector_term_inside_a_longer_one_does_not_count() -> None:
    cues = {name for name in features("ฝาท่อระบายน้ำยุบตัว รถวิ่งลำบาก") if name.startswith(("x:", "f:"))}
    assert cues == {"x:road", "f:road", "x:problem"}
    assert "x:water" in features("ท่อระบายน้ำอุดตัน ฝาท่อแตก")
