"""The helplines' yearly review: one table per edition of every entry and how long it stays fresh.

``python -m finding_balance helplines report`` (``finding_balance.helplines.commands``) prints, for each
edition, each entry's country, name, number, what its source is (``service``, ``public``, ``report``)
and on which host, the date it was checked, and the days left before the build refuses it (twelve
months after ``checked``; negative once it is stale). Pure functions: rows, then plain-text columns.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from finding_balance.helplines.data import stale_before

COLUMNS = ("country", "line", "number", "source", "checked", "days until stale")


def days_until_stale(checked: str, today: date) -> int:
    """Days from ``today`` until an entry checked on ``checked`` is more than twelve months old."""
    return (date.fromisoformat(checked) - stale_before(today)).days


def report_rows(countries: Iterable[Mapping[str, Any]], today: date) -> list[tuple[str, ...]]:
    """One row an entry, in the file's order."""
    rows = []
    for country in countries:
        for line in country["lines"]:
            number = line["phone"] or line["text_number"] or line["whatsapp"] or line["web"]
            source = f"{line['source_kind']} {line['source_host']}"
            if line["source_kind"] == "report":
                source += f" ({line['source_date']})"
            rows.append(
                (
                    country["name"],
                    line["name"],
                    number,
                    source,
                    line["checked"],
                    str(days_until_stale(line["checked"], today)),
                )
            )
    return rows


def format_table(title: str, rows: list[tuple[str, ...]]) -> str:
    """``rows`` under ``COLUMNS`` in aligned columns, the last one right-aligned, under ``title``."""
    table = [COLUMNS, *rows]
    widths = [max(len(row[index]) for row in table) for index in range(len(COLUMNS))]
    lines = [title, ""]
    for row in table:
        cells = [cell.ljust(width) for cell, width in zip(row[:-1], widths, strict=False)]
        lines.append("  ".join([*cells, row[-1].rjust(widths[-1])]).rstrip())
    return "\n".join(lines) + "\n"
