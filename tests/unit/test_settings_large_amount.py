"""`LARGE_AMOUNT`: kronor in the environment, öre in the settings; a bad value is named."""

from __future__ import annotations

import pytest

from bot.config import Settings, SettingsError


def test_large_amount_defaults_to_ten_million_kronor() -> None:
    assert Settings.load({}, dotenv=None).large_amount == 10_000_000_00


def test_large_amount_is_read_in_kronor() -> None:
    assert Settings.load({"LARGE_AMOUNT": "2 500 000"}, dotenv=None).large_amount == 2_500_000_00


@pytest.mark.parametrize("bad", ["ten", "-5", "0", "1,5"])
def test_a_bad_large_amount_is_named(bad: str) -> None:
    with pytest.raises(SettingsError) as refused:
        Settings.load({"LARGE_AMOUNT": bad}, dotenv=None)
    assert "LARGE_AMOUNT" in str(refused.value)
