"""The Telegram Bot API as this app uses it, through python-telegram-bot on one event loop per process."""

import asyncio
import logging
import threading
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

from flask import Flask, current_app
from telegram import Bot, BotCommand, InlineKeyboardButton, InlineKeyboardMarkup, Update

from bots.common.inbound import Reply

T = TypeVar("T")
log = logging.getLogger(__name__)
#: Telegram's limit on one message's text.
MAX_TEXT = 4096
TIMEOUT = 30
#: Seconds a photo download may take: it runs while the chat's turn holds its database row.
FETCH_TIMEOUT = 10


class TelegramClient:
    """python-telegram-bot is asynchronous; a Flask worker is not: its coroutines run on a private loop."""

    def __init__(self, app: Flask) -> None:
        base = app.config["TELEGRAM_API_BASE_URL"].rstrip("/")
        self.bot = Bot(app.config["TELEGRAM_BOT_TOKEN"], base_url=f"{base}/bot", base_file_url=f"{base}/file/bot")
        self._loop = asyncio.new_event_loop()
        threading.Thread(target=self._loop.run_forever, name="telegram-client", daemon=True).start()
        self._ready = False

    def run(self, coroutine: Coroutine[Any, Any, T], timeout: float = TIMEOUT) -> T:
        """Run one Bot API call to completion from synchronous code."""
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result(timeout)

    def _call(self, method: Callable[..., Coroutine[Any, Any, T]], *args: Any, **kwargs: Any) -> T:
        if not self._ready:
            self.run(self.bot.initialize())
            self._ready = True
        return self.run(method(*args, **kwargs), timeout=kwargs.get("timeout", 0) + TIMEOUT)

    def parse(self, data: dict) -> Update:
        return Update.de_json(data, self.bot)

    def send(self, chat_id: str, replies: list[Reply]) -> None:
        """Each reply as a message; its buttons as an inline keyboard, one per row. Failures are logged."""
        for reply in replies:
            markup = InlineKeyboardMarkup([[InlineKeyboardButton(c.label, callback_data=c.data)]
                                           for c in reply.choices]) if reply.choices else None
            try:
                self._call(self.bot.send_message, chat_id=int(chat_id), text=reply.text[:MAX_TEXT], reply_markup=markup)
            except Exception:
                log.exception("Telegram send failed")

    def answer_button(self, callback_query_id: str) -> None:
        """Stop the button's spinner in the villager's app."""
        try:
            self._call(self.bot.answer_callback_query, callback_query_id)
        except Exception:
            log.warning("Telegram answerCallbackQuery failed", exc_info=True)

    def photo(self, file_id: str) -> Callable[[], bytes]:
        async def download() -> bytes:
            file = await self.bot.get_file(file_id, read_timeout=FETCH_TIMEOUT)
            return bytes(await file.download_as_bytearray(read_timeout=FETCH_TIMEOUT))

        return lambda: self._call(download)

    def updates(self, offset: int | None, timeout: int) -> list[Update]:
        return list(self._call(self.bot.get_updates, offset=offset, timeout=timeout,
                               allowed_updates=["message", "callback_query"]))

    def delete_webhook(self) -> None:
        self._call(self.bot.delete_webhook)

    def set_webhook(self, url: str, secret: str, commands: list[tuple[str, str]]) -> None:
        self._call(self.bot.set_webhook, url=url, secret_token=secret, allowed_updates=["message", "callback_query"])
        self._call(self.bot.set_my_commands, [BotCommand(name, description) for name, description in commands])


def telegram_client() -> TelegramClient:
    """This app's Telegram client, created on first use."""
    client = current_app.extensions.get("telegram_client")
    if client is None:
        app = current_app._get_current_object()  # type: ignore[attr-defined]
        client = current_app.extensions["telegram_client"] = TelegramClient(app)
    return client
