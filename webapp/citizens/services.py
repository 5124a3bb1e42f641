"""Recognising a villager across visits without storing who they are."""

import hashlib
import hmac

from flask import current_app
from sqlalchemy import delete, select, update

from webapp.citizens.models import Channel, ChannelIdentity, Citizen
from webapp.extensions import db
from webapp.submissions.models import Submission, Support


def pseudonym(channel: Channel, subject: str) -> str:
    """Keyed hash of a platform user id (or browser token): stable, but useless without the key."""
    key = (current_app.config.get("PSEUDONYM_KEY") or current_app.config["SECRET_KEY"]).encode()
    return hmac.new(key, f"{channel.value}:{subject}".encode(), hashlib.sha256).hexdigest()


def identify(channel: Channel, subject: str, *, reply_address: str | None = None) -> Citizen:
    """The citizen behind this channel identity, created on first contact (flushes, never commits)."""
    return identity_for(channel, subject, reply_address=reply_address).citizen


def identity_for(channel: Channel, subject: str, *, reply_address: str | None = None) -> ChannelIdentity:
    """This channel identity with its citizen, created on first contact (flushes, never commits)."""
    identity = identity_of(channel, subject)
    if identity is None:
        identity = ChannelIdentity(channel=channel, subject_hash=pseudonym(channel, subject), citizen=Citizen())
        db.session.add(identity)
    if reply_address is not None:
        identity.reply_address = reply_address
    db.session.flush()
    return identity


def identity_of(channel: Channel, subject: str) -> ChannelIdentity | None:
    digest = pseudonym(channel, subject)
    return db.session.scalar(
        select(ChannelIdentity).where(ChannelIdentity.channel == channel, ChannelIdentity.subject_hash == digest)
    )


def forget(citizen_id: int) -> None:
    """Erase a villager's identities and contact, detach them from their needs and supports (flushes only).

    The needs stay, anonymous: the village still needs the road, whoever asked for it.
    """
    db.session.execute(update(Submission).where(Submission.citizen_id == citizen_id).values(citizen_id=None))
    db.session.execute(delete(Support).where(Support.citizen_id == citizen_id))
    db.session.execute(delete(ChannelIdentity).where(ChannelIdentity.citizen_id == citizen_id))
    db.session.execute(delete(Citizen).where(Citizen.id == citizen_id))
    db.session.expire_all()
