"""Answering stored chat events: inline after a webhook stored them, or by `flask bots work`."""

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any, Protocol

from flask import current_app
from sqlalchemy.exc import SQLAlchemyError

from bots.common.dispatch import answer
from bots.common.inbound import InboundMessage, Kind, Reply
from webapp.chats import events
from webapp.citizens.models import Channel
from webapp.core.transaction import use_case
from webapp.extensions import db

log = logging.getLogger(__name__)


class ChatChannel(Protocol):
    """What a platform adapter provides: its payload read as an InboundMessage, and replies delivered."""

    def inbound(self, payload: dict[str, Any]) -> InboundMessage | None: ...

    def deliver(self, payload: dict[str, Any], msg: InboundMessage | None, replies: list[Reply]) -> None: ...


@dataclass(frozen=True)
class _Turn:
    channel: ChatChannel
    payload: dict[str, Any]
    msg: InboundMessage | None
    replies: list[Reply]


def channel_for(channel: Channel) -> ChatChannel:
    from bots.line.channel import line_channel
    from bots.telegram.channel import telegram_channel

    return {Channel.LINE: line_channel, Channel.TELEGRAM: telegram_channel}[channel]()


def process(event_ids: list[int] | None = None) -> int:
    """Answer waiting events (these, or every one), one transaction each, oldest first; how many were answered."""
    if event_ids is not None:
        return sum(_answer(event_id) for event_id in event_ids)
    done, after = 0, 0
    while (event_id := events.next_waiting(after)) is not None:
        done += _answer_or_note_failure(event_id)
        after = event_id  # one another worker holds, or that failed, is looked at again on the next pass
    return done


def _answer_or_note_failure(event_id: int) -> bool:
    """For the worker: a turn the database refuses is retried later, and given up after a few tries."""
    try:
        return _answer(event_id)
    except SQLAlchemyError:
        log.exception("chat event %s could not be answered; will try again", event_id)
        db.session.rollback()
        if events.note_failure(event_id):
            log.error("chat event %s given up after %s tries", event_id, events.MAX_ATTEMPTS)
        return False


def _answer(event_id: int) -> bool:
    turn = _turn(event_id, _prepared(event_id))
    if turn is None:
        return False
    turn.channel.deliver(turn.payload, turn.msg, turn.replies)
    return True


def _prepared(event_id: int) -> InboundMessage | None:
    """The waiting event read, with its photo already downloaded: the turn holds the chat's lock (on
    SQLite the database's write lock), which must not wait on the platform. None: not waiting, or unreadable."""
    waiting = events.peek(event_id)
    if waiting is None:
        return None
    msg = _read(channel_for(waiting[0]), waiting[1], event_id)
    if msg is None or msg.kind != Kind.PHOTO or msg.photo is None:
        return msg
    try:
        data = msg.photo()
    except Exception as error:  # the turn answers it in Thai, as if it had fetched the photo itself
        log.warning("photo of chat event %s could not be fetched: %s", event_id, error)
        return replace(msg, photo=_raising(error))
    return replace(msg, photo=lambda: data)


def _raising(error: Exception) -> Callable[[], bytes]:
    def fetch() -> bytes:
        raise error
    return fetch


@use_case
def _turn(event_id: int, msg: InboundMessage | None) -> _Turn | None:
    """Take the event if it still waits, mark it handled and answer it, all in one transaction (exactly once).

    `msg` is the event as read before the turn (its payload never changes once stored).
    """
    event = events.take(event_id)
    if event is None:
        return None
    channel = channel_for(event.channel)
    payload = events.finish(event)
    replies = answer(msg) if msg else []
    return _Turn(channel, payload, msg, replies)


def _read(channel: ChatChannel, payload: dict[str, Any], event_id: int) -> InboundMessage | None:
    """The event as the conversation sees it; one that cannot be read is handled as ignored, never retried forever."""
    try:
        return channel.inbound(payload)
    except SQLAlchemyError:
        raise
    except Exception:
        log.exception("chat event %s could not be read; ignored", event_id)
        return None


def receive(channel: Channel, received: list[tuple[str, str, dict[str, Any]]], *,
            answer_now: bool | None = None) -> None:
    """Store (key, type, payload) events once; then answer them here, unless a worker does (CHAT_ANSWER_INLINE=0)."""
    events.store(channel, received)
    if current_app.config["CHAT_ANSWER_INLINE"] if answer_now is None else answer_now:
        process(events.pending_ids(channel, [key for key, _, _ in received]))


def database_unavailable(error: SQLAlchemyError) -> tuple[str, int]:
    """A webhook's answer when the database fails: nothing was acknowledged that was not stored, so the
    platform delivers the event again."""
    log.error("chat webhook: database unavailable, answering 503: %s", error)
    return "database unavailable", 503
