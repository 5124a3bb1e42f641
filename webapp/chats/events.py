"""The chat inbox: platform events stored once on arrival, then taken one at a time to be answered."""

from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from webapp.chats.models import ChatEvent
from webapp.citizens.models import Channel
from webapp.core.dates import utcnow
from webapp.core.transaction import use_case
from webapp.extensions import db

#: Tries before an event the database keeps refusing is given up, so it cannot block the queue forever.
MAX_ATTEMPTS = 5


@use_case
def store(channel: Channel, events: Iterable[tuple[str, str, dict[str, Any]]]) -> None:
    """Record (key, type, payload) events; one already recorded (a redelivery, a retry) is left as it is.

    INSERT … ON CONFLICT DO NOTHING: a concurrent delivery of the same event waits for the first one's
    transaction and then finds the row, so an event is stored exactly once.
    """
    insert = sqlite_insert if db.session.get_bind().dialect.name == "sqlite" else postgresql_insert
    rows = [{"channel": channel.value, "event_key": key, "event_type": kind[:20], "payload": payload,
             "received_at": utcnow()} for key, kind, payload in events]
    if rows:
        statement = insert(ChatEvent).values(rows).on_conflict_do_nothing(index_elements=["channel", "event_key"])
        db.session.execute(statement)


def pending_ids(channel: Channel, keys: list[str]) -> list[int]:
    """Which of these events still wait to be answered (a redelivery of one that failed half-way does)."""
    query = select(ChatEvent.id).where(ChatEvent.channel == channel, ChatEvent.event_key.in_(keys),
                                       ChatEvent.handled_at.is_(None)).order_by(ChatEvent.id)
    return list(db.session.scalars(query))


def take(event_id: int) -> ChatEvent | None:
    """This event if it still waits, locked so no other worker takes it too (None: handled, or being handled)."""
    query = select(ChatEvent).where(ChatEvent.id == event_id, ChatEvent.handled_at.is_(None))
    return db.session.scalar(query.with_for_update(skip_locked=True))


def finish(event: ChatEvent) -> dict[str, Any]:
    """Mark the event handled and forget its payload (the platform's user id); returns the payload."""
    payload = event.payload or {}
    event.handled_at, event.payload = utcnow(), None
    return payload


@use_case
def peek(event_id: int) -> tuple[Channel, dict[str, Any]] | None:
    """The channel and payload of an event that still waits, read without a lock (None: handled)."""
    query = select(ChatEvent.channel, ChatEvent.payload).where(ChatEvent.id == event_id,
                                                                ChatEvent.handled_at.is_(None))
    row = db.session.execute(query).first()
    return (row.channel, row.payload or {}) if row else None


def next_waiting(after: int = 0) -> int | None:
    """The oldest waiting event after this id (not locked: `take` decides who answers it)."""
    query = select(ChatEvent.id).where(ChatEvent.handled_at.is_(None), ChatEvent.id > after)
    return db.session.scalar(query.order_by(ChatEvent.id).limit(1))


@use_case
def note_failure(event_id: int) -> bool:
    """Count a failed try; after MAX_ATTEMPTS the event is given up (payload dropped). True if given up."""
    event = db.session.get(ChatEvent, event_id)
    if event is None or event.handled_at is not None:
        return False
    event.attempts += 1
    if event.attempts >= MAX_ATTEMPTS:
        finish(event)
        return True
    return False


def waiting() -> int:
    return db.session.scalar(select(db.func.count(ChatEvent.id)).where(ChatEvent.handled_at.is_(None))) or 0

