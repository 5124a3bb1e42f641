"""Translating Telegram updates into the channel-neutral conversation."""

from collections.abc import Callable

from telegram import Message, Update

from bots.common.inbound import InboundMessage, Kind
from webapp.citizens.models import Channel


def inbound(update: Update, fetch_photo: Callable[[str], Callable[[], bytes]]) -> InboundMessage | None:
    """The conversation's view of an update from a private chat; None for anything else."""
    query, message = update.callback_query, update.message
    if query is not None and query.message is not None and query.data:
        user, chat = query.from_user, query.message.chat
        kind, fields = Kind.CHOICE, {"text": query.data}
    elif message is not None and message.from_user is not None:
        user, chat = message.from_user, message.chat
        kind, fields = _kind_and_fields(message, fetch_photo)
    else:
        return None
    if chat.type != "private":
        return None
    return InboundMessage(channel=Channel.TELEGRAM, event_id=str(update.update_id), kind=kind, subject=str(user.id),
                          reply_address=str(chat.id), profile_name=lambda: user.full_name, **fields)


def _kind_and_fields(message: Message, fetch_photo: Callable[[str], Callable[[], bytes]]) -> tuple[Kind, dict]:
    if message.text is not None:
        is_start = message.text.split("@")[0].split(" ")[0] == "/start"
        return (Kind.START, {}) if is_start else (Kind.TEXT, {"text": message.text})
    if message.location is not None:
        return Kind.LOCATION, {"latitude": message.location.latitude, "longitude": message.location.longitude}
    if message.photo:
        largest = max(message.photo, key=lambda size: size.width * size.height)
        return Kind.PHOTO, {"photo": fetch_photo(largest.file_id)}
    return Kind.UNSUPPORTED, {}
