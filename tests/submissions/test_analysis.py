"""The NLP stage wired into intake: labels stored, strategies linked, personal data masked in public."""

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

import nlp
from tests.conftest import csrf_token
from webapp.areas.models import Village
from webapp.citizens.models import Channel
from webapp.extensions import db
from webapp.strategies.models import Strategy
from webapp.strategies.services import load_national_pillars
from webapp.submissions import rules, services
from webapp.submissions.models import Submission

NEED = "ถนนเข้าหมู่บ้านเป็นหลุมเป็นบ่อ รถล้มบ่อย อยากให้ทำถนนคอนกรีต ติดต่อ 081-234-5678 บ้านเลขที่ 45/2"


def submit(village: Village, text: str = NEED) -> Submission:
    return services.submit(services.NewSubmission(village.id, text, Channel.WEB, subject="browser"))


@pytest.fixture
def pillars(app: Flask) -> None:
    load_national_pillars()


def test_intake_stores_kind_sector_confidences_and_model_version(village: Village, pillars: None) -> None:
    submission = submit(village)

    assert (submission.kind, submission.sector) == ("both", "road")
    assert submission.has_problem and submission.has_wish
    assert 0 < submission.kind_confidence <= 1 and 0 < submission.sector_confidence <= 1
    assert submission.model_version == nlp.model_version()


def test_a_province_without_strategies_links_to_the_national_pillars(village: Village, pillars: None) -> None:
    links = submit(village).strategy_links
    assert [link.rank for link in links] == [1, 2, 3]
    assert all(link.strategy.is_national for link in links)
    assert links[0].strategy.code == "2" and "ถนน" in links[0].terms


def test_a_province_with_its_own_strategies_links_to_them(village: Village, pillars: None) -> None:
    db.session.add_all([
        Strategy(province_code="56", code="PY1", title="ด้านโครงสร้างพื้นฐานและคมนาคม", description="ถนน สะพาน"),
        Strategy(province_code="56", code="PY2", title="ด้านการเกษตรและแหล่งน้ำ", description="เกษตร ชลประทาน"),
    ])
    db.session.commit()
    links = submit(village).strategy_links
    assert [link.strategy.code for link in links] == ["PY1", "PY2"]


def test_the_public_page_shows_the_masked_text_and_what_was_understood(
    client: FlaskClient, village: Village, pillars: None
) -> None:
    submission = submit(village)
    page = client.get(f"/s/{submission.reference}").get_data(as_text=True)

    assert "081-234-5678" not in page and "45/2" not in page
    assert "[เบอร์โทร]" in page
    assert str(rules.KIND_LABELS["both"]) in page and str(rules.SECTOR_LABELS["road"]) in page
    assert "ด้านการสร้างความสามารถในการแข่งขัน" in page


def test_a_need_sent_through_the_form_is_analysed(client: FlaskClient, village: Village, pillars: None) -> None:
    data = {"csrf_token": csrf_token(client), "village_id": str(village.id), "text": NEED, "action": "send"}
    client.post("/submit", data=data)
    stored = db.session.scalars(select(Submission)).one()
    assert stored.sector == "road" and stored.strategy_links and "0812345678" not in stored.masked_text


def test_reanalysis_leaves_labels_a_person_set(app: Flask, village: Village, pillars: None) -> None:
    by_model, by_person = submit(village), submit(village, "ไฟทางดับทั้งซอย มืดมาก")
    by_person.sector, by_person.labelled_by_human = "safety", True
    by_model.sector, by_model.model_version = "other", "old-model"
    db.session.commit()

    result = app.test_cli_runner().invoke(args=["nlp", "reanalyze"])

    assert result.exit_code == 0 and "re-analysed 2 needs" in result.output
    assert (by_model.sector, by_model.model_version) == ("road", nlp.model_version())
    assert by_person.sector == "safety"


def test_a_fault_in_the_nlp_never_loses_the_need(village: Village, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(text: str) -> None:
        raise RuntimeError("model file damaged")

    monkeypatch.setattr(nlp, "analyze", broken)
    submission = submit(village)
    assert db.session.get(Submission, submission.id) is not None
    assert submission.kind is None
    assert "[เบอร์โทร]" in submission.masked_text, "masking does not depend on the classifier"


def test_unmasked_text_is_never_shown_publicly(
    client: FlaskClient, village: Village, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(text: str) -> None:
        raise RuntimeError("masking failed")

    monkeypatch.setattr(nlp, "mask_personal_data", broken)
    submission = submit(village)
    page = client.get(f"/s/{submission.reference}").get_data(as_text=True)

    assert submission.masked_text is None and submission.kind == "both"
    assert "081-234-5678" not in page and "ถนนเข้าหมู่บ้าน" not in page
    assert "ข้อความจะแสดงเมื่อระบบปิดบังข้อมูลส่วนบุคคลเรียบร้อยแล้ว" in page


def test_the_thai_labels_are_the_nlp_ones() -> None:
    assert {k: str(v) for k, v in rules.KIND_LABELS.items()} == nlp.KIND_NAMES_TH
    assert {k: str(v) for k, v in rules.SECTOR_LABELS.items()} == nlp.SECTOR_NAMES_TH
