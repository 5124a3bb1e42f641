"""Webhook delivery: each event stored exactly once, before it is acknowledged, and only when signed."""

import base64
import hashlib
import hmac
import os
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy import event, func, select
from sqlalchemy.exc import OperationalError

from bots import inbox
from config import TestConfig
from tests.bots.conftest import LINE_SECRET, line_event, post_line, post_telegram, telegram_button, telegram_update
from tests.bots.fake_platforms import FakePlatforms
from tests.bots.test_line import join_by_map
from webapp.chats import events
from webapp.chats.models import ChatEvent
from webapp.citizens.models import ChannelIdentity
from webapp.extensions import db
from webapp.submissions.models import Submission

USERS = [f"U{n:032d}" for n in range(20)]


@pytest.fixture
def app_config(app_config: TestConfig, tmp_path: Path) -> TestConfig:
    """A database file rather than SQLite's private in-memory one: threads and reconnections must see it."""
    if not os.environ.get("TEST_DATABASE_URL"):
        app_config.SQLALCHEMY_DATABASE_URI = f"sqlite:///{tmp_path / 'bots.db'}"
    return app_config


def count(model: type) -> int:
    db.session.expire_all()
    return db.session.scalar(select(func.count()).select_from(model))


def test_line_redelivery_records_one_submission(client, mae_ka, platforms: FakePlatforms) -> None:
    join_by_map(client, platforms)
    need = line_event("message", USERS[0], type="text", text="น้ำประปาไม่ไหลมาสามวันแล้ว")
    join_by_map(client, platforms, USERS[0])
    for attempt in range(5):
        need["deliveryContext"]["isRedelivery"] = attempt > 0
        assert post_line(client, need).status_code == 200
    assert count(Submission) == 1
    assert len([r for r in platforms.line_replies() if r["replyToken"] == need["replyToken"]]) == 1


def test_telegram_retry_records_one_submission(client, mae_ka, platforms: FakePlatforms) -> None:
    post_telegram(client, telegram_update(text="/start"))
    post_telegram(client, telegram_button("consent:no"))
    post_telegram(client, telegram_update(text="ต.แม่กา"))
    post_telegram(client, telegram_button(f"village:{mae_ka[0].id}"))
    update = telegram_update(text="สะพานข้ามลำห้วยชำรุด รถผ่านไม่ได้")
    for _ in range(5):
        assert post_telegram(client, update).status_code == 200
    assert count(Submission) == 1


def test_200_different_events_posted_concurrently_create_200(app: Flask, client, mae_ka, platforms) -> None:
    for user in USERS:
        join_by_map(client, platforms, user)
    events = [line_event("message", USERS[n % len(USERS)], type="text", text=f"ไฟถนนซอย {n} ดับมาหลายคืนแล้ว")
              for n in range(200)]

    def deliver(event: dict) -> int:
        return post_line(app.test_client(), event).status_code

    with ThreadPoolExecutor(max_workers=8) as pool:
        statuses = list(pool.map(deliver, events))
    assert statuses == [200] * 200
    assert count(Submission) == 200
    replied = {r["replyToken"] for r in platforms.line_replies()}
    assert all(e["replyToken"] in replied for e in events)


def test_a_wrongly_signed_or_unsigned_request_stores_nothing(client, mae_ka, platforms) -> None:
    follow = line_event("follow", USERS[0])
    assert post_line(client, follow, secret="not-the-channel-secret").status_code == 401
    assert post_line(client, follow, signature="").status_code == 401
    assert post_telegram(client, telegram_update(text="/start"), secret="wrong").status_code == 401
    assert post_telegram(client, telegram_update(text="/start"), secret=None).status_code == 401
    assert count(ChatEvent) == count(ChannelIdentity) == 0
    assert platforms.requests == []


def test_a_malformed_body_is_refused(client, mae_ka) -> None:
    assert client.post("/bots/telegram/webhook", data="{", headers={
        "X-Telegram-Bot-Api-Secret-Token": "telegram-secret-for-tests", "Content-Type": "application/json"}
    ).status_code == 400
    raw = b'{"destination": "U1", "events": [{"type": "follow"'  # cut short, but correctly signed
    signature = base64.b64encode(hmac.new(LINE_SECRET.encode(), raw, hashlib.sha256).digest()).decode()
    assert client.post("/bots/line/webhook", data=raw, headers={"X-Line-Signature": signature}).status_code == 400
    assert count(ChatEvent) == 0


@contextmanager
def database_down() -> Iterator[None]:
    """Every new connection fails, as when the server is stopped; pooled connections are dropped first."""
    engine = db.engine
    error = engine.dialect.loaded_dbapi.OperationalError

    def refuse(*_args: object) -> None:
        raise error("connection refused: the database is down")

    db.session.remove()
    engine.dispose()
    event.listen(engine, "do_connect", refuse)
    try:
        yield
    finally:
        event.remove(engine, "do_connect", refuse)


@pytest.mark.parametrize("channel", ["line", "telegram"])
def test_with_the_database_down_the_webhook_fails_and_the_redelivery_is_stored(client, mae_ka, platforms,
                                                                               channel: str) -> None:
    if channel == "line":
        join_by_map(client, platforms)
        need = line_event("message", "U" + "1" * 32, type="text", text="ถนนลูกรังเป็นหลุมลึก")
        deliver = lambda: post_line(client, need)  # noqa: E731
    else:
        post_telegram(client, telegram_update(text="/start"))
        post_telegram(client, telegram_button("consent:no"))
        post_telegram(client, telegram_update(text="ต.แม่กา"))
        post_telegram(client, telegram_button(f"village:{mae_ka[0].id}"))
        need = telegram_update(text="ถนนลูกรังเป็นหลุมลึก")
        deliver = lambda: post_telegram(client, need)  # noqa: E731
    with database_down():
        assert deliver().status_code == 503
    assert count(Submission) == 0
    assert deliver().status_code == 200
    assert deliver().status_code == 200
    assert count(Submission) == 1


def test_with_a_worker_the_webhook_only_stores_and_the_worker_answers(app: Flask, client, mae_ka, platforms) -> None:
    app.config["CHAT_ANSWER_INLINE"] = False
    assert post_line(client, line_event("follow", USERS[0])).status_code == 200
    stored = db.session.scalar(select(ChatEvent))
    assert stored.handled_at is None and stored.payload["source"]["userId"] == USERS[0]
    assert platforms.line_replies() == []

    result = app.test_cli_runner().invoke(args=["bots", "work", "--once"])
    assert "answered 1 chat events" in result.output
    assert "เสียงชุมชน" in platforms.line_replies()[0]["messages"][0]["text"]
    db.session.expire_all()
    assert stored.handled_at is not None and stored.payload is None, "the platform's user id is not kept"
    assert app.test_cli_runner().invoke(args=["bots", "work", "--once"]).output.endswith("answered 0 chat events\n")


def test_an_event_answered_after_its_reply_token_expired_is_pushed(app: Flask, client, mae_ka, platforms) -> None:
    app.config["CHAT_ANSWER_INLINE"] = False
    late = line_event("follow", USERS[1])
    late["timestamp"] -= 120_000  # waited two minutes in the inbox
    post_line(client, late)
    app.test_cli_runner().invoke(args=["bots", "work", "--once"])
    assert platforms.line_replies() == []
    pushed = platforms.sent("line", "POST /v2/bot/message/push")
    assert [p["to"] for p in pushed] == [USERS[1]] and "เสียงชุมชน" in pushed[0]["messages"][0]["text"]


def test_an_event_the_sdk_cannot_read_is_stored_and_ignored(app: Flask, client, mae_ka, platforms) -> None:
    app.config["CHAT_ANSWER_INLINE"] = False
    odd = line_event("follow", USERS[2])
    del odd["follow"]  # what a newer platform version might send: the SDK refuses to read it
    assert post_line(client, odd, validate=False).status_code == 200
    assert "answered 1 chat events" in app.test_cli_runner().invoke(args=["bots", "work", "--once"]).output
    assert platforms.line_replies() == [] and count(ChannelIdentity) == 0


def test_the_worker_retries_an_event_the_database_refused_and_gives_up_after_a_few_tries(
    app: Flask, client, mae_ka, platforms, monkeypatch: pytest.MonkeyPatch
) -> None:
    app.config["CHAT_ANSWER_INLINE"] = False
    post_line(client, line_event("follow", USERS[3]))
    post_line(client, line_event("follow", USERS[4]))
    first, second = db.session.scalars(select(ChatEvent).order_by(ChatEvent.id)).all()
    real_take = events.take

    def refuse_the_first(event_id: int) -> ChatEvent | None:
        if event_id == first.id:
            raise OperationalError("SELECT …", {}, Exception("deadlock detected"))
        return real_take(event_id)

    monkeypatch.setattr(events, "take", refuse_the_first)
    assert inbox.process() == 1  # the second is answered although the first failed
    for _ in range(events.MAX_ATTEMPTS - 1):
        inbox.process()
    db.session.expire_all()
    assert first.attempts == events.MAX_ATTEMPTS and first.handled_at is not None and first.payload is None
    assert second.handled_at is not None and len(platforms.line_replies()) == 1


def test_the_line_consoles_verify_button_gets_200_and_stores_nothing(client, platforms) -> None:
    assert post_line(client).status_code == 200  # LINE's "Verify" sends a signed body with no events
    assert count(ChatEvent) == 0 and platforms.requests == []


def test_without_settings_the_bots_are_off(app: Flask, client) -> None:
    app.config["LINE_CHANNEL_SECRET"] = app.config["TELEGRAM_BOT_TOKEN"] = None
    assert client.post("/bots/line/webhook", data=b"{}").status_code == 404
    assert client.post("/bots/telegram/webhook", json={"update_id": 1}).status_code == 404


def test_first_messages_of_a_new_villager_arriving_together_are_all_taken(app: Flask, client, mae_ka,
                                                                         platforms) -> None:
    """Two deliveries racing to create the same villager: one creates, the other reads what it created."""
    newcomers = [f"U{n:032d}" for n in range(100, 120)]
    firsts = [line_event(kind, user) if kind == "follow" else line_event("postback", user, data="consent:no")
              for user in newcomers for kind in ("follow", "consent")]

    def deliver(event: dict) -> int:
        return post_line(app.test_client(), event).status_code

    with ThreadPoolExecutor(max_workers=8) as pool:
        assert set(pool.map(deliver, firsts)) == {200}
    assert count(ChannelIdentity) == len(newcomers) and count(ChatEvent) == len(firsts)
