"""What a chat platform delivered, and what the bot says back, in channel-neutral form."""

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

from webapp.citizens.models import Channel


class Kind(StrEnum):
    START = "start"
    TEXT = "text"
    CHOICE = "choice"
    LOCATION = "location"
    PHOTO = "photo"
    #: Stickers, voice, video, files: answered kindly, never stored.
    UNSUPPORTED = "unsupported"
    #: Events that need no answer (unfollow, read receipts, edits).
    IGNORED = "ignored"


def _no_name() -> str | None:
    return None


@dataclass(frozen=True)
class InboundMessage:
    """One platform event, normalised: the adapters build it, the conversation reads it."""

    channel: Channel
    #: The platform's id of the event (LINE webhookEventId, Telegram update_id): stored once.
    event_id: str
    kind: Kind
    #: The platform's user id; the villager is known by its keyed hash, never by the id itself.
    subject: str
    #: What the platform needs to write to this chat later (LINE user id, Telegram chat id): kept on the
    #: chat identity so the villager can hear back when their need moves, erased by "ลบข้อมูลของฉัน".
    reply_address: str
    text: str = ""
    latitude: float | None = None
    longitude: float | None = None
    #: A map address (LINE location messages carry one; Telegram's do not).
    address: str | None = None
    #: Fetches the photo's bytes from the platform, called only when the event is handled.
    photo: Callable[[], bytes] | None = None
    #: Fetches the display name, called only if the villager agrees to it being kept.
    profile_name: Callable[[], str | None] = field(default=_no_name)


@dataclass(frozen=True)
class Choice:
    """A button: its Thai label and the data that comes back when it is pressed."""

    label: str
    data: str


@dataclass(frozen=True)
class Reply:
    """One message from the bot, with buttons (LINE quick replies, Telegram inline keyboard)."""

    text: str
    choices: tuple[Choice, ...] = ()
