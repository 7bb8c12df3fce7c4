"""Correcting the register in the console, as a process: stdin in, replies out, in Swedish and
English; LARGE_AMOUNT from the environment."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.test_console import cli

SCRIPT = {
    "sv": (
        'organ ny "Ledningsgruppen"\n'
        'möte ny "Ledningsgruppen" 2027-02-05 09:00 --plats "Digitalt"\n'
        'möte ändra 2 --plats "Tyresö slott"\n'
        "historik 2\n"
        "möte ta-bort 2 dubblett\n"
        "ångra\n"
        'fond ny "Kassa" --ingående 100\n'
        'fond kostnad "Kassa" 2 000 "Konsult"\n'
        'fond kostnad "Kassa" 2 000 "Konsult" --ja\n'
        "fond återför 5\n"
    ),
    "en": (
        'body add "Ledningsgruppen"\n'
        'meeting add "Ledningsgruppen" 2027-02-05 09:00 --where "Digitalt"\n'
        'meeting edit 2 --where "Tyresö slott"\n'
        "history 2\n"
        "meeting remove 2 duplicate\n"
        "undo\n"
        'fund add "Kassa" --opening 100\n'
        'fund cost "Kassa" 2 000 "Konsult"\n'
        'fund cost "Kassa" 2 000 "Konsult" --yes\n'
        "fund reverse 5\n"
    ),
}
EXPECTED = {
    "sv": [
        "Organ #1 Ledningsgruppen (grupp) är tillagt",
        "Möte #2 ändrat: plats Digitalt → Tyresö slott",
        "Historik för möte #2 (2)",
        "Möte #2 är borttaget",
        "Möte #2 är återställt",
        "2 000 kr är mer än 1 000 kr",
        "Kostnad #5 bokförd",
        "Post #5 (−2 000 kr, Konsult) är återförd med post #6",
    ],
    "en": [
        "Body #1 Ledningsgruppen (group) added",
        "Meeting #2 changed: place Digitalt → Tyresö slott",
        "History of meeting #2 (2)",
        "Meeting #2 is removed",
        "Meeting #2 is restored",
        "2,000 kr is more than 1,000 kr",
        "Cost #5 booked",
        "Entry #5 (−2,000 kr, Konsult) is reversed by entry #6",
    ],
}


@pytest.mark.parametrize("locale", ["sv", "en"])
def test_correcting_in_the_console(database_url: str, tmp_path: Path, locale: str) -> None:
    done = cli(["shell"], database_url, tmp_path, SCRIPT[locale], BOT_LOCALE=locale, LARGE_AMOUNT="1000")
    out = done.stdout.replace("\u00a0", " ")
    assert done.returncode == 1, done.stderr  # the unconfirmed large amount is refused
    for said in EXPECTED[locale]:
        assert said in out, (said, out)
