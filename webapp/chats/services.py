"""Use cases of a chat: the conversation's memory and the needs sent from a chat."""

from dataclasses import asdict
from datetime import datetime, timedelta
from typing import Any

from flask import current_app
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import contains_eager

from webapp.areas.models import Village
from webapp.chats.models import ChatState, Step
from webapp.citizens import services as citizens
from webapp.citizens.models import Channel, ChannelIdentity
from webapp.core.dates import utcnow
from webapp.core.errors import InvalidInput
from webapp.core.transaction import delete_on_commit, savepoint, use_case
from webapp.extensions import db
from webapp.submissions import rules
from webapp.submissions import services as submissions
from webapp.submissions.models import Submission, SubmissionStatus
from webapp.submissions.photos import StoredPhoto, clean_photo

#: A photo or location sent this soon after a need belongs to it; a grounding answer must come this soon too.
ATTACH_WINDOW = timedelta(minutes=10)


def chat_for(channel: Channel, subject: str, reply_address: str) -> ChatState:
    """This chat's state with its identity and citizen, in one query; created on first contact (flushes only).

    The state row stays locked until the turn commits: two messages of one chat are answered one after the
    other, so a grounding answer or a village choice is never read twice.
    """
    query = (select(ChatState).join(ChatState.identity).join(ChannelIdentity.citizen)
             .where(ChannelIdentity.channel == channel,
                    ChannelIdentity.subject_hash == citizens.pseudonym(channel, subject))
             .options(contains_eager(ChatState.identity).contains_eager(ChannelIdentity.citizen))
             .with_for_update(of=ChatState))
    state = db.session.scalar(query) or _first_contact(channel, subject, reply_address) or db.session.scalar(query)
    if state.identity.reply_address != reply_address:
        state.identity.reply_address = reply_address
    return state


def _first_contact(channel: Channel, subject: str, reply_address: str) -> ChatState | None:
    """A new chat; None if another delivery from the same villager created it meanwhile (read it again)."""
    try:
        with savepoint():
            identity = citizens.identity_for(channel, subject, reply_address=reply_address)
            state = ChatState(identity=identity, step=Step.CONSENT, pending={})
            db.session.add(state)
            db.session.flush()
    except IntegrityError:
        return None
    return state


def go_to(state: ChatState, step: Step, **pending: Any) -> None:
    """Move the conversation on, remembering what the next answer is about."""
    state.step = step
    state.pending = {**(state.pending or {}), **pending}


def consent(state: ChatState, display_name: str | None) -> None:
    """The privacy answer: the display name is kept only when the villager agreed."""
    state.identity.display_name = (display_name or "")[:100] or None


def remember_village(state: ChatState, village_id: int) -> Village:
    village = db.session.get(Village, village_id)
    if village is None:
        raise InvalidInput(rules.VILLAGE_UNKNOWN, field="village_id")
    state.village = village
    go_to(state, Step.READY)
    return village


def recent_submission(state: ChatState, now: datetime | None = None) -> Submission | None:
    """The need this chat sent within the attach window, if it is still open."""
    submission, sent = state.last_submission, state.last_submission_at
    if submission is None or sent is None or submission.status == SubmissionStatus.WITHDRAWN:
        return None
    sent = sent if sent.tzinfo else sent.replace(tzinfo=(now or utcnow()).tzinfo)
    return submission if (now or utcnow()) - sent <= ATTACH_WINDOW else None


def hold_photo(state: ChatState, data: bytes) -> int:
    """Keep a photo sent before its need; returns how many are waiting."""
    held = list((state.pending or {}).get("photos", []))
    if len(held) >= rules.MAX_PHOTOS:
        raise InvalidInput(rules.PHOTO_TOO_MANY, field="photos")
    stored = submissions.keep_photo(clean_photo(data, current_app.config["MAX_PHOTO_BYTES"]))
    go_to(state, state.step, photos=[*held, asdict(stored)])
    return len(held) + 1


def hold_location(state: ChatState, latitude: float, longitude: float) -> None:
    """Keep a location sent before its need (checked now, so a wrong pin never blocks the need)."""
    go_to(state, state.step, location=list(submissions.check_location(latitude, longitude)))


@use_case
def submit_need(state: ChatState, text: str) -> Submission:
    """A need typed in the chat, with the photos and location sent before it, for the remembered village."""
    pending = dict(state.pending or {})
    location = pending.get("location") or [None, None]
    submission = submissions.submit(submissions.NewSubmission(
        village_id=state.village_id, text=text, channel=state.identity.channel, subject="",
        citizen_id=state.identity.citizen_id, latitude=location[0], longitude=location[1],
    ))
    for held in pending.get("photos", []):
        submissions.adopt_photo(submission, StoredPhoto(**held))
    state.pending = {}
    state.last_submission, state.last_submission_at = submission, utcnow()
    db.session.flush()
    return submission


@use_case
def forget(state: ChatState) -> None:
    """Erase this villager: chat memory, identities and contact; their needs stay, anonymous."""
    citizen_id = state.identity.citizen_id
    for held in (state.pending or {}).get("photos", []):
        delete_on_commit(submissions.upload_folder() / held["filename"])
    db.session.delete(state)
    db.session.flush()
    citizens.forget(citizen_id)
