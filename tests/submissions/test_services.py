"""The submission service: what it stores, and that bad input stores nothing."""

import io
from pathlib import Path

import pytest
from flask import Flask
from PIL import Image
from sqlalchemy import func, select

from tests.conftest import gps_exif, image_bytes
from webapp.areas.models import Village
from webapp.citizens.models import Channel, ChannelIdentity, Citizen
from webapp.core.errors import InvalidInput
from webapp.extensions import db
from webapp.submissions import references, rules, services
from webapp.submissions.models import Submission, SubmissionPhoto, SubmissionStatus

NEED = "ถนนเข้าหมู่บ้านเป็นหลุมเป็นบ่อ หน้าฝนรถจักรยานยนต์ล้มบ่อย อยากให้ทำถนนคอนกรีต"


def new(village: Village | int | None, **changes: object) -> services.NewSubmission:
    values = {"village_id": village.id if isinstance(village, Village) else village, "text": NEED,
              "channel": Channel.WEB, "subject": "browser-token-1"}
    values.update(changes)
    return services.NewSubmission(**values)


def count(model: type) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def stored_files(app: Flask) -> list[Path]:
    folder = Path(app.config["UPLOAD_FOLDER"])
    return sorted(folder.iterdir()) if folder.exists() else []


def test_submit_stores_the_need_with_a_fiscal_year_reference(village: Village) -> None:
    submission = services.submit(new(village, latitude=19.17, longitude=99.9, phone="081-234-5678"))

    assert submission.reference.startswith("CH-25")
    assert submission.reference == references.format_reference(submission.fiscal_year, 1)
    assert len(submission.reference) == len("CH-2570-0000001")
    assert submission.status is SubmissionStatus.RECEIVED
    assert (submission.village.moo, submission.text, submission.latitude) == (3, NEED, 19.17)
    assert submission.citizen.contact_phone == "0812345678"
    assert submission.kind == "both" and submission.model_version is not None


def test_references_count_up_within_the_fiscal_year(village: Village) -> None:
    first = services.submit(new(village))
    second = services.submit(new(village, subject="someone-else"))

    assert second.sequence == first.sequence + 1
    assert second.reference.endswith("0000002")


def test_reference_counters_are_kept_per_fiscal_year(app: Flask) -> None:
    assert [references.next_sequence(2570) for _ in range(3)] == [1, 2, 3]
    assert references.next_sequence(2571) == 1
    assert references.format_reference(2570, 123) == "CH-2570-0000123"


def test_the_same_browser_is_one_pseudonymous_citizen(village: Village) -> None:
    services.submit(new(village, subject="same-browser"))
    services.submit(new(village, subject="same-browser"))
    services.submit(new(village, subject="other-browser"))

    assert count(Citizen) == 2
    hashes = db.session.scalars(select(ChannelIdentity.subject_hash)).all()
    assert all(len(h) == 64 and "browser" not in h for h in hashes)


def test_thai_digits_in_a_phone_number_are_understood() -> None:
    assert services.clean_phone("๐๘๑ ๒๓๔ ๕๖๗๘") == "0812345678"
    assert services.clean_phone("+66 81 234 5678") == "0812345678"
    assert services.clean_phone("  ") is None


@pytest.mark.parametrize(
    ("changes", "message", "field"),
    [
        ({"text": ""}, rules.TEXT_EMPTY, "text"),
        ({"text": "   \n  "}, rules.TEXT_EMPTY, "text"),
        ({"text": "ก"}, rules.TEXT_TOO_SHORT, "text"),
        ({"text": "ก" * 10_000}, rules.TEXT_TOO_LONG, "text"),
        ({"text": "ถนนพัง\x00\x01"}, rules.TEXT_NOT_TEXT, "text"),
        ({"village_id": None}, rules.VILLAGE_MISSING, "village_id"),
        ({"village_id": 999_999}, rules.VILLAGE_UNKNOWN, "village_id"),
        ({"latitude": 19.1}, rules.LOCATION_INCOMPLETE, "latitude"),
        ({"latitude": 48.85, "longitude": 2.35}, rules.LOCATION_OUTSIDE, "latitude"),
        ({"latitude": float("nan"), "longitude": 99.9}, rules.LOCATION_OUTSIDE, "latitude"),
        ({"phone": "12345"}, rules.PHONE_INVALID, "phone"),
        ({"photos": [b"%PDF-1.7 not an image"]}, rules.PHOTO_NOT_IMAGE, "photos"),
        ({"photos": [b""]}, rules.PHOTO_EMPTY, "photos"),
        ({"photos": [image_bytes()] * (rules.MAX_PHOTOS + 1)}, rules.PHOTO_TOO_MANY, "photos"),
    ],
)
def test_bad_input_gets_a_thai_message_and_stores_nothing(
    app: Flask, village: Village, changes: dict, message: str, field: str
) -> None:
    with pytest.raises(InvalidInput) as caught:
        services.submit(new(village, **changes))

    assert str(caught.value.message) == str(message)
    assert caught.value.field == field
    assert any("\u0e00" <= ch <= "\u0e7f" for ch in str(caught.value.message)), "the message is Thai"
    assert count(Submission) == count(Citizen) == count(SubmissionPhoto) == 0
    assert stored_files(app) == []


def test_a_photo_over_the_size_limit_is_refused(app: Flask, village: Village) -> None:
    app.config["MAX_PHOTO_BYTES"] = 1000
    with pytest.raises(InvalidInput, match="MB"):
        services.submit(new(village, photos=[image_bytes(size=(400, 400))]))
    assert count(Submission) == 0


def test_photos_are_stored_under_random_names_without_exif(app: Flask, village: Village) -> None:
    original = image_bytes(exif=gps_exif())
    assert Image.open(io.BytesIO(original)).getexif(), "the test photo does carry EXIF"

    submission = services.submit(new(village, photos=[original, image_bytes("PNG"), image_bytes("WEBP")]))

    files = stored_files(app)
    assert [p.content_type for p in submission.photos] == ["image/jpeg", "image/png", "image/webp"]
    assert {f.name for f in files} == {p.filename for p in submission.photos}
    for path in files:
        with Image.open(path) as stored:
            assert not stored.getexif(), f"{path.name} still carries EXIF"
            assert "exif" not in stored.info
    assert b"VillagePhone" not in files[0].read_bytes() + files[1].read_bytes() + files[2].read_bytes()


def test_an_image_bomb_is_refused(app: Flask, village: Village) -> None:
    huge = image_bytes("PNG", size=(8000, 6000))  # 48 megapixels of one colour compress to a few KB
    with pytest.raises(InvalidInput):
        services.submit(new(village, photos=[huge]))
    assert count(Submission) == 0


def test_a_failure_after_photos_were_written_removes_them(
    app: Flask, village: Village, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_commit() -> None:
        raise RuntimeError("database went away")

    monkeypatch.setattr(db.session, "commit", broken_commit)
    with pytest.raises(RuntimeError):
        services.submit(new(village, photos=[image_bytes()]))
    monkeypatch.undo()

    assert stored_files(app) == []
    assert count(Submission) == count(Citizen) == 0
