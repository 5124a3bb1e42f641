"""Bots under test: the real SDKs talk to a local fake of both platforms; every payload is checked against the specs."""

import base64
import hashlib
import hmac
import itertools
import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from config import TestConfig
from tests.bots import specs
from tests.bots.fake_platforms import FakePlatforms, start_fake_platforms
from tests.conftest import make_config
from webapp.areas.models import Province, Village
from webapp.extensions import db

LINE_SECRET = "line-channel-secret-for-tests"
TELEGRAM_SECRET = "telegram-secret-for-tests"
TELEGRAM_TOKEN = "123456:TEST-token"
_ids = itertools.count(1)


@pytest.fixture
def platforms() -> Iterator[FakePlatforms]:
    fake, server = start_fake_platforms()
    yield fake
    server.shutdown()
    server.server_close()
    assert fake.errors == [], "the bots sent requests the official specifications do not allow"


@pytest.fixture
def app_config(tmp_path: Path, platforms: FakePlatforms) -> TestConfig:
    return make_config(
        tmp_path, LINE_CHANNEL_SECRET=LINE_SECRET, LINE_CHANNEL_ACCESS_TOKEN="line-token",
        LINE_API_BASE_URL=platforms.url, LINE_DATA_API_BASE_URL=platforms.url,
        TELEGRAM_BOT_TOKEN=TELEGRAM_TOKEN, TELEGRAM_WEBHOOK_SECRET=TELEGRAM_SECRET,
        TELEGRAM_API_BASE_URL=platforms.url,
    )


@pytest.fixture
def mae_ka(phayao: Province) -> list[Village]:
    """Fourteen villages of ต.แม่กา, more than one page of LINE quick replies."""
    villages = [Village(subdistrict_code="560110", moo=n, name=f"บ้านแม่กา{n}") for n in range(1, 15)]
    db.session.add_all(villages)
    db.session.commit()
    return villages


def new_id() -> str:
    """A fresh ULID-like webhook event id."""
    return f"01J{next(_ids):023d}"


def line_event(kind: str, user: str = "U" + "a" * 32, event_id: str | None = None, **content: object) -> dict:
    """A LINE webhook event as the platform sends it: message (text/image/location/sticker/audio…), follow, postback."""
    event: dict = {"type": kind, "mode": "active", "timestamp": int(time.time() * 1000),
                   "webhookEventId": event_id or new_id(), "deliveryContext": {"isRedelivery": False},
                   "source": {"type": "user", "userId": user}, "replyToken": "rt-" + new_id()}
    if kind == "message":
        event["message"] = {"id": str(next(_ids)), **content}
        if content.get("type") in ("text", "sticker", "image", "video"):
            event["message"]["quoteToken"] = "q" + new_id()
    elif kind == "postback":
        event["postback"] = {"data": content["data"]}
    elif kind == "follow":
        event["follow"] = {"isUnblocked": False}
    return event


def post_line(client: FlaskClient, *events: dict, secret: str = LINE_SECRET,
              signature: str | None = None, validate: bool = True) -> TestResponse:
    """POST a signed webhook body, after checking it against webhook.yml (unless the test sends a bad one)."""
    body = {"destination": "U" + "f" * 32, "events": list(events)}
    assert not validate or specs.line_webhook_errors(body) == []
    raw = json.dumps(body, ensure_ascii=False).encode()
    if signature is None:
        signature = base64.b64encode(hmac.new(secret.encode(), raw, hashlib.sha256).digest()).decode()
    return client.post("/bots/line/webhook", data=raw, headers={"X-Line-Signature": signature,
                                                                "Content-Type": "application/json"})


def telegram_update(user_id: int = 7001, update_id: int | None = None, **message: object) -> dict:
    """A Telegram update with a private-chat message (text, photo, location, sticker, voice…)."""
    sender = {"id": user_id, "is_bot": False, "first_name": "สมศรี", "last_name": "มีสุข", "language_code": "th"}
    body = {"message_id": next(_ids), "date": int(time.time()), "chat": {"id": user_id, "type": "private",
                                                                          "first_name": "สมศรี"},
            "from": sender, **message}
    if str(message.get("text", "")).startswith("/"):
        body["entities"] = [{"type": "bot_command", "offset": 0, "length": len(str(message["text"]).split()[0])}]
    return {"update_id": update_id or next(_ids), "message": body}


def telegram_button(data: str, user_id: int = 7001, update_id: int | None = None) -> dict:
    """A Telegram update for a pressed inline-keyboard button."""
    sender = {"id": user_id, "is_bot": False, "first_name": "สมศรี"}
    message = {"message_id": next(_ids), "date": int(time.time()), "chat": {"id": user_id, "type": "private"},
               "from": {"id": 4242, "is_bot": True, "first_name": "เสียงชุมชน"}, "text": "…"}
    return {"update_id": update_id or next(_ids),
            "callback_query": {"id": str(next(_ids)), "from": sender, "message": message, "chat_instance": "ci",
                               "data": data}}


def post_telegram(client: FlaskClient, update: dict, secret: str | None = TELEGRAM_SECRET) -> TestResponse:
    """POST an update to the webhook, after checking it against api.json's Update."""
    assert specs.telegram_update_errors(update) == []
    headers = {"X-Telegram-Bot-Api-Secret-Token": secret} if secret is not None else {}
    return client.post("/bots/telegram/webhook", json=update, headers=headers)
