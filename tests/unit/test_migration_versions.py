"""A migration is a fixed record of one change: it never imports the bot (whose models keep
changing), only Alembic and SQLAlchemy. (The layers of `bot` itself: .importlinter, `make check`.)"""

from __future__ import annotations

import ast
from pathlib import Path

VERSIONS = Path(__file__).resolve().parents[2] / "migrations" / "versions"


def _imported(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_migration_versions_never_import_the_bot() -> None:
    versions = sorted(VERSIONS.glob("*.py"))
    assert versions
    for path in versions:
        assert _imported(path) <= {"__future__", "alembic", "sqlalchemy", "typing", "collections"}, path.name
