from tests.helpers import say, text_of


def test_help_answers_an_empty_command(bot) -> None:
    reply = say(bot, "")
    assert reply.ok
    assert "möten" in text_of(reply).lower()
