"""Translating between LINE's SDK objects and the channel-neutral conversation."""

from collections.abc import Callable

from linebot.v3.messaging import PostbackAction, QuickReply, QuickReplyItem, TextMessage
from linebot.v3.webhooks import (
    Event,
    FollowEvent,
    ImageMessageContent,
    LocationMessageContent,
    MessageEvent,
    PostbackEvent,
    TextMessageContent,
)

from bots.common.inbound import InboundMessage, Kind, Reply
from webapp.citizens.models import Channel

#: LINE's limits: 5 messages per reply, 13 quick replies, 20-character labels, 5,000-character texts.
MAX_MESSAGES, MAX_QUICK_REPLIES, MAX_LABEL, MAX_TEXT = 5, 13, 20, 5000


def inbound(event: Event, fetch_photo: Callable[[str], Callable[[], bytes]],
            profile: Callable[[str], Callable[[], str | None]]) -> InboundMessage | None:
    """The conversation's view of a LINE event; None for events from groups or without a user."""
    user_id = getattr(event.source, "user_id", None)
    if user_id is None or getattr(event.source, "type", "user") != "user":
        return None
    kind, fields = _kind_and_fields(event, fetch_photo)
    return InboundMessage(channel=Channel.LINE, event_id=event.webhook_event_id, kind=kind, subject=user_id,
                          reply_address=user_id, profile_name=profile(user_id), **fields)


def _kind_and_fields(event: Event, fetch_photo: Callable[[str], Callable[[], bytes]]) -> tuple[Kind, dict]:
    if isinstance(event, FollowEvent):
        return Kind.START, {}
    if isinstance(event, PostbackEvent):
        return Kind.CHOICE, {"text": event.postback.data}
    if not isinstance(event, MessageEvent):
        return Kind.IGNORED, {}
    message = event.message
    if isinstance(message, TextMessageContent):
        return Kind.TEXT, {"text": message.text}
    if isinstance(message, LocationMessageContent):
        return Kind.LOCATION, {"latitude": message.latitude, "longitude": message.longitude,
                               "address": message.address}
    if isinstance(message, ImageMessageContent):
        return Kind.PHOTO, {"photo": fetch_photo(message.id)}
    return Kind.UNSUPPORTED, {}


def messages(replies: list[Reply]) -> list[TextMessage]:
    """LINE text messages; the buttons of the last reply that has some become quick replies."""
    out = [TextMessage(text=_clip(reply.text, MAX_TEXT)) for reply in replies[:MAX_MESSAGES]]
    for reply, message in zip(replies, out, strict=False):
        if reply.choices:
            items = [QuickReplyItem(action=PostbackAction(label=_clip(c.label, MAX_LABEL), data=c.data,
                                                          display_text=c.label))
                     for c in reply.choices[:MAX_QUICK_REPLIES]]
            message.quick_reply = QuickReply(items=items)
    return out


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
