"""The load generator: signed slash-command requests over HTTP on 127.0.0.1, as Slack sends them.

Each request is a form post to `/slack/events` signed with `X-Slack-Signature` (slack_sdk's
`SignatureVerifier.generate_signature`). A request is timed until its reply is back: in the HTTP
response body when the app answers before it acknowledges (`process_before_response`), or else
at the local `response_url` receiver when the reply is posted there.
"""

from __future__ import annotations

import http.client
import itertools
import json
import multiprocessing as mp
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlencode

from slack_sdk.signature import SignatureVerifier

SIGNING_SECRET = "bench-signing-secret-0123456789abcdef"
BOT_TOKEN = "xoxb-bench-0000-token"  # the one token of `--auth token` (and of the reminders part)
COMMAND = "/committee"
REPLY_TIMEOUT = 10.0
#: an acknowledgement this slow may be the "working on it" one: wait for the response_url
LATE_AFTER = 1.5


@dataclass(frozen=True)
class Target:
    """Where to send, and as whom."""

    label: str
    port: int
    team_id: str
    user_id: str = "U0BENCH002"
    channel_id: str = "C0BENCH000"
    #: the bare baseline only acknowledges: its empty acknowledgement is the whole answer
    ack_only: bool = False


class ResponseReceiver:
    """A local stand-in for Slack's `response_url`: records when each reply arrives."""

    def __init__(self) -> None:
        self._arrived: dict[str, float] = {}
        self._bodies: dict[str, bytes] = {}
        self._cond = threading.Condition()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length)
                key = self.path.rsplit("/", 1)[-1]
                with receiver._cond:
                    receiver._arrived[key] = time.perf_counter()
                    receiver._bodies[key] = body
                    receiver._cond.notify_all()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", "11")
                self.end_headers()
                self.wfile.write(b'{"ok":true}')

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def url(self, key: str) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/response/{key}"

    def wait(self, key: str, timeout: float = REPLY_TIMEOUT) -> tuple[float, bytes] | None:
        deadline = time.perf_counter() + timeout
        with self._cond:
            while key not in self._arrived:
                left = deadline - time.perf_counter()
                if left <= 0:
                    return None
                self._cond.wait(left)
            return self._arrived.pop(key), self._bodies.pop(key)

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()


_keys = itertools.count(1)


def signed_command(target: Target, text: str, response_url: str) -> tuple[bytes, dict[str, str]]:
    """A slash command's form body and Slack's headers, signed now."""
    body = urlencode(
        {
            "token": "deprecated-verification-token",
            "team_id": target.team_id,
            "team_domain": "bench",
            "channel_id": target.channel_id,
            "channel_name": "bench",
            "user_id": target.user_id,
            "user_name": "bench",
            "command": COMMAND,
            "text": text,
            "api_app_id": "A0BENCH",
            "is_enterprise_install": "false",
            "response_url": response_url,
            "trigger_id": f"{next(_keys)}.bench.trigger",
        }
    ).encode()
    stamp = str(int(time.time()))
    signature = SignatureVerifier(SIGNING_SECRET).generate_signature(timestamp=stamp, body=body)
    return body, {
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Slack-Request-Timestamp": stamp,
        "X-Slack-Signature": signature,
    }


class Client:
    """One keep-alive connection, reopened whenever the server closes it."""

    def __init__(self, port: int) -> None:
        self.port = port
        self._conn: http.client.HTTPConnection | None = None

    def post(self, path: str, body: bytes, headers: dict[str, str]) -> tuple[int, bytes]:
        for attempt in (1, 2):
            if self._conn is None:
                self._conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=REPLY_TIMEOUT)
            try:
                self._conn.request("POST", path, body, headers)
                response = self._conn.getresponse()
                data = response.read()
                if response.will_close:
                    self.close()
                return response.status, data
            except (http.client.RemoteDisconnected, ConnectionError, http.client.BadStatusLine):
                self.close()  # an idle keep-alive connection the server had closed: open anew
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def get(self, path: str) -> tuple[int, bytes]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=REPLY_TIMEOUT)
        try:
            conn.request("GET", path)
            response = conn.getresponse()
            return response.status, response.read()
        finally:
            conn.close()

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None


class RequestFailed(Exception):
    pass


def has_reply(body: bytes) -> bool:
    """Did the HTTP response carry the reply itself (not just an empty acknowledgement)?"""
    if not body.strip():
        return False
    try:
        data = json.loads(body)
    except ValueError:
        return True
    return bool(isinstance(data, dict) and (data.get("text") or data.get("blocks")))


def command_once(
    client: Client, target: Target, text: str, receiver: ResponseReceiver | None
) -> tuple[float, bytes]:
    """Send one command and wait for its reply; returns (seconds, reply body)."""
    key = f"k{next(_keys)}"
    response_url = receiver.url(key) if receiver else f"http://127.0.0.1:9/response/{key}"
    body, headers = signed_command(target, text, response_url)
    started = time.perf_counter()
    status, data = client.post("/slack/events", body, headers)
    if status != 200:
        raise RequestFailed(f"{target.label}: HTTP {status} for {text!r}: {data[:200]!r}")
    elapsed = time.perf_counter() - started
    # The bot answers in the acknowledgement when the work is done within its budget (2 s);
    # otherwise it acknowledges "working on it" and posts the reply to the response_url.
    if receiver is None or target.ack_only or (has_reply(data) and elapsed < LATE_AFTER):
        return elapsed, data
    arrived = receiver.wait(key)
    if arrived is None:
        raise RequestFailed(f"{target.label}: no reply at response_url for {text!r}")
    return arrived[0] - started, arrived[1]


# -- throughput: several client processes, each with a few threads ------------------------------


def _client_process(
    target: Target, text: str, threads: int, ready: Any, go: Any, start: Any, seconds: float, out: Any
) -> None:
    counts = [0] * threads
    failures = [0] * threads
    latencies: list[list[float]] = [[] for _ in range(threads)]

    def run(i: int) -> None:
        client = Client(target.port)
        go.wait()
        start_at = start.value
        while time.time() < start_at:
            time.sleep(0.001)
        stop = start_at + seconds
        while time.time() < stop:
            t0 = time.perf_counter()
            try:
                body, headers = signed_command(target, text, "http://127.0.0.1:9/response/x")
                status, _ = client.post("/slack/events", body, headers)
                if status == 200:
                    counts[i] += 1
                    latencies[i].append(time.perf_counter() - t0)
                else:
                    failures[i] += 1
            except Exception:
                failures[i] += 1
                client.close()
        client.close()

    workers = [threading.Thread(target=run, args=(i,)) for i in range(threads)]
    for w in workers:
        w.start()
    ready.put(threads)  # started and imported: the measured window may begin
    for w in workers:
        w.join()
    out.put((sum(counts), sum(failures), [x for lat in latencies for x in lat]))


@dataclass(frozen=True)
class Throughput:
    clients: int
    seconds: float
    requests: int
    failures: int
    per_second: float
    p50: float
    p99: float


def throughput(target: Target, text: str, clients: int, seconds: float) -> Throughput:
    """Requests per second with `clients` concurrent keep-alive clients, each sending the next
    request as soon as the previous one is answered."""
    from bench.stats import percentile

    ctx = mp.get_context("spawn")
    processes = min(clients, 4)
    per_process = [clients // processes + (1 if i < clients % processes else 0) for i in range(processes)]
    out, ready, go = ctx.Queue(), ctx.Queue(), ctx.Event()
    start = ctx.Value("d", 0.0)
    procs = [
        ctx.Process(target=_client_process, args=(target, text, n, ready, go, start, seconds, out))
        for n in per_process
    ]
    for p in procs:
        p.start()
    # The window starts when every client process is up, however long spawning took on a busy
    # machine (a fixed head start let the window pass before the clients began: 0 requests/s).
    for _ in procs:
        ready.get(timeout=120)
    start.value = time.time() + 0.05
    go.set()
    results = [out.get(timeout=seconds + 60) for _ in procs]
    for p in procs:
        p.join()
    done = sum(r[0] for r in results)
    failed = sum(r[1] for r in results)
    latencies = sorted(x for r in results for x in r[2])
    return Throughput(
        clients,
        seconds,
        done,
        failed,
        done / seconds,
        percentile(latencies, 50) if latencies else float("nan"),
        percentile(latencies, 99) if latencies else float("nan"),
    )


def run_latency(
    target: Target, texts: Sequence[str], count: int, receiver: ResponseReceiver | None
) -> list[float]:
    client = Client(target.port)
    try:
        return [command_once(client, target, texts[i % len(texts)], receiver)[0] for i in range(count)]
    finally:
        client.close()
