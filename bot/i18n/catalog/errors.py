"""Errors of the command line itself (parsing, permissions, anything unexpected); errors of one kind of record are with its texts. See the package docstring for the conventions."""

from __future__ import annotations

CATALOG: dict[str, dict[str, str]] = {
    "error.usage": {"sv": "Så här skriver du det: `{usage}`", "en": "Write it like this: `{usage}`"},
    "error.you_wrote": {"sv": "Du skrev: `{typed}`", "en": "You wrote: `{typed}`"},
    "error.nothing_saved": {"sv": "Inget har ändrats.", "en": "Nothing was changed."},
    "error.unexpected": {
        "sv": "Något gick fel (ref {ref}). Inget av det du skrev har gått förlorat; försök igen eller kontakta en administratör.",
        "en": "Something went wrong (ref {ref}). Nothing you typed was lost; try again or ask an admin.",
    },
    "error.unbalanced_quotes": {
        "sv": 'Ett citattecken saknar sin motpart. Sätt text med mellanslag inom "raka citattecken".',
        "en": 'A quote mark is missing its pair. Put text with spaces inside "double quotes".',
    },
    "error.date": {
        "sv": 'Jag förstod inte datumet "{value}". Skriv ÅÅÅÅ-MM-DD, t.ex. 2021-09-30.',
        "en": 'I couldn\'t read the date "{value}". Write YYYY-MM-DD, e.g. 2021-09-30.',
    },
    "error.date_impossible": {
        "sv": 'Datumet "{value}" finns inte i almanackan.',
        "en": 'The date "{value}" is not in the calendar.',
    },
    "error.date_range": {
        "sv": 'Datumet "{value}" ligger utanför åren 1900–2200.',
        "en": 'The date "{value}" is outside the years 1900–2200.',
    },
    "error.time": {
        "sv": 'Jag förstod inte tiden "{value}". Skriv TT:MM, t.ex. 13:00.',
        "en": 'I couldn\'t read the time "{value}". Write HH:MM, e.g. 13:00.',
    },
    "error.user": {
        "sv": '"{value}" är inte en person. Nämn personen med @, t.ex. @anna.',
        "en": '"{value}" is not a person. Mention them with @, e.g. @anna.',
    },
    "error.channel": {
        "sv": '"{value}" är inte en kanal. Nämn kanalen med #, t.ex. #remisser.',
        "en": '"{value}" is not a channel. Mention it with #, e.g. #consultations.',
    },
    "error.number": {
        "sv": '"{value}" är inte ett nummer. Skriv postens nummer, t.ex. 12 eller #12.',
        "en": '"{value}" is not a number. Give the record\'s number, e.g. 12 or #12.',
    },
    "error.year": {
        "sv": '"{value}" är inte ett år. Skriv fyra siffror, t.ex. 2021.',
        "en": '"{value}" is not a year. Write four digits, e.g. 2021.',
    },
    "error.empty_text": {"sv": "Texten är tom.", "en": "The text is empty."},
    "error.text_too_long": {
        "sv": "Texten är {length} tecken; högst {limit} får plats.",
        "en": "The text is {length} characters; at most {limit} fit.",
    },
    "error.unknown_command": {
        "sv": 'Jag känner inte till kommandot "{word}".',
        "en": 'I don\'t know the command "{word}".',
    },
    "error.unknown_verb": {
        "sv": '"{word}" är inget kommando för {group}.',
        "en": '"{word}" is not a {group} command.',
    },
    "error.did_you_mean": {"sv": "Menade du `{suggestion}`?", "en": "Did you mean `{suggestion}`?"},
    "error.see_help": {
        "sv": "Skriv `{cmd}help` för att se alla kommandon.",
        "en": "Type `{cmd}help` to see every command.",
    },
    "error.see_group_help": {
        "sv": "Skriv `{cmd}help {group}` för att se kommandona.",
        "en": "Type `{cmd}help {group}` to see its commands.",
    },
    "error.unknown_option": {
        "sv": "Kommandot har inget val {option}.",
        "en": "The command has no option {option}.",
    },
    "error.option_needs_value": {
        "sv": "Valet {option} behöver ett värde efter sig.",
        "en": "The option {option} needs a value after it.",
    },
    "error.option_twice": {
        "sv": "Valet {option} står två gånger.",
        "en": "The option {option} is given twice.",
    },
    "error.extra_words": {
        "sv": 'Jag vet inte vad jag ska göra med "{words}". Sätt text med mellanslag inom citattecken.',
        "en": 'I don\'t know what to do with "{words}". Put text with spaces inside quotes.',
    },
    "error.missing_option": {"sv": "Valet {option} saknas.", "en": "The option {option} is missing."},
    "error.missing_value": {"sv": "Det saknas `<{placeholder}>`.", "en": "`<{placeholder}>` is missing."},
    "error.choice": {
        "sv": '"{value}" går inte här; välj en av {choices}.',
        "en": '"{value}" doesn\'t fit here; choose one of {choices}.',
    },
    "error.not_allowed": {
        "sv": "Bara administratörer och sekreterare får ändra i registret.",
        "en": "Only admins and secretaries may change the register.",
    },
    "error.admin_only": {"sv": "Bara administratörer får göra det.", "en": "Only admins may do that."},
    "error.ask_admin": {
        "sv": "Be en administratör ({admins}) skriva `{cmd}role grant {user} secretary`.",
        "en": "Ask an admin ({admins}) to run `{cmd}role grant {user} secretary`.",
    },
    "error.no_admins": {
        "sv": "Ingen administratör är utsedd ännu. Den som driftar boten sätter ADMIN_USERS till Slack-id:n (t.ex. ADMIN_USERS=U0123ABCD) och startar om.",
        "en": "No admin is set up yet. Whoever runs the bot sets ADMIN_USERS to Slack user ids (e.g. ADMIN_USERS=U0123ABCD) and restarts it.",
    },
    "error.no_such_record": {
        "sv": "Det finns {none_word} med nummer #{number}.",
        "en": "There is {none_word} numbered #{number}.",
    },
    "error.record_is_other": {
        "sv": "#{number} är {actual_word}: prova `{cmd}{command}`.",
        "en": "#{number} is {actual_word}: try `{cmd}{command}`.",
    },
    "error.unknown_topic": {
        "sv": 'Det finns ingen hjälp om "{word}".',
        "en": 'There is no help about "{word}".',
    },
    "error.range_backwards": {
        "sv": "Intervallet slutar ({end}) före det börjar ({start}).",
        "en": "The range ends ({end}) before it starts ({start}).",
    },
}
