"""Villagers, known only pseudonymously through the channels they write from."""

import enum
from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from webapp.core.columns import enum_column
from webapp.core.dates import utcnow
from webapp.extensions import db


class Channel(enum.StrEnum):
    WEB = "web"
    LINE = "line"
    TELEGRAM = "telegram"
    IMPORT = "import"


class Citizen(db.Model):
    __tablename__ = "citizens"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: Private contact number the villager chose to give; never shown publicly or exported.
    contact_phone: Mapped[str | None] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    identities: Mapped[list["ChannelIdentity"]] = relationship(back_populates="citizen")


class ChannelIdentity(db.Model):
    __tablename__ = "channel_identities"
    __table_args__ = (UniqueConstraint("channel", "subject_hash"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizens.id"), index=True)
    channel: Mapped[Channel] = mapped_column(enum_column(Channel))
    #: Keyed hash (HMAC-SHA256) of the platform's user id or the browser token: pseudonymous.
    subject_hash: Mapped[str] = mapped_column(String(64))
    #: What the platform needs to answer this person (chat bots only); None for the web.
    reply_address: Mapped[str | None] = mapped_column(String(100))
    #: Kept only if the villager agreed to it in the privacy step.
    display_name: Mapped[str | None] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    citizen: Mapped[Citizen] = relationship(back_populates="identities")
