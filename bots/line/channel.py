"""LINE as a chat channel of the inbox: stored payloads read by the SDK, replies sent by the SDK."""

import logging
import time
from typing import Any

from linebot.v3.webhooks import Event

from bots.common.inbound import InboundMessage, Reply
from bots.line import adapter
from bots.line.client import LineClient, line_client

log = logging.getLogger(__name__)
#: A reply token is good for about a minute; an event answered later (a backlog) is answered by a push.
REPLY_TOKEN_SECONDS = 50


class LineChannel:
    def __init__(self, client: LineClient) -> None:
        self.client = client

    def inbound(self, payload: dict[str, Any]) -> InboundMessage | None:
        """None for an event the SDK cannot read (a type newer than it): it is stored, and ignored."""
        try:
            event = Event.from_dict(payload)
        except ValueError:
            log.warning("LINE event of type %r not understood; ignored", payload.get("type"))
            return None
        return adapter.inbound(event, self.client.photo, self.client.profile)

    def deliver(self, payload: dict[str, Any], msg: InboundMessage | None, replies: list[Reply]) -> None:
        if not replies or msg is None:
            return
        messages = adapter.messages(replies)
        age = time.time() - payload.get("timestamp", 0) / 1000
        if payload.get("replyToken") and age < REPLY_TOKEN_SECONDS:
            self.client.reply(payload["replyToken"], messages)
        else:
            self.client.push(msg.reply_address, messages)


def line_channel() -> LineChannel:
    return LineChannel(line_client())
