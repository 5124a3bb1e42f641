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
from webapp.citizens.models import Channel, Citizen
from webapp.core.dates import fiscal_year_be, utcnow
from webapp.core.errors import InvalidInput, NotFound
from webapp.core.transaction import stage_file, use_case
from webapp.extensions import db
from webapp.submissions import queries, rules
from webapp.submissions.analysis import analyse_safely, apply_analysis, mask_safely
from webapp.submissions.models import Submission, SubmissionPhoto, SubmissionStatus, Support
from webapp.submissions.photos import CleanPhoto, StoredPhoto, clean_photo, store_photo
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
    #: The citizen already known to the channel (a chat), instead of identifying them by `subject`.
    citizen_id: int | None = None


@use_case
def submit(new: NewSubmission) -> Submission:
    """Validate everything first, then store the need, its photos and its citizen in one transaction."""
    text = clean_text(new.text)
    village = _village(new.village_id)
    location = check_location(new.latitude, new.longitude)
    phone = clean_phone(new.phone)
    photos = _clean_photos(new.photos)
    submission = _create(new, village, text, location, phone)
    for photo in photos:
        add_photo(submission, photo)
    return submission


def add_photo(submission: Submission, photo: CleanPhoto) -> SubmissionPhoto:
    """Store a cleaned photo on a need; the file goes again if the transaction rolls back (flushes only)."""
    return adopt_photo(submission, keep_photo(photo))


def keep_photo(photo: CleanPhoto) -> StoredPhoto:
    """Write a cleaned photo under a random name; the file goes again if the transaction rolls back."""
    folder = upload_folder()
    name = store_photo(photo, folder)
    stage_file(folder / name)
    return StoredPhoto(name, photo.content_type, photo.width, photo.height, len(photo.data))


def _create(new: NewSubmission, village: Village, text: str, location: tuple, phone: str | None) -> Submission:
    """Add the submission row with its reference number (flushes only)."""
    citizen = db.session.get(Citizen, new.citizen_id) if new.citizen_id else None
    citizen = citizen or citizens.identify(new.channel, new.subject, reply_address=new.reply_address)
    if phone:
        citizen.contact_phone = phone
    now = utcnow()
    year = fiscal_year_be(now)
    sequence = next_sequence(year)
    submission = Submission(
        reference=format_reference(year, sequence), fiscal_year=year, sequence=sequence, village=village,
        citizen=citizen, channel=new.channel, text=text, latitude=location[0], longitude=location[1],
        created_at=now, updated_at=now, photos=[], strategy_links=[], supports=[],
    )
    analyse_safely(submission)  # before the INSERT, so the labels go in with it
    db.session.add(submission)
    db.session.flush()
    return submission


def adopt_photo(submission: Submission, stored: StoredPhoto) -> SubmissionPhoto:
    """Give a need a photo already cleaned and stored (one sent with it, or before the text)."""
    row = SubmissionPhoto(filename=stored.filename, content_type=stored.content_type, width=stored.width,
                          height=stored.height, size_bytes=stored.size_bytes)
    submission.photos.append(row)
    db.session.flush()
    return row


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


def check_location(latitude: float | None, longitude: float | None) -> tuple[float | None, float | None]:
    """Both coordinates or neither, inside Thailand; InvalidInput with the Thai reason otherwise."""
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


@use_case
def add_problem_statement(submission_id: int, citizen_id: int, text: str) -> Submission:
    """The problem behind a wish, asked for once, stored on the same need (never as a new one)."""
    submission = queries.own(submission_id, citizen_id)
    submission.problem_statement = clean_text(text)
    mask_safely(submission)
    return submission


@use_case
def attach_photo(submission_id: int, citizen_id: int, data: bytes) -> Submission:
    """A photo sent after the need, up to the per-need limit."""
    submission = queries.own(submission_id, citizen_id)
    if len(submission.photos) >= rules.MAX_PHOTOS:
        raise InvalidInput(rules.PHOTO_TOO_MANY, field="photos")
    add_photo(submission, clean_photo(data, current_app.config["MAX_PHOTO_BYTES"]))
    return submission


@use_case
def attach_location(submission_id: int, citizen_id: int, latitude: float, longitude: float) -> Submission:
    """A location pin sent after the need."""
    submission = queries.own(submission_id, citizen_id)
    submission.latitude, submission.longitude = check_location(latitude, longitude)
    return submission


@use_case
def support_instead(new_id: int, existing_id: int, citizen_id: int) -> Submission:
    """Back an open need of the same village, sent by someone else, instead of one's own new copy (withdrawn)."""
    new = queries.own(new_id, citizen_id)
    existing = db.session.get(Submission, existing_id)
    acceptable = (existing is not None and existing.id != new.id and existing.village_id == new.village_id
                  and existing.citizen_id != citizen_id and existing.status in queries.OPEN_STATUSES)
    if new.status != SubmissionStatus.RECEIVED or not acceptable:
        raise NotFound(rules.SUBMISSION_NOT_FOUND)
    if not any(s.citizen_id == citizen_id for s in existing.supports):
        existing.supports.append(Support(citizen_id=citizen_id))
    new.status = SubmissionStatus.WITHDRAWN
    db.session.flush()
    return existing
