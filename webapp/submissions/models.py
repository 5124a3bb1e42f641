"""A villager's need as received, with what the NLP understood of it."""

import enum
from datetime import datetime

from sqlalchemy import DateTime, Float, ForeignKey, Integer, String, Text, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from webapp.areas.models import Village
from webapp.citizens.models import Channel, Citizen
from webapp.core.columns import enum_column
from webapp.core.dates import utcnow
from webapp.extensions import db
from webapp.strategies.models import Strategy


class SubmissionStatus(enum.StrEnum):
    RECEIVED = "received"
    IN_REVIEW = "in_review"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    MERGED = "merged"
    WITHDRAWN = "withdrawn"


class ReferenceCounter(db.Model):
    """The last reference sequence handed out in each fiscal year."""

    __tablename__ = "reference_counters"

    fiscal_year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last_value: Mapped[int] = mapped_column(default=0)


class Submission(db.Model):
    __tablename__ = "submissions"
    __table_args__ = (UniqueConstraint("fiscal_year", "sequence"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    #: Public reference read aloud by villagers: CH-<fiscal year BE>-<7-digit sequence>.
    reference: Mapped[str] = mapped_column(String(20), unique=True)
    fiscal_year: Mapped[int]
    sequence: Mapped[int]
    village_id: Mapped[int] = mapped_column(ForeignKey("villages.id"), index=True)
    #: None once the villager asked to be forgotten; the need itself stays, anonymous.
    citizen_id: Mapped[int | None] = mapped_column(ForeignKey("citizens.id"), index=True)
    channel: Mapped[Channel] = mapped_column(enum_column(Channel))
    text: Mapped[str] = mapped_column(Text)
    #: The problem behind a wish, asked for once when the text states only a wish.
    problem_statement: Mapped[str | None] = mapped_column(Text)
    #: The problem statement as shown publicly, personal data masked like the text.
    masked_problem_statement: Mapped[str | None] = mapped_column(Text)
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    status: Mapped[SubmissionStatus] = mapped_column(
        enum_column(SubmissionStatus), default=SubmissionStatus.RECEIVED, index=True
    )
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)

    # What the NLP stage understood; empty until it has run.
    kind: Mapped[str | None] = mapped_column(String(10))
    kind_confidence: Mapped[float | None] = mapped_column(Float)
    has_problem: Mapped[bool | None]
    has_wish: Mapped[bool | None]
    sector: Mapped[str | None] = mapped_column(String(20), index=True)
    sector_confidence: Mapped[float | None] = mapped_column(Float)
    #: Version of the model that produced the labels above.
    model_version: Mapped[str | None] = mapped_column(String(40))
    #: A person set kind/sector/strategies: re-analysis must leave them alone (and they train the next model).
    labelled_by_human: Mapped[bool] = mapped_column(default=False, server_default=false())
    #: The text as shown publicly and exported: phone, ID, e-mail, house and account numbers masked.
    masked_text: Mapped[str | None] = mapped_column(Text)

    village: Mapped[Village] = relationship()
    citizen: Mapped[Citizen | None] = relationship()
    photos: Mapped[list["SubmissionPhoto"]] = relationship(
        back_populates="submission", order_by="SubmissionPhoto.id", cascade="all, delete-orphan"
    )
    strategy_links: Mapped[list["StrategyLink"]] = relationship(
        back_populates="submission", order_by="StrategyLink.rank", cascade="all, delete-orphan"
    )
    supports: Mapped[list["Support"]] = relationship(cascade="all, delete-orphan")


class SubmissionPhoto(db.Model):
    __tablename__ = "submission_photos"

    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submissions.id"), index=True)
    #: Random file name under UPLOAD_FOLDER; the uploader's own name is never kept.
    filename: Mapped[str] = mapped_column(String(64), unique=True)
    content_type: Mapped[str] = mapped_column(String(20))
    width: Mapped[int]
    height: Mapped[int]
    size_bytes: Mapped[int]
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    submission: Mapped[Submission] = relationship(back_populates="photos")


class StrategyLink(db.Model):
    """A strategy the need serves, as scored by the NLP (or set by a person)."""

    __tablename__ = "submission_strategy_links"
    __table_args__ = (UniqueConstraint("submission_id", "strategy_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submissions.id"), index=True)
    strategy_id: Mapped[int] = mapped_column(ForeignKey("strategies.id"), index=True)
    rank: Mapped[int] = mapped_column(default=1)
    score: Mapped[float | None] = mapped_column(Float)
    #: Words that made the match, comma-separated, so a committee member can see why.
    matched_terms: Mapped[str | None] = mapped_column(Text)
    #: Version of the model that proposed the link; None when a person set it.
    model_version: Mapped[str | None] = mapped_column(String(40))

    @property
    def terms(self) -> list[str]:
        return [t for t in (self.matched_terms or "").split(",") if t]

    submission: Mapped[Submission] = relationship(back_populates="strategy_links")
    strategy: Mapped[Strategy] = relationship()


class Support(db.Model):
    """A villager backing a need someone in the village already sent, instead of sending it again."""

    __tablename__ = "submission_supports"
    __table_args__ = (UniqueConstraint("submission_id", "citizen_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submissions.id"), index=True)
    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizens.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
