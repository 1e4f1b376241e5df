"""Helplines by country, read from an edition's data file, each number with the evidence behind it.

An edition names its file in its config (``extra.helplines: helplines/en.yml``, relative to the
config; this repository's editions name the package's sourced lists in ``finding_balance/helplines/lists/``);
the format is in ``finding_balance/helplines/lists/FORMAT.md``. A number shown to a reader at risk must be
one someone confirmed against a page that states it, recently: an entry without ``source`` or
``checked``, or checked more than twelve months before the build, stops the build with one message
naming the file, the line and the entry.

The result is plain data (text only, dates as ``YYYY-MM-DD``) that every engine's templates can read,
with the ``tel:``, ``sms:`` and WhatsApp addresses already made.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import quote

import yaml

from finding_balance.messages import one_line, shown

#: What a line is for, in the order a country's lines are best read; the help page labels each.
KINDS = ("emergency", "abuse", "crisis", "men", "lgbtq", "young", "behaviour")
#: Every key a line may have, in the order the help page shows them.
LINE_KEYS = (
    "name",
    "kind",
    "area",
    "phone",
    "text",
    "whatsapp",
    "web",
    "hours",
    "cost",
    "serves",
    "languages",
    "note",
    "source",
    "checked",
)
REQUIRED_KEYS = ("name", "kind", "serves", "source", "checked")
#: Keys made from the data: the addresses that call, text or open WhatsApp, and a text service's parts.
DERIVED_KEYS = ("tel", "sms", "whatsapp_url", "text_number", "text_keyword")
#: At least one of these, or a reader has no way to reach the service.
CONTACT_KEYS = ("phone", "text", "whatsapp", "web")
COUNTRY_KEYS = ("code", "name", "lines")
TEXT_KEYS = ("number", "keyword")

_PHONE = re.compile(r"^[+*]?[0-9][0-9 ()./-]*$")
_COUNTRY_CODE = re.compile(r"^[a-z]{2}$")
_KEYWORD = re.compile(r"^[A-Za-z0-9ÁÉÍÓÚÑáéíóúñ]+$")


class HelplineError(Exception):
    """A helpline entry that cannot be shown; the message names the file and the line."""


def stale_before(today: date) -> date:
    """The oldest ``checked`` date still fresh on ``today``: the same day twelve months earlier."""
    try:
        return today.replace(year=today.year - 1)
    except ValueError:  # 29 February
        return today.replace(year=today.year - 1, day=28)


class _Reader:
    """Walks the YAML nodes of one data file, so that every problem can name its line."""

    def __init__(self, display: str, today: date) -> None:
        self.display = display
        self.today = today
        self.constructor = yaml.constructor.SafeConstructor()

    def fail(self, node: yaml.Node, problem: str) -> HelplineError:
        return HelplineError(f"{self.display}:{node.start_mark.line + 1}: {one_line(problem)}")

    def mapping(self, node: yaml.Node, keys: tuple[str, ...], what: str) -> dict[str, yaml.Node]:
        if not isinstance(node, yaml.MappingNode):
            raise self.fail(node, f"{what} must be a mapping of keys ({', '.join(keys)})")
        found: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            key = self.constructor.construct_object(key_node)
            if key not in keys:
                raise self.fail(key_node, f"{what}: {shown(key)} is not a known key; use only {', '.join(keys)}")
            if key in found:
                raise self.fail(key_node, f"{what}: the key '{key}' is written twice; keep one")
            found[key] = value_node
        return found

    def text(self, node: yaml.Node, what: str) -> str:
        value = self.constructor.construct_object(node)
        if isinstance(value, int | float) and not isinstance(value, bool):
            raise self.fail(node, f"{what} must be text, but it is a number; put it in quotes")
        if not isinstance(value, str):
            raise self.fail(node, f"{what} must be text, not {shown(value)}")
        if not value.strip():
            raise self.fail(node, f"{what} is empty; write it or leave the key out")
        return " ".join(value.split())

    def read(self, text: str) -> list[dict[str, Any]]:
        try:
            root = yaml.compose(text, Loader=yaml.SafeLoader)
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            line = f":{mark.line + 1}" if mark else ""
            problem = getattr(error, "problem", None) or "it is not valid YAML"
            raise HelplineError(f"{self.display}{line}: {one_line(str(problem))}") from None
        if root is None:
            raise HelplineError(f"{self.display}:1: the file is empty; it needs 'countries:' with at least one country")
        top = self.mapping(root, ("countries",), "the file")
        if "countries" not in top or not isinstance(top["countries"], yaml.SequenceNode):
            raise self.fail(root, "the file needs 'countries:', a list of countries")
        countries: list[dict[str, Any]] = []
        seen: dict[str, int] = {}
        for node in top["countries"].value:
            country = self.country(node)
            if country["code"] in seen:
                raise self.fail(
                    node, f"the country '{country['code']}' is listed twice (first at line {seen[country['code']]})"
                )
            seen[country["code"]] = node.start_mark.line + 1
            countries.append(country)
        return countries

    def country(self, node: yaml.Node) -> dict[str, Any]:
        fields = self.mapping(node, COUNTRY_KEYS, "a country")
        for key in COUNTRY_KEYS:
            if key not in fields:
                raise self.fail(node, f"a country needs '{key}'")
        code = self.text(fields["code"], "code")
        if not _COUNTRY_CODE.match(code):
            problem = f"code {shown(code)} must be a two-letter country code in lowercase, like 'ie'"
            raise self.fail(fields["code"], problem)
        name = self.text(fields["name"], "name")
        lines_node = fields["lines"]
        if not isinstance(lines_node, yaml.SequenceNode) or not lines_node.value:
            raise self.fail(lines_node, f"{name}: 'lines' must be a list with at least one helpline")
        lines = [self.line(line_node, name) for line_node in lines_node.value]
        return {"code": code, "name": name, "anchor": f"helplines-{code}", "lines": lines}

    def line(self, node: yaml.Node, country: str) -> dict[str, str]:
        fields = self.mapping(node, LINE_KEYS, f"a helpline of {country}")
        name = self.text(fields["name"], "name") if "name" in fields else None
        entry = f"'{name}' ({country})" if name else f"a helpline of {country}"
        for key in REQUIRED_KEYS:
            if key not in fields:
                remedy = {
                    "source": "add the address of a page that states the number (the service's own or a government "
                    "page), or leave the entry out",
                    "checked": "confirm the number against its source, then add checked: with today's date "
                    "(YYYY-MM-DD)",
                }.get(key, f"add {key}:")
                raise self.fail(node, f"{entry} has no '{key}'; {remedy}")
        if not any(key in fields for key in CONTACT_KEYS):
            raise self.fail(node, f"{entry} needs at least one way to reach it: {', '.join(CONTACT_KEYS)}")
        # Every key present (empty when not given), so that every engine's templates can test any.
        line: dict[str, str] = dict.fromkeys((*LINE_KEYS, *DERIVED_KEYS), "")
        del line["text"]
        for key in LINE_KEYS:
            if key not in fields:
                continue
            value_node = fields[key]
            if key == "text":
                line.update(self.text_service(value_node, entry))
            elif key == "checked":
                line["checked"] = self.checked(value_node, entry, self.text(fields["source"], "source"))
            else:
                line[key] = self.text(value_node, f"{entry}: {key}")
        if line["kind"] not in KINDS:
            raise self.fail(fields["kind"], f"{entry}: kind {shown(line['kind'])} is not one of {', '.join(KINDS)}")
        for key in ("phone", "whatsapp"):
            if line[key] and not _PHONE.match(line[key]):
                raise self.fail(
                    fields[key], f"{entry}: {key} {shown(line[key])} may hold only digits, spaces, + * ( ) - . /"
                )
        if line["phone"]:
            line["tel"] = "tel:" + re.sub(r"[^0-9+*]", "", line["phone"])
        if line["whatsapp"]:
            line["whatsapp_url"] = "https://wa.me/" + re.sub(r"[^0-9]", "", line["whatsapp"])
        for key in ("web", "source"):
            if line[key] and (not line[key].startswith(("https://", "http://")) or " " in line[key]):
                raise self.fail(fields[key], f"{entry}: {key} {shown(line[key])} must be a full address (https://...)")
        return line

    def text_service(self, node: yaml.Node, entry: str) -> dict[str, str]:
        fields = self.mapping(node, TEXT_KEYS, f"{entry}: text")
        if "number" not in fields:
            raise self.fail(node, f"{entry}: text needs the number to send the message to")
        number = self.text(fields["number"], f"{entry}: text number")
        if not _PHONE.match(number):
            problem = f"{entry}: the text number {shown(number)} may hold only digits and spaces"
            raise self.fail(fields["number"], problem)
        service = {"text_number": number, "sms": "sms:" + re.sub(r"[^0-9+]", "", number)}
        if "keyword" in fields:
            keyword = self.text(fields["keyword"], f"{entry}: text keyword")
            if not _KEYWORD.match(keyword):
                raise self.fail(fields["keyword"], f"{entry}: the keyword {shown(keyword)} must be one word")
            service["text_keyword"] = keyword
            service["sms"] += "?body=" + quote(keyword)
        return service

    def checked(self, node: yaml.Node, entry: str, source: str) -> str:
        value = self.constructor.construct_object(node)
        if not isinstance(value, date):
            raise self.fail(node, f"{entry}: checked {shown(value)} must be a date written YYYY-MM-DD")
        if value > self.today:
            raise self.fail(node, f"{entry}: checked {value.isoformat()} is in the future")
        if value < stale_before(self.today):
            raise self.fail(
                node,
                f"{entry}: checked {value.isoformat()} is more than 12 months ago; open its source again "
                f"({source}), confirm the number and what the entry says, then set checked to today's date",
            )
        return value.isoformat()


def parse_helplines(text: str, display: str, today: date) -> list[dict[str, Any]]:
    """The countries of a helplines data file (``text``), checked as of ``today``; raises
    ``HelplineError`` naming ``display`` (the file as the author knows it) and the line."""
    return _Reader(display, today).read(text)


def load_helplines(raw: Any, base: Path | None, today: date | None = None) -> list[dict[str, Any]]:
    """``extra.helplines``: the path of the edition's data file, relative to its config (``base``).

    Left out or blank means no helplines: the help page then points to a directory.
    """
    if raw is None:
        return []
    if not isinstance(raw, str) or not raw.strip():
        raise HelplineError(
            f"mkdocs.yml: extra.helplines must be the path of a helplines data file, such as helplines/en.yml, "
            f"not {shown(raw)}; its format is in the package: finding_balance/helplines/lists/FORMAT.md"
        )
    path = Path(raw.strip())
    full = path if path.is_absolute() or base is None else base / path
    try:
        text = full.read_text(encoding="utf-8")
    except OSError:
        raise HelplineError(f"mkdocs.yml: extra.helplines names {shown(raw)}, which cannot be read") from None
    return parse_helplines(text, path.as_posix(), today or date.today())


def countries_of_kind(countries: list[Mapping[str, Any]], kind: str) -> list[dict[str, Any]]:
    """Each country that has lines of ``kind``, with only those lines (for a section of the help page)."""
    found = []
    for country in countries:
        lines = [line for line in country["lines"] if line["kind"] == kind]
        if lines:
            found.append({**country, "lines": lines})
    return found
