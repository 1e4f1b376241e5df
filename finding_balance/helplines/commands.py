"""The ``helplines`` commands of ``python -m finding_balance``: ``verify`` and ``report``.

Thin adapters: they read each edition's data file (``extra.helplines`` of its config, entries past
twelve months kept, so that a stale list can still be reviewed), hand the entries to
``finding_balance.helplines.verify`` or ``finding_balance.helplines.report``, and print the result.
``verify`` prints one line an entry (or JSON with ``--json``) and returns its exit code: 0 when every
entry is confirmed, 1 on any problem, 3 when no source could be reached (offline).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple, TextIO

from finding_balance.editions import ConfigError, read_edition
from finding_balance.helplines.data import HelplineError, load_helplines
from finding_balance.helplines.report import format_table, report_rows
from finding_balance.helplines.verify import TIMEOUT, Fetched, exit_code, fetch_page, verify


class EditionHelplines(NamedTuple):
    language: str
    file: str
    countries: list[dict[str, Any]]


def edition_helplines(configs: Iterable[Path], language: str | None = None) -> list[EditionHelplines]:
    """Each edition's helplines (``language``: that edition's alone); raises ``HelplineError`` or
    ``ConfigError`` on a data file or config that cannot be read."""
    found = []
    for config in configs:
        edition = read_edition(config)
        if language and edition.language != language:
            continue
        raw = edition.extra.get("helplines")
        countries = load_helplines(raw, config.parent, stale_ok=True)
        found.append(EditionHelplines(edition.language, str(raw or ""), countries))
    return found


def data_file_helplines(path: Path) -> list[EditionHelplines]:
    """A data file given on the command line, as one edition."""
    return [EditionHelplines("", path.as_posix(), load_helplines(str(path), None, stale_ok=True))]


def _editions(
    configs: Iterable[Path], language: str | None, data: Path | None, err: TextIO
) -> list[EditionHelplines] | None:
    try:
        editions = data_file_helplines(data) if data else edition_helplines(configs, language)
    except (HelplineError, ConfigError) as error:
        print(f"ERROR   -  {error}", file=err)
        return None
    if not editions:
        print(f"ERROR   -  no edition in the language {language!r}", file=err)
        return None
    return editions


def verify_command(
    configs: Iterable[Path],
    *,
    language: str | None = None,
    data: Path | None = None,
    as_json: bool = False,
    timeout: float = TIMEOUT,
    fetch: Callable[[str, float], Fetched] = fetch_page,
    out: TextIO = sys.stdout,
    err: TextIO = sys.stderr,
) -> int:
    editions = _editions(configs, language, data, err)
    if editions is None:
        return 2
    results = []
    outcomes = []
    for edition in editions:
        for outcome in verify(edition.countries, lambda url: fetch(url, timeout)):
            outcomes.append(outcome)
            results.append({"edition": edition.language, "file": edition.file, **outcome.as_dict()})
    code = exit_code(outcomes)
    if as_json:
        json.dump({"exit_code": code, "results": results}, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return code
    for result in results:
        numbers = ", ".join(result["numbers"]) or "-"
        print(
            f"{result['status']:<18}{result['file']}: {result['name']} ({result['country']}), {numbers}: "
            f"{result['detail']} [{result['source']}]",
            file=out,
        )
    counts = {
        status: sum(result["status"] == status for result in results)
        for status in dict.fromkeys(result["status"] for result in results)
    }
    summary = ", ".join(f"{count} {status}" for status, count in counts.items()) or "no entries"
    print(f"{len(results)} entries: {summary}.", file=out)
    if code == 3:
        print("No source could be reached: is this machine offline?", file=out)
    return code


def report_command(
    configs: Iterable[Path],
    *,
    language: str | None = None,
    data: Path | None = None,
    today: date | None = None,
    out: TextIO = sys.stdout,
    err: TextIO = sys.stderr,
) -> int:
    editions = _editions(configs, language, data, err)
    if editions is None:
        return 2
    for index, edition in enumerate(editions):
        title = f"{edition.file} ({edition.language} edition)" if edition.language else edition.file
        if index:
            out.write("\n")
        out.write(format_table(title, report_rows(edition.countries, today or date.today())))
    return 0
