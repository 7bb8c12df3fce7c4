"""The baseline: a bare slack-bolt app whose slash-command handler only acknowledges.

Served by gunicorn exactly as `committee-bot serve` is (same worker class, workers and threads),
it is the latency floor every figure of the bot is divided by:

    gunicorn -k gthread -w 2 --threads 4 'bench.baseline_app:wsgi()'

`BENCH_PROCESS_BEFORE_RESPONSE=0` gives bolt's default runner (acknowledge, then run the listener
in a thread), which polls for the acknowledgement every 10 ms.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from typing import Any

from bench.load import BOT_TOKEN, COMMAND, SIGNING_SECRET


def wsgi() -> Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]:
    from slack_bolt import App
    from slack_bolt.adapter.wsgi import SlackRequestHandler
    from slack_sdk import WebClient

    # bolt checks the token with auth.test on the first request: answer it from the local fake
    client = WebClient(token=BOT_TOKEN, base_url=os.environ.get("SLACK_API_URL", "https://slack.com/api/"))
    app = App(
        client=client,
        signing_secret=SIGNING_SECRET,
        token_verification_enabled=False,
        process_before_response=os.environ.get("BENCH_PROCESS_BEFORE_RESPONSE", "1") == "1",
    )

    @app.command(COMMAND)
    def acknowledge(ack: Callable[[], None]) -> None:
        ack()

    slack = SlackRequestHandler(app)

    def application(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        if environ.get("PATH_INFO") == "/healthz":
            start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", "11")])
            return [b'{"ok":true}']
        return slack(environ, start_response)

    return application
