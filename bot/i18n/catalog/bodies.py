"""Texts of bodies (committees, groups, networks) and roles. See the package docstring for the conventions."""

from __future__ import annotations

CATALOG: dict[str, dict[str, str]] = {
    "kind.committee": {"sv": "kommitté", "en": "committee"},
    "kind.group": {"sv": "grupp", "en": "group"},
    "kind.network": {"sv": "nätverk", "en": "network"},
    "role.admin": {"sv": "administratör", "en": "admin"},
    "role.secretary": {"sv": "sekreterare", "en": "secretary"},
    "error.body_not_found": {
        "sv": 'Jag hittar inget organ som heter "{name}". Organ: {known}.',
        "en": 'I can\'t find a body called "{name}". Bodies: {known}.',
    },
    "error.body_not_found_none": {
        "sv": 'Det finns inga organ ännu. Lägg till ett med `{cmd}body add "<namn>"`.',
        "en": 'There are no bodies yet. Add one with `{cmd}body add "<name>"`.',
    },
    "error.body_ambiguous": {
        "sv": '"{name}" passar flera organ: {matches}. Skriv mer av namnet.',
        "en": '"{name}" fits several bodies: {matches}. Type more of the name.',
    },
    "error.body_exists": {
        "sv": 'Det finns redan ett organ som heter "{name}".',
        "en": 'There is already a body called "{name}".',
    },
    "error.role_from_settings": {
        "sv": "{user} är administratör genom inställningen ADMIN_USERS; ändra den för att ta bort rollen.",
        "en": "{user} is an admin through the ADMIN_USERS setting; change it to remove the role.",
    },
    "error.last_admin": {
        "sv": "Du är den enda administratören här och kan inte ta bort din egen roll. "
        "Ge någon annan rollen först: `{cmd}roll ge @namn administratör`.",
        "en": "You are the only admin here and cannot remove your own role. "
        "Give someone else the role first: `{cmd}role grant @name admin`.",
    },
    "error.no_role": {
        "sv": "{user} har ingen roll att ta bort.",
        "en": "{user} has no role to remove.",
    },
    "body.saved": {
        "sv": "✅ Organ #{number} *{name}* ({kind}) är tillagt.",
        "en": "✅ Body #{number} *{name}* ({kind}) added.",
    },
    "body.channel": {"sv": "Påminnelser går till {channel}.", "en": "Reminders go to {channel}."},
    "body.list.title": {"sv": "*Organ ({n})*", "en": "*Bodies ({n})*"},
    "body.list.empty": {
        "sv": 'Inga organ ännu. Lägg till ett med `{cmd}body add "<namn>"`.',
        "en": 'No bodies yet. Add one with `{cmd}body add "<name>"`.',
    },
    "role.granted": {"sv": "✅ {user} är nu {role}.", "en": "✅ {user} is now {role}."},
    "role.revoked": {
        "sv": "✅ {user} har inte längre någon roll.",
        "en": "✅ {user} no longer has a role.",
    },
    "role.list.title": {"sv": "*Roller ({n})*", "en": "*Roles ({n})*"},
    "role.list.empty": {
        "sv": "Ingen har en roll ännu. Administratörer sätts med ADMIN_USERS.",
        "en": "Nobody holds a role yet. Admins are set with ADMIN_USERS.",
    },
    "role.from_settings": {"sv": "(genom ADMIN_USERS)", "en": "(through ADMIN_USERS)"},
}
