"""Use cases that change submissions; the web form, the bots and imports all call these."""

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from flask import current_app
from sqlalchemy import select

from webapp.areas.models import Village
from webapp.citizens import services as citizens
from webapp.citizens.models import Channel
from webapp.core.dates import fiscal_year_be, utcnow
from webapp.core.errors import InvalidInput
from webapp.extensions import db
from webapp.submissions import rules
from webapp.submissions.analysis import analyse_safely, apply_analysis
from webapp.submissions.models import Submission, SubmissionPhoto
from webapp.submissions.photos import CleanPhoto, clean_photo, remove_photo, store_photo
from webapp.submissions.references import format_reference, next_sequence

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class NewSubmission:
    """What a villager sends, from any channel, as plain values."""

    village_id: int | None
    text: str
    channel: Channel
    #: The platform's user id, or the browser's random token for the web form.
    subject: str
    reply_address: str | None = None
    phone: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    photos: Sequence[bytes] = field(default_factory=tuple)


def submit(new: NewSubmission) -> Submission:
    """Validate everything first, then store the need, its photos and its citizen in one transaction."""
    text = clean_text(new.text)
    village = _village(new.village_id)
    location = _location(new.latitude, new.longitude)
    phone = clean_phone(new.phone)
    photos = _clean_photos(new.photos)
    folder = upload_folder()
    stored: list[str] = []
    try:
        submission = _create(new, village, text, location, phone)
        for photo in photos:
            stored.append(store_photo(photo, folder))
            submission.photos.append(_photo_row(photo, stored[-1]))
        db.session.commit()
    except BaseException:
        db.session.rollback()
        for name in stored:
            remove_photo(folder, name)
        raise
    return submission


def _create(new: NewSubmission, village: Village, text: str, location: tuple, phone: str | None) -> Submission:
    """Add the submission row with its reference number (flushes only)."""
    citizen = citizens.identify(new.channel, new.subject, reply_address=new.reply_address)
    if phone:
        citizen.contact_phone = phone
    now = utcnow()
    year = fiscal_year_be(now)
    sequence = next_sequence(year)
    submission = Submission(
        reference=format_reference(year, sequence), fiscal_year=year, sequence=sequence, village=village,
        citizen=citizen, channel=new.channel, text=text, latitude=location[0], longitude=location[1],
        created_at=now, updated_at=now,
    )
    db.session.add(submission)
    db.session.flush()
    analyse_safely(submission)
    return submission


def _photo_row(photo: CleanPhoto, name: str) -> SubmissionPhoto:
    return SubmissionPhoto(
        filename=name, content_type=photo.content_type, width=photo.width, height=photo.height,
        size_bytes=len(photo.data),
    )


def upload_folder() -> Path:
    """Where photos live: UPLOAD_FOLDER, or `uploads` in the instance folder."""
    configured = current_app.config.get("UPLOAD_FOLDER")
    return Path(configured) if configured else Path(current_app.instance_path) / "uploads"


def clean_text(raw: str | None) -> str:
    """Normalized text of a need, or InvalidInput with the Thai reason it cannot be taken."""
    text = unicodedata.normalize("NFC", raw or "").replace("\r\n", "\n").strip()
    if _CONTROL.search(text):
        raise InvalidInput(rules.TEXT_NOT_TEXT, field="text")
    if not text:
        raise InvalidInput(rules.TEXT_EMPTY, field="text")
    if len(text) > rules.MAX_TEXT_CHARS:
        raise InvalidInput(rules.TEXT_TOO_LONG, field="text")
    if len("".join(text.split())) < rules.MIN_TEXT_CHARS:
        raise InvalidInput(rules.TEXT_TOO_SHORT, field="text")
    return text


def clean_phone(raw: str | None) -> str | None:
    """A Thai phone number as digits only (Thai digits accepted), None when not given."""
    if raw is None or not raw.strip():
        return None
    digits = re.sub(r"[\s\-().]", "", raw.translate(rules.THAI_DIGITS))
    if digits.startswith("+66"):
        digits = "0" + digits[3:]
    if not re.fullmatch(r"0\d{8,9}", digits):
        raise InvalidInput(rules.PHONE_INVALID, field="phone")
    return digits


def _village(village_id: int | None) -> Village:
    if village_id is None:
        raise InvalidInput(rules.VILLAGE_MISSING, field="village_id")
    village = db.session.get(Village, village_id)
    if village is None:
        raise InvalidInput(rules.VILLAGE_UNKNOWN, field="village_id")
    return village


def _location(latitude: float | None, longitude: float | None) -> tuple[float | None, float | None]:
    if latitude is None and longitude is None:
        return None, None
    if latitude is None or longitude is None:
        raise InvalidInput(rules.LOCATION_INCOMPLETE, field="latitude")
    lat_ok = rules.LAT_RANGE[0] <= latitude <= rules.LAT_RANGE[1]
    lon_ok = rules.LON_RANGE[0] <= longitude <= rules.LON_RANGE[1]
    if not (lat_ok and lon_ok):
        raise InvalidInput(rules.LOCATION_OUTSIDE, field="latitude")
    return latitude, longitude


def _clean_photos(photos: Sequence[bytes]) -> list[CleanPhoto]:
    if len(photos) > rules.MAX_PHOTOS:
        raise InvalidInput(rules.PHOTO_TOO_MANY, field="photos")
    max_bytes = current_app.config["MAX_PHOTO_BYTES"]
    return [clean_photo(data, max_bytes) for data in photos]


def reanalyze(batch_size: int = 200, progress: Callable[[int], object] = lambda n: None) -> int:
    """Re-run the current model over every stored need, batch by batch; a person's labels stay as they are."""
    done, last_id = 0, 0
    while True:
        batch = db.session.scalars(
            select(Submission).where(Submission.id > last_id).order_by(Submission.id).limit(batch_size)
        ).all()
        if not batch:
            return done
        for submission in batch:
            apply_analysis(submission)
        db.session.commit()
        done, last_id = done + len(batch), batch[-1].id
        progress(len(batch))
