"""A local fake of Slack's Web API: a threaded HTTP server on a free port that records every call,
answers like Slack, enforces Slack's message limits, and can be told to misbehave.

Point `WebClient(base_url=fake.url)` (or SLACK_API_URL) at it. Faults are queued per method:

    fake.fail("chat.postMessage", "rate_limited", retry_after=2)
    fake.fail("chat.postMessage", "error_after")   # store the message, then answer 500
    fake.fail("chat.postMessage", "drop_before")   # close the connection, store nothing

Calls are checked against Slack's own method list and argument names
(`shared/slack/web-api/`, vendored in tests/data/slack/), so a misspelt method or argument fails the test that made it.
"""

from __future__ import annotations

import base64
import contextlib
import itertools
import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

#: each Web API method's parameter names, taken from Slack's published description (MIT) in
#: ../shared/slack/web-api/ (tests/unit/test_vendored_slack.py keeps the two in step)
_METHODS = Path(__file__).resolve().parents[1] / "data" / "slack" / "web-api" / "methods.json"

#: arguments newer than the stored 2020 API description
NEWER_ARGUMENTS = {
    "chat.postMessage": {"metadata"},
    "chat.update": {"metadata"},
    "conversations.history": {"include_all_metadata"},
    # bolt's per-request client (several workspaces) names the team on every call it makes,
    # for org-wide installs; Slack takes it on auth.test, which bolt's authorize calls
    "auth.test": {"team_id"},
}

FAULTS = ("rate_limited", "error_before", "error_after", "drop_before", "drop_after", "slow", "error")


def _load_methods() -> dict[str, set[str]]:
    described: dict[str, list[str]] = json.loads(_METHODS.read_text(encoding="utf-8"))["methods"]
    return {name: set(params) | NEWER_ARGUMENTS.get(name, set()) for name, params in described.items()}


METHODS = _load_methods()
#: methods Slack added after the stored description (files.getUploadURLExternal, …)
for _name, _method in json.loads((_METHODS.with_name("methods-after-2020.json")).read_text(encoding="utf-8"))[
    "methods"
].items():
    METHODS[_name] = set(_method.get("required", [])) | set(_method.get("optional", []))


def message_problems(body: dict[str, Any]) -> list[str]:
    """What Slack would refuse in a message or view (shared/SLACK.md), as readable strings."""
    problems: list[str] = []
    blocks = body.get("blocks")
    if isinstance(blocks, str):
        blocks = json.loads(blocks)
    view = body.get("view")
    if isinstance(view, str):
        view = json.loads(view)
    limit = 50
    if view is not None:
        blocks = view.get("blocks", [])
        limit = 100
        for key in ("title", "submit", "close"):
            if key in view and len(view[key]["text"]) > 24:
                problems.append(f"view {key} longer than 24")
        if len(view.get("private_metadata", "")) > 3000:
            problems.append("private_metadata longer than 3000")
    if not blocks:
        if view is None and not body.get("text"):
            problems.append("message has neither text nor blocks")
        return problems
    if len(blocks) > limit:
        problems.append(f"{len(blocks)} blocks (limit {limit})")
    total = 0
    for block in blocks:
        kind = block.get("type")
        if len(block.get("block_id", "")) > 255:
            problems.append("block_id longer than 255")
        if kind == "section":
            text = (block.get("text") or {}).get("text", "")
            total += len(text)
            if len(text) > 3000:
                problems.append(f"section text of {len(text)} characters (limit 3000)")
            fields = block.get("fields") or []
            if len(fields) > 10:
                problems.append(f"{len(fields)} fields (limit 10)")
            for f in fields:
                total += len(f["text"])
                if len(f["text"]) > 2000:
                    problems.append("field longer than 2000")
            if "accessory" in block:
                problems += _element_problems(block["accessory"])
        elif kind == "header":
            text = block["text"]["text"]
            total += len(text)
            if len(text) > 150:
                problems.append("header longer than 150")
        elif kind == "context":
            elements = block.get("elements", [])
            if len(elements) > 10:
                problems.append("context with more than 10 elements")
            for e in elements:
                total += len(e.get("text", ""))
        elif kind == "actions":
            elements = block.get("elements", [])
            if len(elements) > 25:
                problems.append("actions with more than 25 elements")
            for e in elements:
                problems += _element_problems(e)
        elif kind == "input":
            problems += _element_problems(block.get("element", {}))
    if view is None and total > 12000:
        problems.append(f"{total} characters of block text (limit about 12000)")
    return problems


def _element_problems(element: dict[str, Any]) -> list[str]:
    problems = []
    if element.get("type") == "button":
        if len(element["text"]["text"]) > 75:
            problems.append("button text longer than 75")
        if len(element.get("value", "")) > 2000:
            problems.append("button value longer than 2000")
    if len(element.get("action_id", "")) > 255:
        problems.append("action_id longer than 255")
    for option in element.get("options", []):
        if len(option["text"]["text"]) > 75 or len(option.get("value", "")) > 75:
            problems.append("option text or value longer than 75")
    if len(element.get("options", [])) > 100:
        problems.append("more than 100 options")
    return problems


@dataclass
class Call:
    method: str
    args: dict[str, Any]
    token: str | None
    at: float = field(default_factory=time.monotonic)


@dataclass
class SharedFile:
    """A file uploaded through files.getUploadURLExternal and shared by completeUploadExternal."""

    file_id: str
    filename: str
    content: bytes
    title: str | None
    channel: str | None
    comment: str | None


@dataclass
class Posted:
    channel: str
    ts: str
    text: str
    blocks: list[dict[str, Any]] | None
    metadata: dict[str, Any] | None
    thread_ts: str | None = None


class FakeSlack:
    """The fake Web API. Use as a context manager, or `start()`/`stop()`."""

    def __init__(self, *, strict: bool = True) -> None:
        self.calls: list[Call] = []
        self.messages: list[Posted] = []
        self.responses: list[tuple[str, dict[str, Any]]] = []  # (response_url id, body)
        self.views: list[dict[str, Any]] = []
        self.problems: list[str] = []
        self.strict = strict
        self.channels_not_found: set[str] = set()
        #: channels whose history the bot cannot read, and Slack's error for it (the bot posts
        #: there with chat:write.public but is no member: `not_in_channel`, …)
        self.unreadable: dict[str, str] = {}
        #: OAuth: the app's credentials `oauth.v2.access` accepts (None: any), the codes Slack
        #: would hand out when someone installs the app (`grant`), and the bot token of each
        #: installed workspace, which `auth.test` answers for
        self.client_credentials: tuple[str, str] | None = None
        self.oauth_codes: dict[str, dict[str, Any]] = {}
        self.installed: dict[str, dict[str, Any]] = {}
        #: uploads: announced (file id -> filename, length), received (file id -> bytes), shared
        self.upload_slots: dict[str, tuple[str, int]] = {}
        self.uploaded: dict[str, bytes] = {}
        self.files: list[SharedFile] = []
        self._request = threading.local()
        self._faults: dict[str, list[tuple[str, float]]] = {}
        self._lock = threading.Lock()
        self._ts = itertools.count(1)
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    # -- life ----------------------------------------------------------------------------------

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/api/"

    def response_url(self, key: str = "r1") -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/response/{key}"

    def start(self) -> FakeSlack:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> FakeSlack:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- steering ------------------------------------------------------------------------------

    def fail(
        self, method: str, fault: str, *, times: int = 1, retry_after: float = 1, delay: float = 0
    ) -> None:
        assert fault in FAULTS, fault
        with self._lock:
            for _ in range(times):
                self._faults.setdefault(method, []).append(
                    (fault, retry_after if fault == "rate_limited" else delay)
                )

    def calls_to(self, method: str) -> list[Call]:
        with self._lock:
            return [c for c in self.calls if c.method == method]

    def posted(self, channel: str | None = None) -> list[Posted]:
        with self._lock:
            return [m for m in self.messages if channel is None or m.channel == channel]

    def clear(self) -> None:
        with self._lock:
            self.calls.clear()
            self.messages.clear()
            self.responses.clear()
            self.views.clear()
            self.problems.clear()
            self.oauth_codes.clear()
            self.installed.clear()
            self.upload_slots.clear()
            self.uploaded.clear()
            self.files.clear()
        self.client_credentials = None

    # -- answers -------------------------------------------------------------------------------

    def _next_fault(self, method: str) -> tuple[str, float] | None:
        with self._lock:
            queue = self._faults.get(method)
            return queue.pop(0) if queue else None

    def _answer(self, method: str, args: dict[str, Any], token: str | None) -> dict[str, Any]:
        with self._lock:
            self.calls.append(Call(method, args, token))
        if method not in METHODS:
            self.problems.append(f"unknown method {method}")
            return {"ok": False, "error": "unknown_method"}
        unknown = set(args) - METHODS[method] - {"token"}
        if unknown and self.strict:
            self.problems.append(f"{method}: unknown arguments {sorted(unknown)}")
            return {"ok": False, "error": "invalid_arguments", "unknown": sorted(unknown)}
        problems = (
            message_problems(args)
            if method
            in (
                "chat.postMessage",
                "chat.postEphemeral",
                "chat.update",
                "views.open",
                "views.publish",
                "views.update",
                "views.push",
            )
            else []
        )
        if problems:
            with self._lock:
                self.problems.extend(f"{method}: {p}" for p in problems)
            return {"ok": False, "error": "invalid_blocks", "problems": problems}
        handler = getattr(self, "_m_" + method.replace(".", "_"), None)
        if handler is None:
            return {"ok": True}
        self._request.token = token  # the few handlers that look at who is asking
        result: dict[str, Any] = handler(args)
        return result

    def grant(self, code: str, team: str, team_name: str, *, installer: str = "UINSTALLER") -> str:
        """Slack's side of someone clicking Allow in `team`: `code` is what the browser brings back
        to the redirect URL. Returns the bot token that `oauth.v2.access` will hand out for it."""
        token = f"xoxb-{team}-{len(self.oauth_codes) + 1}-{code}"
        self.oauth_codes[code] = {
            "team": team,
            "team_name": team_name,
            "installer": installer,
            "token": token,
        }
        return token

    def _m_oauth_v2_access(self, args: dict[str, Any]) -> dict[str, Any]:
        # The app's credentials come as HTTP Basic auth (slack_sdk) or as arguments.
        basic = str(getattr(self._request, "token", "") or "")
        if basic.startswith("Basic "):
            client_id, _, secret = base64.b64decode(basic.removeprefix("Basic ")).decode().partition(":")
        else:
            client_id, secret = str(args.get("client_id", "")), str(args.get("client_secret", ""))
        if self.client_credentials is not None and (client_id, secret) != self.client_credentials:
            return {"ok": False, "error": "invalid_client_id"}
        with self._lock:
            grant = self.oauth_codes.pop(str(args.get("code", "")), None)  # a code works once
        if grant is None:
            return {"ok": False, "error": "invalid_code"}
        team, token = grant["team"], grant["token"]
        bot_user = f"UBOT{team}"
        with self._lock:
            self.installed[token] = {
                "team_id": team,
                "team": grant["team_name"],
                "user_id": bot_user,
                "bot_id": f"B{team}",
            }
        return {
            "ok": True,
            "app_id": "A111",
            "authed_user": {"id": grant["installer"]},
            "scope": "commands,chat:write,chat:write.public,channels:history,groups:history,files:write,im:write",
            "token_type": "bot",
            "access_token": token,
            "bot_user_id": bot_user,
            "team": {"id": team, "name": grant["team_name"]},
            "enterprise": None,
            "is_enterprise_install": False,
        }

    def _m_auth_test(self, args: dict[str, Any]) -> dict[str, Any]:
        token = str(getattr(self._request, "token", "") or "")
        with self._lock:
            installed = self.installed.get(token)
        if installed is not None:
            return {"ok": True, "url": "https://fake.slack.com/", "user": "committeebot", **installed}
        return {
            "ok": True,
            "url": "https://fake.slack.com/",
            "team": "Fake",
            "user": "committeebot",
            "team_id": "T111",
            "user_id": "UBOT",
            "bot_id": "BBOT",
        }

    def _m_chat_postMessage(self, args: dict[str, Any]) -> dict[str, Any]:
        channel = str(args.get("channel", ""))
        if not channel:
            return {"ok": False, "error": "channel_not_found"}
        if channel in self.channels_not_found:
            return {"ok": False, "error": "channel_not_found"}
        blocks = args.get("blocks")
        if isinstance(blocks, str):
            blocks = json.loads(blocks)
        metadata = args.get("metadata")
        if isinstance(metadata, str):
            metadata = json.loads(metadata)
        ts = f"{1_600_000_000 + next(self._ts)}.000100"
        with self._lock:
            self.messages.append(
                Posted(channel, ts, str(args.get("text", "")), blocks, metadata, args.get("thread_ts"))
            )
        return {"ok": True, "channel": channel, "ts": ts, "message": {"text": args.get("text", ""), "ts": ts}}

    def _m_chat_postEphemeral(self, args: dict[str, Any]) -> dict[str, Any]:
        return {"ok": True, "message_ts": f"{1_600_000_000 + next(self._ts)}.000200"}

    def _m_conversations_history(self, args: dict[str, Any]) -> dict[str, Any]:
        channel = str(args.get("channel", ""))
        if channel in self.unreadable:
            return {"ok": False, "error": self.unreadable[channel]}
        with_metadata = str(args.get("include_all_metadata", "")).lower() in ("1", "true")
        oldest = float(args.get("oldest", 0) or 0)
        limit = int(args.get("limit", 100) or 100)
        out = []
        for m in reversed(self.posted(channel)):
            if float(m.ts) < oldest:
                continue
            item: dict[str, Any] = {"type": "message", "ts": m.ts, "text": m.text}
            if with_metadata and m.metadata:
                item["metadata"] = m.metadata
            out.append(item)
        return {"ok": True, "messages": out[:limit], "has_more": len(out) > limit}

    def _view(self, args: dict[str, Any]) -> dict[str, Any]:
        view = args.get("view")
        if isinstance(view, str):
            view = json.loads(view)
        with self._lock:
            self.views.append({"args": args, "view": view})
        return {"ok": True, "view": {"id": f"V{next(self._ts)}", **(view or {})}}

    _m_views_open = _view
    _m_views_publish = _view
    _m_views_update = _view
    _m_views_push = _view

    def _m_conversations_open(self, args: dict[str, Any]) -> dict[str, Any]:
        users = str(args.get("users", ""))
        if not users or "," in users:
            return {"ok": False, "error": "users_list_not_supplied" if not users else "not_supported"}
        return {"ok": True, "channel": {"id": "D" + users.lstrip("U")}}

    def _m_files_getUploadURLExternal(self, args: dict[str, Any]) -> dict[str, Any]:
        filename, length = str(args.get("filename") or ""), str(args.get("length") or "")
        if not filename or not length.isdigit():
            return {"ok": False, "error": "invalid_arguments"}
        file_id = f"F{next(self._ts):06d}"
        host, port = self._server.server_address[:2]
        with self._lock:
            self.upload_slots[file_id] = (filename, int(length))
        return {"ok": True, "upload_url": f"http://{host}:{port}/upload/{file_id}", "file_id": file_id}

    def _m_files_completeUploadExternal(self, args: dict[str, Any]) -> dict[str, Any]:
        files = args.get("files")
        if isinstance(files, str):
            files = json.loads(files)
        if not files:
            return {"ok": False, "error": "invalid_arguments"}
        shared = []
        with self._lock:
            for item in files:
                file_id = str(item.get("id"))
                if file_id not in self.upload_slots or file_id not in self.uploaded:
                    return {"ok": False, "error": "file_not_found"}
                filename, length = self.upload_slots[file_id]
                content = self.uploaded[file_id]
                if len(content) != length:
                    return {"ok": False, "error": "file_upload_size_mismatch"}
                shared.append(
                    SharedFile(
                        file_id,
                        filename,
                        content,
                        item.get("title"),
                        args.get("channel_id"),
                        args.get("initial_comment"),
                    )
                )
            self.files.extend(shared)
        return {
            "ok": True,
            "files": [{"id": f.file_id, "name": f.filename, "title": f.title} for f in shared],
        }

    def _m_users_info(self, args: dict[str, Any]) -> dict[str, Any]:
        user = str(args.get("user", ""))
        return {
            "ok": True,
            "user": {"id": user, "name": user.lower(), "tz": "Europe/Stockholm", "locale": "sv-SE"},
        }

    # -- HTTP ----------------------------------------------------------------------------------

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:  # quiet
                pass

            def _args(self) -> dict[str, Any]:
                parsed = urlparse(self.path)
                args: dict[str, Any] = {k: v[-1] for k, v in parse_qs(parsed.query).items()}
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                ctype = self.headers.get("Content-Type", "")
                if raw and "json" in ctype:
                    args.update(json.loads(raw))
                elif raw:
                    args.update({k: v[-1] for k, v in parse_qs(raw.decode()).items()})
                return args

            def _send(self, status: int, body: dict[str, Any], headers: dict[str, str] | None = None) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(data)

            def _drop(self) -> None:
                self.close_connection = True
                with contextlib.suppress(OSError):
                    self.connection.shutdown(2)

            def do_GET(self) -> None:
                self.do_POST()

            def do_POST(self) -> None:
                path = urlparse(self.path).path
                if path.startswith("/upload/"):  # the upload_url of files.getUploadURLExternal
                    length = int(self.headers.get("Content-Length") or 0)
                    content = self.rfile.read(length) if length else b""
                    file_id = path.rsplit("/", 1)[-1]
                    with fake._lock:
                        known = file_id in fake.upload_slots
                        if known:
                            fake.uploaded[file_id] = content
                    self._send(200 if known else 404, {"ok": known})
                    return
                args = self._args()
                if path.startswith("/response/"):
                    with fake._lock:
                        fake.responses.append((path.rsplit("/", 1)[-1], args))
                    problems = message_problems(args)
                    if problems:
                        fake.problems.extend(f"response_url: {p}" for p in problems)
                    self._send(200, {"ok": True})
                    return
                method = path.removeprefix("/api/").strip("/")
                auth = self.headers.get("Authorization", "")
                token = auth.removeprefix("Bearer ") or args.get("token")
                fault = fake._next_fault(method)
                kind, value = fault if fault else (None, 0.0)
                if kind == "rate_limited":
                    with fake._lock:
                        fake.calls.append(Call(method, args, token))
                    self._send(429, {"ok": False, "error": "ratelimited"}, {"Retry-After": str(int(value))})
                    return
                if kind in ("error_before", "error"):
                    with fake._lock:
                        fake.calls.append(Call(method, args, token))
                    self._send(500, {"ok": False, "error": "internal_error"})
                    return
                if kind == "drop_before":
                    with fake._lock:
                        fake.calls.append(Call(method, args, token))
                    self._drop()
                    return
                if kind == "slow":
                    time.sleep(value)
                answer = fake._answer(method, args, token)
                if kind == "error_after":
                    self._send(500, {"ok": False, "error": "internal_error"})
                    return
                if kind == "drop_after":
                    self._drop()
                    return
                self._send(200, answer)

        return Handler
