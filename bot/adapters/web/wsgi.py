"""The few WSGI types and answers the HTTP face shares."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any

StartResponse = Callable[..., Any]
Environ = dict[str, Any]
WsgiApp = Callable[[Environ, StartResponse], Iterable[bytes]]


def answer_json(start_response: StartResponse, status: str, body: dict[str, Any] | None) -> list[bytes]:
    """A JSON answer (or an empty one for `None`) with its length."""
    data = json.dumps(body).encode() if body is not None else b""
    headers = [("Content-Length", str(len(data)))]
    if body is not None:
        headers.insert(0, ("Content-Type", "application/json"))
    start_response(status, headers)
    return [data]
