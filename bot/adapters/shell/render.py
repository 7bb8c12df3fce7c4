"""Messages as plain text for a terminal: no markup (people as @name, channels as #name), tables
aligned, buttons shown as the commands they stand for."""

from __future__ import annotations

from bot.frontend import button_command
from bot.views.inline import plain
from bot.views.message import Actions, Button, Context, Divider, Fields, Heading, Item, Message, Table, Text


def _button(b: Button) -> str:
    command = button_command(b.action, b.value) or b.action
    return f"[{b.label}: {command}]"


def _table(table: Table) -> list[str]:
    rows = [list(table.header)] if table.header else []
    rows += [list(r) for r in table.rows]
    if table.footer:
        rows.append(list(table.footer))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = []
    for index, row in enumerate(rows):
        cells = []
        for i, cell in enumerate(row):
            cells.append(cell.rjust(widths[i]) if table.align[i] == "r" else cell.ljust(widths[i]))
        if table.footer and index == len(rows) - 1:
            lines.append("-" * (sum(widths) + 2 * (len(widths) - 1)))
        lines.append("  ".join(cells).rstrip())
        if table.header and index == 0:
            lines.append("-" * (sum(widths) + 2 * (len(widths) - 1)))
    return lines


def render(message: Message) -> str:
    lines: list[str] = []
    for block in message.blocks:
        match block:
            case Heading(text=heading):
                lines.append(heading)
            case Text(text=text) | Context(text=text):
                lines.append(plain(text))
            case Fields(pairs=pairs):
                width = max(len(label) for label, _ in pairs)
                lines.extend(f"{label.ljust(width)}  {plain(value)}" for label, value in pairs)
            case Table():
                lines.extend(_table(block))
            case Item(text=text, buttons=buttons):
                line = plain(text)
                if buttons:
                    line += "  " + " ".join(_button(b) for b in buttons)
                lines.append(line)
            case Actions(buttons=buttons):
                lines.append(" ".join(_button(b) for b in buttons))
            case Divider():
                lines.append("")
    return "\n".join(lines)
