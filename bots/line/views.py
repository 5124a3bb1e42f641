"""POST /bots/line/webhook: signature checked on the raw body, each event stored once, then answered."""

import json

from flask import Blueprint, abort, current_app, request
from linebot.v3 import WebhookParser
from linebot.v3.exceptions import InvalidSignatureError
from sqlalchemy.exc import SQLAlchemyError

from bots import inbox
from webapp.citizens.models import Channel

bp = Blueprint("line", __name__, url_prefix="/bots/line")
bp.register_error_handler(SQLAlchemyError, inbox.database_unavailable)


@bp.post("/webhook")
def webhook() -> tuple[str, int]:
    secret = current_app.config["LINE_CHANNEL_SECRET"]
    if not secret:
        abort(404)
    try:
        body, signature = request.get_data().decode("utf-8"), request.headers.get("X-Line-Signature", "")
        WebhookParser(secret).parse(body, signature)  # the signature, over the raw body
        received = [(e["webhookEventId"], e["type"], e) for e in json.loads(body)["events"]]
    except InvalidSignatureError:
        return "invalid signature", 401
    except (UnicodeDecodeError, ValueError, KeyError, TypeError):
        return "malformed body", 400
    inbox.receive(Channel.LINE, received)
    return "OK", 200
