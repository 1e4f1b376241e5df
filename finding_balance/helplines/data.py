"""Helplines by country, read from an edition's data file, each number with the evidence behind it.

An edition names its file in its config (``extra.helplines: helplines/en.yml``, relative to the
config; this repository's editions name the package's sourced lists in ``finding_balance/helplines/lists/``);
the format is in ``finding_balance/helplines/lists/FORMAT.md``. A number shown to a reader at risk must
rest on a page that states it, recently: the service's own (``source_kind: service``), a public body's
(``public``, its host on the file's ``public_hosts``), or, only where neither exists, a dated news
report (``report``, at most 24 months before ``checked``). Encyclopedias, blogs and directories are
never evidence. Every entry says its hours (or that they are not confirmed), its ages when it is for
young people, and when it was checked; an entry that breaks a rule, or was checked more than twelve
months before the build, stops the build with one message naming the file, the line and the entry.

The result is plain data (text, dates as ``YYYY-MM-DD``, ``kinds`` a list of text) that every
engine's templates can read, with the ``tel:``, ``sms:`` and WhatsApp addresses already made. Called
by the settings check (``finding_balance.settings``) under every engine, and by the ``helplines``
commands (``finding_balance.helplines.verify``, ``finding_balance.helplines.report``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from finding_balance.messages import one_line, shown

#: What a line is for, in the order a country's lines are best read; the help page has a section for each.
KINDS = ("emergency", "abuse", "crisis", "men", "lgbtq", "young", "behaviour")
#: Every key a line may have, in the order the help page shows them.
LINE_KEYS = (
    "name",
    "kinds",
    "area",
    "ages",
    "phone",
    "text",
    "whatsapp",
    "web",
    "hours",
    "hours_confirmed",
    "cost",
    "serves",
    "languages",
    "dialling",
    "note",
    "source",
    "source_kind",
    "source_date",
    "checked",
)
REQUIRED_KEYS = ("name", "kinds", "serves", "source", "source_kind", "checked")
#: Keys made from the data: the addresses that call, text or open WhatsApp, a text service's parts,
#: a short code to dial in words (``*4141``), the ages' bounds, the hosts, and whether the hours are known.
DERIVED_KEYS = (
    "tel",
    "dial",
    "sms",
    "whatsapp_url",
    "text_number",
    "text_keyword",
    "ages_from",
    "ages_to",
    "source_host",
    "hours_unconfirmed",
)
#: At least one of these, or a reader has no way to reach the service.
CONTACT_KEYS = ("phone", "text", "whatsapp", "web")
COUNTRY_KEYS = ("code", "name", "lines")
FILE_KEYS = ("public_hosts", "countries")
TEXT_KEYS = ("number", "keyword")
AGE_KEYS = ("from", "to")
SOURCE_KINDS = ("service", "public", "report")
#: How old a news report may be when the entry is checked against it.
REPORT_MONTHS = 24
#: Hosts whose pages are never evidence for a number: encyclopedias, blog and personal-site hosts,
#: and helpline directories (a page on the host or on any subdomain of it).
NOT_EVIDENCE = (
    "wikipedia.org",
    "wikidata.org",
    "wikimedia.org",
    "wikiwand.com",
    "fandom.com",
    "britannica.com",
    "blogspot.com",
    "wordpress.com",
    "medium.com",
    "substack.com",
    "tumblr.com",
    "wixsite.com",
    "weebly.com",
    "sites.google.com",
    "findahelpline.com",
    "befrienders.org",
    "childhelplineinternational.org",
    "hotpeachpages.net",
)

_PHONE = re.compile(r"^[+*#]?[0-9][0-9 ()./*#-]*$")
_COUNTRY_CODE = re.compile(r"^[a-z]{2}$")
_KEYWORD = re.compile(r"^[A-Za-z0-9ÁÉÍÓÚÑáéíóúñ]+$")
_HOST_LABEL = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")


class HelplineError(Exception):
    """A helpline entry that cannot be shown; the message names the file and the line."""


def months_before(day: date, months: int) -> date:
    """The same day ``months`` months before ``day`` (the month's last day when it is shorter)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    for candidate in (day.day, 30, 29, 28):
        try:
            return date(year, month + 1, candidate)
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover - every month has a 28th


def stale_before(today: date) -> date:
    """The oldest ``checked`` date still fresh on ``today``: the same day twelve months earlier."""
    return months_before(today, 12)


def host_of(address: str) -> str | None:
    """The host of an ``https://`` or ``http://`` address, or ``None`` when it does not parse: no
    host, a trailing dot, capitals, an empty label or characters a host cannot hold."""
    if not address.startswith(("https://", "http://")) or " " in address:
        return None
    try:
        parts = urlsplit(address)
        parts.port  # noqa: B018 - raises ValueError on a port that is not a number
    except ValueError:
        return None
    # After any user name and password, before any port; an IPv6 address ([::1]) leaves "[", refused below.
    host = parts.netloc.rpartition("@")[2].partition(":")[0]
    if not host or not all(_HOST_LABEL.match(label) for label in host.split(".")):
        return None
    return host


def is_under(host: str, parent: str) -> bool:
    """``host`` is ``parent`` or one of its subdomains."""
    return host == parent or host.endswith("." + parent)


def not_evidence(host: str) -> str | None:
    """The deny-listed host ``host`` falls under, if any."""
    return next((denied for denied in NOT_EVIDENCE if is_under(host, denied)), None)


def service_host(web: str) -> str:
    """The host a service's own pages live under: its website's host without a leading ``www.``."""
    host = host_of(web) or ""
    return host.removeprefix("www.")


class _Reader:
    """Walks the YAML nodes of one data file, so that every problem can name its line."""

    def __init__(self, display: str, today: date, stale_ok: bool = False) -> None:
        self.display = display
        self.today = today
        self.stale_ok = stale_ok
        self.public_hosts: tuple[str, ...] = ()
        self.constructor = yaml.constructor.SafeConstructor()

    def fail(self, node: yaml.Node, problem: str) -> HelplineError:
        return HelplineError(f"{self.display}:{node.start_mark.line + 1}: {one_line(problem)}")

    def mapping(
        self, node: yaml.Node, keys: tuple[str, ...], what: str, renamed: Mapping[str, str] | None = None
    ) -> dict[str, yaml.Node]:
        if not isinstance(node, yaml.MappingNode):
            raise self.fail(node, f"{what} must be a mapping of keys ({', '.join(keys)})")
        found: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            key = self.construct(key_node)
            if renamed and isinstance(key, str) and key in renamed:
                raise self.fail(key_node, f"{what}: '{key}' is no longer read; {renamed[key]}")
            if key not in keys:
                raise self.fail(key_node, f"{what}: {shown(key)} is not a known key; use only {', '.join(keys)}")
            if key in found:
                raise self.fail(key_node, f"{what}: the key '{key}' is written twice; keep one")
            found[key] = value_node
        return found

    def construct(self, node: yaml.Node) -> Any:
        """The value YAML makes of ``node``; a tag that does not fit it (``!!int x``, ``!foo x``) or a
        merge key (``<<``) is a problem at its line: PyYAML's constructors raise all kinds of errors there."""
        try:
            return self.constructor.construct_object(node)
        except Exception:
            if node.tag == "tag:yaml.org,2002:merge":
                raise self.fail(node, "a merge key (<<) is not read in a helplines file; write each key out") from None
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            value = shown(node.value) if isinstance(node, yaml.ScalarNode) else "this value"
            raise self.fail(node, f"{value} cannot be read as {tag}; write it without the tag") from None

    def value(self, node: yaml.Node) -> Any:
        if not isinstance(node, yaml.ScalarNode):
            return [] if isinstance(node, yaml.SequenceNode) else {}
        return self.construct(node)

    def text(self, node: yaml.Node, what: str) -> str:
        value = self.value(node)
        if isinstance(value, int | float) and not isinstance(value, bool):
            raise self.fail(node, f"{what} must be text, but it is a number; put it in quotes")
        if not isinstance(value, str):
            raise self.fail(node, f"{what} must be text, not {shown(value)}")
        if not value.strip():
            raise self.fail(node, f"{what} is empty; write it or leave the key out")
        return " ".join(value.split())

    def day(self, node: yaml.Node, what: str) -> date:
        value = self.value(node)
        if not isinstance(value, date):
            raise self.fail(node, f"{what} {shown(value)} must be a date written YYYY-MM-DD")
        if isinstance(value, datetime):
            raise self.fail(node, f"{what} {shown(node.value)} has a time of day; write the date alone, YYYY-MM-DD")
        if value > self.today:
            raise self.fail(node, f"{what} {value.isoformat()} is in the future")
        return value

    def read(self, text: str) -> list[dict[str, Any]]:
        try:
            root = yaml.compose(text, Loader=yaml.SafeLoader)
        except yaml.reader.ReaderError as error:  # a character YAML refuses; its position counts characters
            line = text.count("\n", 0, error.position) + 1
            problem = f"the character {shown(chr(error.character))} cannot be in a YAML file; delete it"
            raise HelplineError(f"{self.display}:{line}: {problem}") from None
        except yaml.MarkedYAMLError as error:  # the scanner's, parser's and composer's: always with a mark
            line = error.problem_mark.line + 1
            raise HelplineError(f"{self.display}:{line}: {one_line(str(error.problem))}") from None
        except RecursionError:
            raise HelplineError(f"{self.display}:1: lists or mappings nest too deeply to be read") from None
        if root is None:
            raise HelplineError(f"{self.display}:1: the file is empty; it needs 'countries:' with at least one country")
        top = self.mapping(root, FILE_KEYS, "the file")
        if "public_hosts" in top:
            self.public_hosts = self.hosts(top["public_hosts"])
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

    def hosts(self, node: yaml.Node) -> tuple[str, ...]:
        """``public_hosts``: a list of bare hosts (``gov.uk``), none of them deny-listed."""
        if not isinstance(node, yaml.SequenceNode):
            raise self.fail(node, "public_hosts must be a list of hosts, one a line: - gov.uk")
        found: list[str] = []
        for item in node.value:
            host = self.text(item, "a public host")
            if host_of(f"https://{host}/") != host:
                raise self.fail(
                    item,
                    f"public host {shown(host)} must be a bare host in lowercase, like gov.uk (no https://, "
                    "no path, no trailing dot)",
                )
            if not_evidence(host):
                raise self.fail(
                    item, f"public host {shown(host)} is an encyclopedia, blog or directory, never evidence"
                )
            if host in found:
                raise self.fail(item, f"public host '{host}' is listed twice; keep one")
            found.append(host)
        return tuple(found)

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
        return {
            "code": code,
            "name": name,
            "anchor": f"helplines-{code}",
            "lines": lines,
            "file": self.display,
            "line": node.start_mark.line + 1,
        }

    def line(self, node: yaml.Node, country: str) -> dict[str, Any]:
        renamed = {"kind": "write kinds: with a list, such as kinds: [abuse, men]"}
        fields = self.mapping(node, LINE_KEYS, f"a helpline of {country}", renamed)
        name = self.text(fields["name"], "name") if "name" in fields else None
        entry = f"'{name}' ({country})" if name else f"a helpline of {country}"
        for key in REQUIRED_KEYS:
            if key not in fields:
                remedy = {
                    "source": "add the address of a page that states the number (the service's own or a public "
                    "body's), or leave the entry out",
                    "source_kind": "say what the source is: service (the service's own site), public (a host listed "
                    "in public_hosts) or report (a dated news report, only where neither exists)",
                    "checked": "confirm the number against its source, then add checked: with today's date "
                    "(YYYY-MM-DD)",
                    "kinds": "add kinds: with a list of what the line is for, such as kinds: [crisis]",
                }.get(key, f"add {key}:")
                raise self.fail(node, f"{entry} has no '{key}'; {remedy}")
        if not any(key in fields for key in CONTACT_KEYS):
            raise self.fail(node, f"{entry} needs at least one way to reach it: {', '.join(CONTACT_KEYS)}")
        # Every key present (empty when not given), so that every engine's templates can test any.
        line: dict[str, Any] = dict.fromkeys((*LINE_KEYS, *DERIVED_KEYS), "")
        for key in ("text", "ages", "hours_confirmed"):
            del line[key]
        for key in LINE_KEYS:
            if key not in fields:
                continue
            value_node = fields[key]
            if key == "text":
                line.update(self.text_service(value_node, entry))
            elif key == "kinds":
                line["kinds"] = self.kinds(value_node, entry)
            elif key == "ages":
                line["ages_from"], line["ages_to"] = self.ages(value_node, entry)
            elif key == "hours_confirmed":
                if self.value(value_node) is not False:
                    raise self.fail(
                        value_node,
                        f"{entry}: hours_confirmed may only be false; when a source states the hours, "
                        "write them in hours: instead",
                    )
                line["hours_unconfirmed"] = "yes"
            elif key in ("checked", "source_date"):
                line[key] = self.day(value_node, f"{entry}: {key}").isoformat()
            else:
                line[key] = self.text(value_node, f"{entry}: {key}")
        self.reach(line, fields, node, entry)
        self.evidence(line, fields, entry)
        return line

    def kinds(self, node: yaml.Node, entry: str) -> list[str]:
        if not isinstance(node, yaml.SequenceNode) or not node.value:
            raise self.fail(node, f"{entry}: kinds must be a list with at least one kind, such as kinds: [crisis]")
        found: list[str] = []
        for item in node.value:
            kind = self.value(item)
            if kind not in KINDS:
                raise self.fail(item, f"{entry}: kind {shown(kind)} is not one of {', '.join(KINDS)}")
            if kind in found:
                raise self.fail(item, f"{entry}: the kind '{kind}' is listed twice; keep one")
            found.append(kind)
        return found

    def ages(self, node: yaml.Node, entry: str) -> tuple[str, str]:
        fields = self.mapping(node, AGE_KEYS, f"{entry}: ages")
        if not fields:
            raise self.fail(node, f"{entry}: ages needs from:, to: or both, as the source states them")
        bounds: dict[str, int] = {}
        for key, value_node in fields.items():
            value = self.value(value_node)
            if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 120:
                raise self.fail(value_node, f"{entry}: ages {key} {shown(value)} must be a whole number of years")
            bounds[key] = value
        if "from" in bounds and "to" in bounds and bounds["from"] > bounds["to"]:
            raise self.fail(node, f"{entry}: ages from {bounds['from']} is above ages to {bounds['to']}")
        return str(bounds.get("from", "")), str(bounds.get("to", ""))

    def reach(self, line: dict[str, Any], fields: Mapping[str, yaml.Node], node: yaml.Node, entry: str) -> None:
        """The ways to reach the line, its hours and its ages: checked, with the addresses made."""
        for key in ("phone", "whatsapp"):
            if line[key] and not _PHONE.match(line[key]):
                raise self.fail(
                    fields[key], f"{entry}: {key} {shown(line[key])} may hold only digits, spaces, + * # ( ) - . /"
                )
        if re.search(r"[*#]", line["whatsapp"]):
            raise self.fail(fields["whatsapp"], f"{entry}: a WhatsApp number cannot hold * or #")
        if re.search(r"[*#]", line["phone"]):
            # A phone does not dial a tel: link holding * or #: the page writes the code in words.
            line["dial"] = re.sub(r"[^0-9*#+]", "", line["phone"])
        elif line["phone"]:
            line["tel"] = "tel:" + re.sub(r"[^0-9+]", "", line["phone"])
        if line["whatsapp"]:
            line["whatsapp_url"] = "https://wa.me/" + re.sub(r"[^0-9]", "", line["whatsapp"])
        if "young" in line["kinds"] and not (line["ages_from"] or line["ages_to"]):
            raise self.fail(
                fields["kinds"],
                f"{entry} is for young people but has no 'ages'; add ages: {{from: 11, to: 19}} as "
                "its source states them (either bound may be left out)",
            )
        if "hours" in fields and "hours_confirmed" in fields:
            raise self.fail(fields["hours_confirmed"], f"{entry}: give hours or hours_confirmed: false, not both")
        if "emergency" not in line["kinds"] and not (line["hours"] or line["hours_unconfirmed"]):
            raise self.fail(
                node,
                f"{entry} has no 'hours'; write the hours its source states, or hours_confirmed: false (the "
                "page then says they are not confirmed and the line may be closed at night)",
            )

    def evidence(self, line: dict[str, Any], fields: Mapping[str, yaml.Node], entry: str) -> None:
        """The entry's source: an address that parses, not deny-listed, of the kind it claims, and for
        a report, recent enough; then ``checked``, within twelve months of the build."""
        if line["web"] and host_of(line["web"]) is None:
            raise self.fail(
                fields["web"],
                f"{entry}: web {shown(line['web'])} is not an address that works; write it in full, "
                "https://host/..., with no trailing dot after the host",
            )
        source_host = host_of(line["source"])
        if source_host is None:
            raise self.fail(
                fields["source"],
                f"{entry}: source {shown(line['source'])} must be a full address (https://...) "
                "with no trailing dot after the host",
            )
        line["source_host"] = source_host
        denied = not_evidence(source_host)
        if denied:
            raise self.fail(
                fields["source"],
                f"{entry}: source {source_host} is an encyclopedia, blog, personal site or "
                "directory, which is never evidence; find the service's own page or a public body's that states "
                "the number, or leave the entry out",
            )
        kind = line["source_kind"]
        if kind not in SOURCE_KINDS:
            raise self.fail(
                fields["source_kind"], f"{entry}: source_kind {shown(kind)} is not one of service, public, report"
            )
        own = service_host(line["web"]) if line["web"] else ""
        public = next((host for host in self.public_hosts if is_under(source_host, host)), None)
        if kind == "service" and not (own and is_under(source_host, own)):
            remedy = (
                f"its host must be {own} (the entry's web) or under it"
                if own
                else "add web: with the service's own site, whose host the source must be on"
            )
            raise self.fail(
                fields["source_kind"],
                f"{entry}: source_kind is service, but the source is on {source_host}; {remedy}, "
                "or say what the source is: public or report",
            )
        if kind == "public" and not public:
            raise self.fail(
                fields["source_kind"],
                f"{entry}: source_kind is public, but {source_host} is not in public_hosts; "
                "add its host to public_hosts at the top of the file if it is a government, municipality, health "
                "service, police or regulator, else say what the source is",
            )
        if kind == "report":
            if public or (own and is_under(source_host, own)):
                raise self.fail(
                    fields["source_kind"],
                    f"{entry}: the source on {source_host} is "
                    f"{'a public body' if public else 'the service'}'s own page, not a report; write source_kind: "
                    f"{'public' if public else 'service'}",
                )
            if not line["source_date"]:
                raise self.fail(
                    fields["source_kind"],
                    f"{entry}: a report needs source_date: the date the report was "
                    "published (YYYY-MM-DD); an undated page is not evidence",
                )
        elif line["source_date"]:
            raise self.fail(fields["source_date"], f"{entry}: source_date is only for reports; leave it out")
        checked = date.fromisoformat(line["checked"])
        if kind == "report":
            published = date.fromisoformat(line["source_date"])
            if published > checked:
                raise self.fail(fields["source_date"], f"{entry}: source_date {published} is after checked {checked}")
            if published < months_before(checked, REPORT_MONTHS):
                raise self.fail(
                    fields["source_date"],
                    f"{entry}: the report of {published} is more than {REPORT_MONTHS} months "
                    f"older than checked ({checked}); an old report says only that the number once existed: find "
                    "the service's own page, a public body's or a recent report, or leave the entry out",
                )
        if not self.stale_ok and checked < stale_before(self.today):
            raise self.fail(
                fields["checked"],
                f"{entry}: checked {checked.isoformat()} is more than 12 months ago; open its source again "
                f"({line['source']}), confirm the number and what the entry says, then set checked to today's date",
            )

    def text_service(self, node: yaml.Node, entry: str) -> dict[str, str]:
        fields = self.mapping(node, TEXT_KEYS, f"{entry}: text")
        if "number" not in fields:
            raise self.fail(node, f"{entry}: text needs the number to send the message to")
        number = self.text(fields["number"], f"{entry}: text number")
        if not _PHONE.match(number) or re.search(r"[*#]", number):
            problem = f"{entry}: the text number {shown(number)} may hold only digits and spaces"
            raise self.fail(fields["number"], problem)
        # No ?body=: not every phone fills it in; the page writes the keyword beside the link instead.
        service = {"text_number": number, "sms": "sms:" + re.sub(r"[^0-9+]", "", number)}
        if "keyword" in fields:
            keyword = self.text(fields["keyword"], f"{entry}: text keyword")
            if not _KEYWORD.match(keyword):
                raise self.fail(fields["keyword"], f"{entry}: the keyword {shown(keyword)} must be one word")
            service["text_keyword"] = keyword
        return service


def parse_helplines(text: str, display: str, today: date, *, stale_ok: bool = False) -> list[dict[str, Any]]:
    """The countries of a helplines data file (``text``), checked as of ``today``; raises
    ``HelplineError`` naming ``display`` (the file as the author knows it) and the line.
    ``stale_ok``: keep entries checked more than twelve months ago (for the yearly review's report)."""
    return _Reader(display, today, stale_ok).read(text)


def read_helplines_file(raw: Any, base: Path | None) -> tuple[str, str]:
    """``extra.helplines`` read: the file's text and its path as the author wrote it."""
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
    return text, path.as_posix()


def load_helplines(
    raw: Any, base: Path | None, today: date | None = None, *, stale_ok: bool = False
) -> list[dict[str, Any]]:
    """``extra.helplines``: the path of the edition's data file, relative to its config (``base``).

    Left out or blank means no helplines: the help page then points to a directory.
    """
    if raw is None:
        return []
    text, display = read_helplines_file(raw, base)
    return parse_helplines(text, display, today or date.today(), stale_ok=stale_ok)


def countries_of_kind(countries: list[Mapping[str, Any]], kind: str) -> list[dict[str, Any]]:
    """Every country with only its lines of ``kind`` (for a section of the help page): an empty
    ``lines`` where it has none, which the page fills with the section's fallback sentence."""
    return [{**country, "lines": [line for line in country["lines"] if kind in line["kinds"]]} for country in countries]


def section_gaps(countries: list[Mapping[str, Any]]) -> list[tuple[Mapping[str, Any], list[str]]]:
    """Each country with the kinds it has no line of, for which the page shows a fallback sentence."""
    gaps = []
    for country in countries:
        present = {kind for line in country["lines"] for kind in line["kinds"]}
        missing = [kind for kind in KINDS if kind not in present]
        if missing:
            gaps.append((country, missing))
    return gaps


def gap_notes(countries: list[Mapping[str, Any]]) -> list[str]:
    """One note a country, ``file:line: Country (code): no line for men, young; ...``: where the
    help page filled a section with its fallback sentence, so that an author sees a line is missing."""
    return [
        f"{country['file']}:{country['line']}: {country['name']} ({country['code']}): no line for "
        f"{', '.join(missing)}; the help page shows that section's fallback sentence instead"
        for country, missing in section_gaps(countries)
    ]
