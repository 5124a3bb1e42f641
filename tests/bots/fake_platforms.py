"""A local HTTP server that plays the LINE and Telegram APIs for the real SDKs, checking every request."""

import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlparse

from tests.bots import specs

BOT_USER = {"id": 4242, "is_bot": True, "first_name": "เสียงชุมชน", "username": "SiangChumchonBot"}


@dataclass
class Recorded:
    platform: str
    operation: str
    body: Any


@dataclass
class FakePlatforms:
    """What the bots sent, what failed the specifications, and what the platforms hold (images, updates)."""

    requests: list[Recorded] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    line_content: dict[str, bytes] = field(default_factory=dict)
    line_profiles: dict[str, str] = field(default_factory=dict)
    telegram_files: dict[str, bytes] = field(default_factory=dict)
    telegram_updates: list[dict] = field(default_factory=list)
    fail_line_replies: bool = False
    url: str = ""
    lock: threading.Lock = field(default_factory=threading.Lock)

    def sent(self, platform: str, operation: str) -> list[Any]:
        with self.lock:
            return [r.body for r in self.requests if r.platform == platform and r.operation == operation]

    def line_replies(self) -> list[dict]:
        return self.sent("line", "POST /v2/bot/message/reply")

    def telegram_texts(self) -> list[str]:
        return [body["text"] for body in self.sent("telegram", "sendMessage")]

    def record(self, platform: str, operation: str, body: Any, errors: list[str]) -> None:
        with self.lock:
            self.requests.append(Recorded(platform, operation, body))
            self.errors += [f"{platform} {operation}: {e}" for e in errors]


class _Handler(BaseHTTPRequestHandler):
    fake: FakePlatforms

    def log_message(self, *_args: object) -> None:
        pass

    def do_GET(self) -> None:
        self._route("GET")

    def do_POST(self) -> None:
        self._route("POST")

    def do_PUT(self) -> None:
        self._route("PUT")

    def _route(self, method: str) -> None:
        path = urlparse(self.path).path
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if path.startswith("/file/bot"):
            return self._telegram_file(path)
        if path.startswith("/bot"):
            return self._telegram(path.split("/", 2)[2], body)
        return self._line(method, path, body)

    def _send(self, status: int, payload: Any, content_type: str = "application/json") -> None:
        data = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _line(self, method: str, path: str, body: bytes) -> None:
        errors = specs.line_request_errors(method, path, body)
        if not self.headers.get("Authorization", "").startswith("Bearer "):
            errors.append("no channel access token")
        self.fake.record("line", f"{method} {_line_template(path)}", json.loads(body) if body else None, errors)
        if path.endswith("/content"):
            content = self.fake.line_content.get(path.split("/")[-2])
            return self._send(200, content, "image/jpeg") if content else self._send(404, {"message": "Not found"})
        if path.startswith("/v2/bot/profile/"):
            user_id = path.rsplit("/", 1)[1]
            name = self.fake.line_profiles.get(user_id, "สมชาย ใจดี")
            return self._send(200, {"userId": user_id, "displayName": name, "language": "th"})
        if path == "/v2/bot/message/reply" and self.fake.fail_line_replies:
            return self._send(500, {"message": "fake outage"})
        if path == "/v2/bot/message/reply":
            sent = json.loads(body).get("messages", [])
            ids = [{"id": str(i), "quoteToken": f"q{i}"} for i, _ in enumerate(sent)]
            return self._send(200, {"sentMessages": ids})
        self._send(200, {})

    def _telegram(self, method: str, body: bytes) -> None:
        params = _telegram_params(method, self.headers.get("Content-Type", ""), body)
        self.fake.record("telegram", method, params, specs.telegram_method_errors(method, params))
        self._send(200, {"ok": True, "result": _telegram_result(self.fake, method, params)})

    def _telegram_file(self, path: str) -> None:
        content = self.fake.telegram_files.get(path.rsplit("/", 1)[1])
        self._send(200, content, "image/jpeg") if content else self._send(404, {"ok": False})


def _line_template(path: str) -> str:
    """The operation's path as the specification writes it (ids replaced by their parameter)."""
    if path.startswith("/v2/bot/profile/"):
        return "/v2/bot/profile/{userId}"
    if path.startswith("/v2/bot/message/") and path.endswith("/content"):
        return "/v2/bot/message/{messageId}/content"
    return path


def _telegram_params(method: str, content_type: str, body: bytes) -> dict:
    """python-telegram-bot posts form fields: objects JSON-encoded, strings as they are (read by the method's spec)."""
    if "json" in content_type:
        return json.loads(body or b"{}")
    spec = specs.telegram_method_spec(method) or {"fields": []}
    string_fields = {f["name"] for f in spec.get("fields", []) if f["types"] == ["String"]}
    params: dict = {}
    for key, raw in parse_qsl(body.decode(), keep_blank_values=True):
        try:
            params[key] = raw if key in string_fields else json.loads(raw)
        except ValueError:
            params[key] = raw
    return params


def _telegram_result(fake: FakePlatforms, method: str, params: dict) -> Any:
    if method == "getMe":
        return BOT_USER
    if method == "sendMessage":
        chat = {"id": int(params.get("chat_id", 0)), "type": "private"}
        return {"message_id": len(fake.requests), "date": 1764000000, "chat": chat, "from": BOT_USER,
                "text": str(params.get("text", ""))}
    if method == "getFile":
        return {"file_id": params["file_id"], "file_unique_id": "u" + params["file_id"], "file_path": params["file_id"]}
    if method == "getUpdates":
        with fake.lock:
            updates, fake.telegram_updates[:] = list(fake.telegram_updates), []
        return updates
    return True


def start_fake_platforms() -> tuple[FakePlatforms, ThreadingHTTPServer]:
    fake = FakePlatforms()
    handler = type("Handler", (_Handler,), {"fake": fake})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    fake.url = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return fake, server
