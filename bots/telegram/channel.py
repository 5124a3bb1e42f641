"""Telegram as a chat channel of the inbox: stored updates read by the SDK, replies sent by the SDK."""

from typing import Any

from bots.common.inbound import InboundMessage, Reply
from bots.telegram import adapter
from bots.telegram.client import TelegramClient, telegram_client


class TelegramChannel:
    def __init__(self, client: TelegramClient) -> None:
        self.client = client

    def inbound(self, payload: dict[str, Any]) -> InboundMessage | None:
        return adapter.inbound(self.client.parse(payload), self.client.photo)

    def deliver(self, payload: dict[str, Any], msg: InboundMessage | None, replies: list[Reply]) -> None:
        query = payload.get("callback_query")
        if query:
            self.client.answer_button(query["id"])
        if replies and msg is not None:
            self.client.send(msg.reply_address, replies)


def telegram_channel() -> TelegramChannel:
    return TelegramChannel(telegram_client())
