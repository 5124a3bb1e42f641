"""POST /bots/telegram/webhook: the secret-token header checked, each update stored once, then answered."""

import hmac
from typing import Any

from flask import Blueprint, abort, current_app, request
from sqlalchemy.exc import SQLAlchemyError

from bots import inbox
from webapp.citizens.models import Channel

bp = Blueprint("telegram", __name__, url_prefix="/bots/telegram")
bp.register_error_handler(SQLAlchemyError, inbox.database_unavailable)


@bp.post("/webhook")
def webhook() -> tuple[str, int]:
    secret = current_app.config["TELEGRAM_WEBHOOK_SECRET"]
    if not secret or not current_app.config["TELEGRAM_BOT_TOKEN"]:
        abort(404)
    given = request.headers.get("X-Telegram-Bot-Api-Secret-Token", "")
    if not hmac.compare_digest(given.encode(), secret.encode()):
        return "invalid secret token", 401
    data = request.get_json(silent=True)
    if not isinstance(data, dict) or not isinstance(data.get("update_id"), int):
        return "malformed update", 400
    receive_updates([data])
    return "OK", 200


def receive_updates(updates: list[dict[str, Any]], *, answer_now: bool | None = None) -> None:
    """Store updates once (the webhook and `flask bots telegram-poll` both come here), then answer them."""
    inbox.receive(Channel.TELEGRAM, [(str(u["update_id"]), _kind(u), u) for u in updates], answer_now=answer_now)


def _kind(update: dict[str, Any]) -> str:
    return next((key for key in update if key != "update_id"), "unknown")

