from __future__ import annotations

import pytest

from tests.unit.rules_support import Office, office


@pytest.fixture
def desk() -> Office:
    """A committee on an empty in-memory register."""
    return office()
