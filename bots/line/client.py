"""The LINE Messaging API as this app uses it: replies, image content, profiles, webhook endpoint."""

import logging
from collections.abc import Callable

from flask import Flask, current_app
from linebot.v3.messaging import (
    ApiClient,
    Configuration,
    MessagingApi,
    MessagingApiBlob,
    PushMessageRequest,
    ReplyMessageRequest,
    SetWebhookEndpointRequest,
    TextMessage,
)

log = logging.getLogger(__name__)
#: Seconds a photo or profile fetch may take: it runs while the chat's turn holds its database row.
FETCH_TIMEOUT = 10


class LineClient:
    """SDK clients built once per app from LINE_CHANNEL_ACCESS_TOKEN and the base-URL settings."""

    def __init__(self, app: Flask) -> None:
        token = app.config["LINE_CHANNEL_ACCESS_TOKEN"]
        self.api = MessagingApi(ApiClient(Configuration(host=app.config["LINE_API_BASE_URL"], access_token=token)))
        self.blob = MessagingApiBlob(
            ApiClient(Configuration(host=app.config["LINE_DATA_API_BASE_URL"], access_token=token))
        )

    def reply(self, reply_token: str, messages: list[TextMessage]) -> None:
        """Answer with the event's reply token; a failure is logged, the event is already stored."""
        try:
            self.api.reply_message(ReplyMessageRequest(reply_token=reply_token, messages=messages))
        except Exception:
            log.exception("LINE reply failed")

    def push(self, user_id: str, messages: list[TextMessage]) -> None:
        """Write to the villager without a reply token (it expired while the event waited); failures are logged."""
        try:
            self.api.push_message(PushMessageRequest(to=user_id, messages=messages))
        except Exception:
            log.exception("LINE push failed")

    def photo(self, message_id: str) -> Callable[[], bytes]:
        return lambda: bytes(self.blob.get_message_content(message_id, _request_timeout=FETCH_TIMEOUT))

    def profile(self, user_id: str) -> Callable[[], str | None]:
        def display_name() -> str | None:
            try:
                return self.api.get_profile(user_id, _request_timeout=FETCH_TIMEOUT).display_name
            except Exception:
                log.warning("LINE profile unavailable; the name is not kept")
                return None

        return display_name

    def set_webhook(self, url: str) -> None:
        self.api.set_webhook_endpoint(SetWebhookEndpointRequest(endpoint=url))


def line_client() -> LineClient:
    """This app's LINE client, created on first use."""
    client = current_app.extensions.get("line_client")
    if client is None:
        client = current_app.extensions["line_client"] = LineClient(current_app._get_current_object())  # type: ignore[attr-defined]
    return client
