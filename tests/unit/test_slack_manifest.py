"""`committee-bot manifest` prints what Slack's own manifest schema accepts, for both modes."""

from __future__ import annotations

import io
import json
from contextlib import redirect_stdout
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from bot.adapters.slack.manifest import BOT_SCOPES, manifest, manifest_yaml
from bot.cli import main
from tests.conftest import make_settings

#: Slack's published manifest schemas (MIT), vendored from ../shared/slack/manifest-schema/
SCHEMAS = Path(__file__).resolve().parents[1] / "data" / "slack" / "manifest-schema"


def validate(document: dict[str, Any]) -> None:
    for name in ("schemas_manifest.schema.1.0.0.json", "schemas_manifest.schema.2.0.0.json"):
        schema = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
        jsonschema.validate(document, schema)


def test_http_mode_manifest_validates_and_points_at_the_public_url() -> None:
    settings = make_settings("sqlite:///unused.db", slack_command="/kommitte", locale="en")
    document = yaml.safe_load(manifest_yaml(settings, public_url="https://bot.example.org/"))
    validate(document)
    (command,) = document["features"]["slash_commands"]
    assert command["command"] == "/kommitte" and command["should_escape"] is True
    assert command["usage_hint"] and command["url"] == "https://bot.example.org/slack/events"
    assert document["features"]["app_home"]["home_tab_enabled"] is True
    assert document["settings"]["event_subscriptions"]["bot_events"] == ["app_home_opened"]
    assert document["settings"]["event_subscriptions"]["request_url"] == command["url"]
    assert document["settings"]["interactivity"] == {"is_enabled": True, "request_url": command["url"]}
    assert document["settings"]["socket_mode_enabled"] is False
    assert document["oauth_config"]["scopes"]["bot"] == list(BOT_SCOPES)
    assert "users:read" not in BOT_SCOPES and "files:read" not in BOT_SCOPES  # nothing unused


def test_socket_mode_manifest_needs_no_urls() -> None:
    settings = make_settings("sqlite:///unused.db", slack_app_token="xapp-1-A1-2-abc")
    text = manifest_yaml(settings)
    document = yaml.safe_load(text)
    validate(document)
    assert document["settings"]["socket_mode_enabled"] is True
    assert "url" not in document["features"]["slash_commands"][0]
    assert "request_url" not in document["settings"]["interactivity"]
    assert "Håller kommitténs register" in document["display_information"]["description"]


def test_the_command_line_prints_it(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)  # no .env
    for name in ("SLACK_APP_TOKEN", "SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "PUBLIC_URL"):
        monkeypatch.delenv(name, raising=False)

    def printed() -> str:
        out = io.StringIO()
        with redirect_stdout(out):
            assert main(["manifest"]) == 0
        validate(yaml.safe_load(out.getvalue()))
        return out.getvalue()

    # A first set-up, with nothing yet: Socket Mode, which needs no public address.
    assert yaml.safe_load(printed())["settings"]["socket_mode_enabled"] is True
    # HTTP credentials but no address: a stand-in URL, called out rather than hidden.
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-1")
    monkeypatch.setenv("SLACK_SIGNING_SECRET", "s")
    assert "Set PUBLIC_URL" in printed()
    (tmp_path / ".env").write_text("PUBLIC_URL=https://from-dotenv.example.org/\n", encoding="utf-8")
    assert "https://from-dotenv.example.org/slack/events" in printed()
    monkeypatch.setenv("PUBLIC_URL", "https://committee.example.org")
    text = printed()
    assert "Set PUBLIC_URL" not in text and "https://committee.example.org/slack/events" in text


def test_oauth_manifest_has_the_redirect_url_and_the_uninstall_events() -> None:
    settings = make_settings(
        "sqlite:///unused.db",
        slack_client_id="1111.2222",
        slack_client_secret="s",
        slack_signing_secret="x",
        public_url="https://committee.example.org",
    )
    document = yaml.safe_load(manifest_yaml(settings))
    validate(document)
    assert document["oauth_config"]["redirect_urls"] == ["https://committee.example.org/slack/oauth_redirect"]
    assert document["oauth_config"]["scopes"]["bot"] == list(BOT_SCOPES)
    assert document["settings"]["socket_mode_enabled"] is False
    events = document["settings"]["event_subscriptions"]
    assert events["bot_events"] == ["app_home_opened", "app_uninstalled", "tokens_revoked"]
    assert events["request_url"] == "https://committee.example.org/slack/events"
    # without OAuth there is nothing to redirect to
    single = make_settings("sqlite:///unused.db", slack_bot_token="xoxb-1", slack_signing_secret="x")
    assert "redirect_urls" not in manifest(single, public_url="https://committee.example.org")["oauth_config"]


def test_oauth_manifest_without_public_url_is_an_http_app_with_a_called_out_stand_in() -> None:
    settings = make_settings("sqlite:///unused.db", slack_client_id="1111.2222", slack_client_secret="s")
    text = manifest_yaml(settings)
    document = yaml.safe_load(text)
    validate(document)
    assert document["settings"]["socket_mode_enabled"] is False
    assert "Set PUBLIC_URL" in text
    assert document["oauth_config"]["redirect_urls"] == ["https://your-bot.example.org/slack/oauth_redirect"]
