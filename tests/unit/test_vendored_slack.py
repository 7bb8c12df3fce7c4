"""What tests/data/slack/ holds is Slack's published material from ../shared/slack/, unchanged (the
payload samples and manifest schemas) or reduced to what the fake Web API checks (each method's
parameter names). Without ../shared (a clone elsewhere) there is nothing to compare with: skipped,
except in CI, where ../shared is always laid beside the clone."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

VENDORED = Path(__file__).resolve().parents[1] / "data" / "slack"
SHARED = Path(__file__).resolve().parents[3] / "shared" / "slack"


@pytest.fixture
def shared() -> Path:
    if not SHARED.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI needs Slack's published schemas in {SHARED} to check tests/data/slack against")
        pytest.skip(f"{SHARED} is absent (a clone outside the project folder): nothing to compare with")
    return SHARED


def test_vendored_files_are_slacks_own(shared: Path) -> None:
    copies = [p for p in VENDORED.rglob("*") if p.is_file() and p.name != "methods.json"]
    assert len(copies) >= 10
    for copy in copies:
        original = shared / copy.relative_to(VENDORED)
        assert copy.read_bytes() == original.read_bytes(), copy


def test_the_method_list_is_the_published_web_api_description(shared: Path) -> None:
    spec = json.loads(
        (shared / "web-api" / "slack_web_openapi_v2_without_examples.json").read_text(encoding="utf-8")
    )
    expected = {
        path.lstrip("/"): sorted({p["name"] for op in ops.values() for p in op.get("parameters", [])})
        for path, ops in spec["paths"].items()
    }
    vendored = json.loads((VENDORED / "web-api" / "methods.json").read_text(encoding="utf-8"))["methods"]
    assert vendored == expected
