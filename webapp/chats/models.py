"""What the chat bots remember: each platform event once, and each chat's place in the conversation."""

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, DateTime, ForeignKey, Index, String, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from webapp.areas.models import Village
from webapp.citizens.models import Channel, ChannelIdentity
from webapp.core.columns import enum_column
from webapp.core.dates import utcnow
from webapp.extensions import db
from webapp.submissions.models import Submission


class ChatEvent(db.Model):
    """A platform event (LINE webhookEventId, Telegram update_id), stored once before it is acknowledged."""

    __tablename__ = "chat_events"
    __table_args__ = (
        UniqueConstraint("channel", "event_key"),
        Index("ix_chat_events_pending", "id", postgresql_where=text("handled_at IS NULL"),
              sqlite_where=text("handled_at IS NULL")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    channel: Mapped[Channel] = mapped_column(enum_column(Channel))
    event_key: Mapped[str] = mapped_column(String(64))
    #: The event's type (message, follow, postback…): enough to count, nothing personal.
    event_type: Mapped[str] = mapped_column(String(20))
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    #: The event as the platform sent it, kept only until it is handled (it holds the platform's user id).
    payload: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    #: When the conversation answered it (or gave up on it); None while it waits for a worker.
    handled_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    #: Failed tries to answer it (the database failing under the turn); after a few it is given up.
    attempts: Mapped[int] = mapped_column(default=0, server_default="0")


class Step(enum.StrEnum):
    """What the bot is waiting for from this chat."""

    CONSENT = "consent"
    PLACE = "place"
    VILLAGE = "village"
    READY = "ready"
    GROUNDING = "grounding"
    FORGET = "forget"


class ChatState(db.Model):
    """One chat's place in the conversation and what it remembers between messages."""

    __tablename__ = "chat_states"

    id: Mapped[int] = mapped_column(primary_key=True)
    identity_id: Mapped[int] = mapped_column(ForeignKey("channel_identities.id"), unique=True)
    step: Mapped[Step] = mapped_column(enum_column(Step), default=Step.CONSENT)
    #: The village remembered for the next need.
    village_id: Mapped[int | None] = mapped_column(ForeignKey("villages.id"))
    #: The need that photos and locations sent soon after attach to (and that grounding asks about).
    last_submission_id: Mapped[int | None] = mapped_column(ForeignKey("submissions.id", ondelete="SET NULL"))
    last_submission_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    #: Photos and a location sent before the text, and choices offered: {"photos": [...], "location": [...]}.
    pending: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)

    identity: Mapped[ChannelIdentity] = relationship()
    village: Mapped[Village | None] = relationship()
    last_submission: Mapped[Submission | None] = relationship()
