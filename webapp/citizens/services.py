"""Recognising a villager across visits without storing who they are."""

import hashlib
import hmac

from flask import current_app
from sqlalchemy import select

from webapp.citizens.models import Channel, ChannelIdentity, Citizen
from webapp.extensions import db


def pseudonym(channel: Channel, subject: str) -> str:
    """Keyed hash of a platform user id (or browser token): stable, but useless without the key."""
    key = (current_app.config.get("PSEUDONYM_KEY") or current_app.config["SECRET_KEY"]).encode()
    return hmac.new(key, f"{channel.value}:{subject}".encode(), hashlib.sha256).hexdigest()


def identify(channel: Channel, subject: str, *, reply_address: str | None = None) -> Citizen:
    """The citizen behind this channel identity, created on first contact (flushes, never commits)."""
    digest = pseudonym(channel, subject)
    identity = db.session.scalar(
        select(ChannelIdentity).where(ChannelIdentity.channel == channel, ChannelIdentity.subject_hash == digest)
    )
    if identity is None:
        identity = ChannelIdentity(channel=channel, subject_hash=digest, citizen=Citizen())
        db.session.add(identity)
    if reply_address is not None:
        identity.reply_address = reply_address
    db.session.flush()
    return identity.citizen
