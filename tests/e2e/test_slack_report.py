"""`/committee report 2021` through the real bolt app, signed: the answer says the report is on its
way, and the PDF arrives in the asker's DM through the fake Web API's upload flow
(files.getUploadURLExternal, a POST of the bytes to its upload_url, files.completeUploadExternal)."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest
from pypdf import PdfReader

from bot.bootstrap import Bot, bootstrap
from bot.core.clock import FixedClock
from tests.e2e.test_slack_commands import AFTER_THE_YEAR, lines_of_the_year, wait_for
from tests.e2e.test_slack_kit import ADMIN, SlackDriver, slack_settings, text_of_blocks
from tests.fakes.slack_api import FakeSlack


@pytest.fixture
def slack(database_url: str, fake: FakeSlack) -> Iterator[SlackDriver]:
    bot: Bot = bootstrap(slack_settings(database_url, fake), clock=FixedClock(AFTER_THE_YEAR))
    driver = SlackDriver.start(bot, fake)
    for line in lines_of_the_year():
        driver.reply(line)
    yield driver
    bot.close()


def test_the_report_comes_as_a_pdf_in_the_askers_dm(slack: SlackDriver, fake: FakeSlack) -> None:
    fake.clear()
    answer = slack.reply("verksamhetsberättelse 2021", user="U0READER")  # anyone may read
    said = text_of_blocks(answer["blocks"])
    assert answer["response_type"] == "ephemeral"
    assert "Verksamhetsberättelsen för 2021" in said and "direktmeddelande" in said
    wait_for(lambda: bool(fake.files), seconds=30)
    (shared,) = fake.files
    assert shared.channel == "D0READER"  # the DM conversations.open gave
    assert shared.filename == "verksamhetsberattelse-2021.pdf"
    assert shared.title == "Verksamhetsberättelse 2021"
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(shared.content)).pages)
    text = " ".join(text.replace("\u00a0", " ").split())
    assert "1 332 544" in text and "Kollektivtrafikplan 2050" in text
    methods = [c.method for c in fake.calls]
    assert methods == ["conversations.open", "files.getUploadURLExternal", "files.completeUploadExternal"]
    assert fake.calls[0].args["users"] == "U0READER"
    assert fake.problems == []


def test_a_failed_upload_is_told_in_the_dm(slack: SlackDriver, fake: FakeSlack) -> None:
    fake.clear()
    fake.fail("files.getUploadURLExternal", "error")
    slack.reply("report 2021", user=ADMIN)
    wait_for(lambda: bool(fake.posted()), seconds=30)
    (told,) = fake.posted()
    assert told.channel == "D" + ADMIN.lstrip("U")
    assert "kunde inte skickas som fil" in told.text and "files:write" in told.text
    assert fake.files == []
