"""Load benchmark: the LINE webhook of the app under gunicorn on PostgreSQL, driven with signed events.

Creates a scratch database, migrates it and loads the demo data, starts a fast fake LINE API and
gunicorn, registers villagers through the real conversation, then sends need messages at a steady
rate (with some LINE-style redeliveries) and reports events/s, latency, lost and duplicated.

    .venv/bin/python bench/line_webhook_load.py [--rate 220] [--seconds 60] [--workers 4]
"""

import argparse
import base64
import hashlib
import hmac
import json
import os
import random
import subprocess
import sys
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from http.client import HTTPConnection
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import psycopg

ROOT = Path(__file__).resolve().parent.parent
SECRET = "bench-line-channel-secret"
NEEDS = (
    "ถนนเข้าหมู่บ้านเป็นหลุมเป็นบ่อ หน้าฝนรถล้มบ่อย", "ไฟส่องสว่างทางเข้าหมู่บ้านดับมาสองเดือนแล้ว",
    "น้ำประปาไหลอ่อนมาก บางวันไม่ไหลเลย", "อยากให้มีการอบรมอาชีพทำขนมให้แม่บ้าน",
    "ขยะล้นถังหน้าตลาด ส่งกลิ่นเหม็น", "อยากได้ศาลาพักรอรถโดยสารหน้าวัด",
    "ท่อระบายน้ำอุดตัน น้ำท่วมขังทุกครั้งที่ฝนตก", "ผู้สูงอายุติดเตียงไม่มีคนดูแล อยากให้มีอาสาสมัครเยี่ยมบ้าน",
)


class FakeLine(BaseHTTPRequestHandler):
    """Answers the Messaging API calls the bot makes, as fast as possible, noting when each reply came."""

    replied: ClassVar[dict[str, float]] = {}
    pushes = 0
    lock = threading.Lock()

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)) or b"{}")
        with FakeLine.lock:
            if "replyToken" in body:
                FakeLine.replied[body["replyToken"]] = time.perf_counter()
            else:
                FakeLine.pushes += 1
        data = json.dumps({"sentMessages": [{"id": str(i), "quoteToken": "q"} for i, _ in
                                            enumerate(body.get("messages", []))]}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *_args: object) -> None:
        pass


def scratch_database(admin_url: str, name: str) -> str:
    """A fresh database for the run (dropped first if a previous run left it)."""
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    return admin_url.rsplit("/", 1)[0] + "/" + name


def app_env(database_url: str, fake_url: str) -> dict[str, str]:
    return {**os.environ, "SIANG_ENV": "production", "SECRET_KEY": "b" * 40,
            "DATABASE_URL": database_url.replace("postgresql://", "postgresql+psycopg://"),
            "LINE_CHANNEL_SECRET": SECRET, "LINE_CHANNEL_ACCESS_TOKEN": "bench-token",
            "LINE_API_BASE_URL": fake_url, "LINE_DATA_API_BASE_URL": fake_url,
            "RATELIMIT_STORAGE_URI": "memory://", "UPLOAD_FOLDER": "/tmp/siang-bench-uploads",
            "CHAT_ANSWER_INLINE": "0"}


def prepare(env: dict[str, str]) -> None:
    flask = [sys.executable, "-m", "flask", "--app", "webapp"]
    for command in (["db", "upgrade"], ["demo"]):
        subprocess.run(flask + command, env=env, cwd=ROOT, check=True, capture_output=True)


def start_answerers(env: dict[str, str], count: int) -> list[subprocess.Popen]:
    """`flask bots work` processes, at a lower priority than the webhook (acknowledging comes first)."""
    command = ["nice", "-n", "10", sys.executable, "-m", "flask", "--app", "webapp", "bots", "work", "--idle", "0.05"]
    log = open("/tmp/siang-bench-answerers.log", "w")  # noqa: SIM115 (lives as long as the processes)
    return [subprocess.Popen(command, env=env, cwd=ROOT, stderr=log) for _ in range(count)]


def wait_until_answered(database_url: str, limit_s: float) -> float:
    """Seconds until the inbox is empty (or the limit)."""
    start = time.perf_counter()
    with psycopg.connect(database_url, autocommit=True) as conn:
        while time.perf_counter() - start < limit_s:
            if not conn.execute("SELECT count(*) FROM chat_events WHERE handled_at IS NULL").fetchone()[0]:
                break
            time.sleep(0.5)
    return time.perf_counter() - start


def start_gunicorn(env: dict[str, str], port: int, workers: int) -> subprocess.Popen:
    command = [sys.executable, "-m", "gunicorn", "-w", str(workers), "-b", f"127.0.0.1:{port}",
               "--log-level", "warning", "webapp:create_app()"]
    server = subprocess.Popen(command, env=env, cwd=ROOT)
    for _ in range(100):
        try:
            HTTPConnection("127.0.0.1", port, timeout=1).request("GET", "/")
            return server
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not start")


def event(kind: str, user: str, event_id: str | None = None, **content: object) -> dict:
    body: dict = {"type": kind, "mode": "active", "timestamp": int(time.time() * 1000),
                  "webhookEventId": event_id or uuid.uuid4().hex.upper()[:26],
                  "deliveryContext": {"isRedelivery": False},
                  "source": {"type": "user", "userId": user}, "replyToken": uuid.uuid4().hex}
    if kind == "message":
        body["message"] = {"id": str(random.randrange(10**12)), "quoteToken": "q", **content}
    elif kind == "postback":
        body["postback"] = {"data": content["data"]}
    elif kind == "follow":
        body["follow"] = {"isUnblocked": False}
    return body


def post(port: int, *events: dict) -> tuple[int, float, float]:
    """Send one signed webhook; its status, when it was sent and its latency in seconds."""
    raw = json.dumps({"destination": "U" + "0" * 32, "events": list(events)}, ensure_ascii=False).encode()
    signature = base64.b64encode(hmac.new(SECRET.encode(), raw, hashlib.sha256).digest()).decode()
    start = time.perf_counter()
    conn = HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("POST", "/bots/line/webhook", raw, {"Content-Type": "application/json",
                                                         "X-Line-Signature": signature})
        status = conn.getresponse().status
    except OSError:
        status = 0
    finally:
        conn.close()
    return status, start, time.perf_counter() - start


def register(port: int, users: list[str], village_ids: list[int]) -> None:
    """Each villager follows, declines to share the name and picks a village (not measured)."""
    def one(pair: tuple[str, int]) -> None:
        user, village_id = pair
        for step in (event("follow", user), event("postback", user, data="consent:no"),
                     event("postback", user, data=f"village:{village_id}")):
            assert post(port, step)[0] == 200

    with ThreadPoolExecutor(8) as pool:
        list(pool.map(one, zip(users, village_ids, strict=True)))


Result = tuple[dict, int, float, float]  # event, status, sent at, latency


def drive(port: int, users: list[str], rate: float, seconds: float, redeliver: float) -> list[Result]:
    """Need messages at a steady rate; a share of them delivered a second time, as LINE does on retries."""
    total = int(rate * seconds)
    planned = [event("message", random.choice(users), type="text", text=f"{random.choice(NEEDS)} #{n}")
               for n in range(total)]
    results: list[Result] = []
    lock = threading.Lock()
    start = time.perf_counter() + 0.5

    def send(n: int) -> None:
        delay = start + n / rate - time.perf_counter()
        if delay > 0:
            time.sleep(delay)
        body = planned[n]
        body["timestamp"] = int(time.time() * 1000)  # when the villager sent it, as LINE stamps it
        if n and random.random() < redeliver:
            body = json.loads(json.dumps(planned[random.randrange(n)]))
            body["deliveryContext"]["isRedelivery"] = True
        status, sent_at, latency = post(port, body)
        with lock:
            results.append((body, status, sent_at, latency))

    with ThreadPoolExecutor(64) as pool:
        list(pool.map(send, range(total)))
    return results


def percentiles(values: list[float]) -> dict[str, float]:
    values = sorted(values) or [0.0]
    return {p: round(values[min(len(values) - 1, int(len(values) * q))] * 1000, 1)
            for p, q in (("p50", 0.5), ("p95", 0.95), ("p99", 0.99), ("max", 1.0))}


def outcome(results: list[Result], database_url: str) -> dict:
    """Lost (acknowledged, stored neither as a need nor as a problem statement) and duplicated needs."""
    acknowledged = {body["message"]["text"] for body, status, _, _ in results if status == 200}
    with psycopg.connect(database_url) as conn:
        stored = dict(conn.execute("SELECT text, count(*) FROM submissions GROUP BY text").fetchall())
        # a text answering "what problem makes it needed?" is stored on the wish it explains
        stored.update(conn.execute("SELECT problem_statement, 1 FROM submissions WHERE problem_statement IS NOT NULL"))
        events = conn.execute("SELECT count(*), count(*) FILTER (WHERE handled_at IS NULL) FROM chat_events "
                              "WHERE event_type = 'message'").fetchone()
    return {"lost": sum(1 for text in acknowledged if stored.get(text, 0) == 0),
            "duplicated": sum(n - 1 for n in stored.values() if n > 1),
            "message_events_stored": events[0], "still_waiting": events[1]}


def report(results: list[Result], elapsed: float, drained: float, database_url: str) -> dict:
    first_sent: dict[str, tuple[str, float]] = {}  # event id -> (reply token, first time it was sent)
    for body, _, sent, _ in sorted(results, key=lambda r: r[2]):
        first_sent.setdefault(body["webhookEventId"], (body["replyToken"], sent))
    answered = [FakeLine.replied[token] - sent for token, sent in first_sent.values() if token in FakeLine.replied]
    return {
        "events_sent": len(results),
        "redeliveries": len(results) - len(first_sent),
        "elapsed_s": round(elapsed, 1),
        "events_per_s": round(len(results) / elapsed, 1),
        "webhook_latency_ms": percentiles([latency for _, _, _, latency in results]),
        "not_acknowledged": sum(status != 200 for _, status, _, _ in results),
        **outcome(results, database_url),
        "answered_by_reply": len(answered),
        "answered_by_push": FakeLine.pushes,
        "reply_latency_ms": percentiles(answered),
        "all_answered_after_s": round(drained, 1),
    }


def cpu_seconds(server_pid: int) -> dict[str, float]:
    """CPU time so far of gunicorn (master and workers), PostgreSQL, the answerers and this driver (/proc)."""
    ticks = os.sysconf("SC_CLK_TCK")
    totals = {"gunicorn": 0.0, "postgres": 0.0, "answerers": 0.0, "driver": 0.0}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
            command = (stat.parent / "cmdline").read_bytes()
        except OSError:
            continue
        pid, name = int(stat.parent.name), text[text.index("(") + 1 : text.rindex(")")]
        fields = text[text.rindex(")") + 2 :].split()
        group = ("gunicorn" if server_pid in (pid, int(fields[1])) else "postgres" if name.startswith("postgres")
                 else "answerers" if b"bots\x00work" in command else "driver" if pid == os.getpid() else None)
        if group:
            totals[group] += (int(fields[11]) + int(fields[12])) / ticks
    return totals


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rate", type=float, default=220, help="events per second to send")
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers")
    parser.add_argument("--answerers", type=int, default=2, help="`flask bots work` processes")
    parser.add_argument("--users", type=int, default=300)
    parser.add_argument("--redeliver", type=float, default=0.05, help="share of events delivered twice")
    parser.add_argument("--admin-url", default=os.environ.get("BENCH_ADMIN_URL",
                                                              "postgresql://postgres@127.0.0.1:5432/test"))
    args = parser.parse_args()
    fake = ThreadingHTTPServer(("127.0.0.1", 0), FakeLine)
    threading.Thread(target=fake.serve_forever, daemon=True).start()
    database_url = scratch_database(args.admin_url, "siang_bench")
    env = app_env(database_url, f"http://127.0.0.1:{fake.server_address[1]}")
    print("preparing database (migrations, demo data)…", file=sys.stderr)
    prepare(env)
    port = 8000 + random.randrange(1000)
    server = start_gunicorn(env, port, args.workers)
    answerers = start_answerers(env, args.answerers)
    try:
        print(json.dumps(run(args, port, server.pid, database_url), indent=2))
    finally:
        for process in (server, *answerers):
            process.terminate()
            process.wait()


def run(args: argparse.Namespace, port: int, server_pid: int, database_url: str) -> dict:
    with psycopg.connect(database_url) as conn:
        villages = [row[0] for row in conn.execute("SELECT id FROM villages ORDER BY id")]
    users = [f"U{n:032x}" for n in range(args.users)]
    print(f"registering {len(users)} villagers…", file=sys.stderr)
    register(port, users, [random.choice(villages) for _ in users])
    wait_until_answered(database_url, 120)
    FakeLine.replied.clear()
    print(f"sending {args.rate:g} events/s for {args.seconds:g} s…", file=sys.stderr)
    started, cpu_before = time.perf_counter(), cpu_seconds(server_pid)
    results = drive(port, users, args.rate, args.seconds, args.redeliver)
    elapsed = time.perf_counter() - started
    drained = elapsed + wait_until_answered(database_url, 600)
    cpu_after = cpu_seconds(server_pid)
    summary = report(results, elapsed, drained, database_url)
    summary["cpu_ms_per_event"] = {name: round((cpu_after[name] - cpu_before[name]) * 1000 / len(results), 2)
                                   for name in cpu_after}
    return summary


if __name__ == "__main__":
    random.seed(7)
    main()
