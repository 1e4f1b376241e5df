"""Does each helpline's source still state its number? For the owners of a site, who have internet.

``python -m finding_balance helplines verify`` (``finding_balance.helplines.commands``) fetches each
entry's ``source`` with a timeout and a user agent that says what it is, and reports each entry:

- ``confirmed``: the page states every number of the entry (phone, text number, WhatsApp);
- ``number not found``: the page loads but no longer states one of them;
- ``page gone``: the server says the page is not there (404, 410);
- ``unreachable``: no answer (offline, a timeout, a name that does not resolve, a server error).

A number is found in a page's text or links whatever its spacing (``116 123``, ``116123``,
``116-123``), in its national form (``0808 2000 247``) or its international one (``+44 808 2000 247``,
``0044 808...``). The functions here are pure but ``fetch_page``, the one that goes to the network.
"""

from __future__ import annotations

import http.client
import re
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser
from typing import Any, NamedTuple

USER_AGENT = (
    "FindingBalance-helplines-verify/1.0 (a site owner checking that a helpline's page still states its number)"
)
#: Seconds to wait for a page.
TIMEOUT = 20.0
#: The most of a page that is read.
MAX_BYTES = 5_000_000
CONFIRMED, NOT_FOUND, GONE, UNREACHABLE = "confirmed", "number not found", "page gone", "unreachable"
STATUSES = (CONFIRMED, NOT_FOUND, GONE, UNREACHABLE)
#: Exit codes: every entry confirmed, some problem, nothing could be reached (offline?).
EXIT_OK, EXIT_PROBLEM, EXIT_OFFLINE = 0, 1, 3
#: Country calling codes of the countries the package's lists cover (others are compared in national form).
CALLING_CODES = {
    "gb": "44",
    "ie": "353",
    "us": "1",
    "ca": "1",
    "au": "61",
    "nz": "64",
    "es": "34",
    "mx": "52",
    "ar": "54",
    "co": "57",
    "cl": "56",
    "pe": "51",
    "eg": "20",
    "ma": "212",
    "dz": "213",
    "tn": "216",
    "jo": "962",
    "lb": "961",
    "sa": "966",
    "ae": "971",
    "iq": "964",
    "ps": "970",
    "qa": "974",
    "kw": "965",
}
#: Characters that may sit between the digit groups of one written number.
_RUN = re.compile(r"\d+(?:[ \u00a0\u202f.\-()]{1,3}\d+)*")


class Fetched(NamedTuple):
    """What fetching a page gave: its HTTP status (``None`` when no answer came), the address it
    ended at, its text, and why it failed."""

    status: int | None
    url: str
    text: str
    error: str = ""


class Outcome(NamedTuple):
    """One entry's result."""

    country: str
    name: str
    numbers: tuple[str, ...]
    source: str
    status: str
    detail: str

    def as_dict(self) -> dict[str, Any]:
        return {**self._asdict(), "numbers": list(self.numbers)}


def number_forms(number: str, calling_code: str | None) -> set[str]:
    """Every digit string ``number`` may be written as: as given, and nationally and internationally
    when the country's calling code is known (``0808 2000 247`` -> ``08082000247``, ``448082000247``,
    ``00448082000247``)."""
    digits = re.sub(r"[^0-9]", "", number)
    forms = {digits}
    if not calling_code:
        return forms
    if number.strip().startswith("+") or (number.strip().startswith("00") and digits[2:].startswith(calling_code)):
        international = digits.removeprefix("00")
        national = international.removeprefix(calling_code)
        forms |= {international, "00" + international, national, "0" + national}
    elif len(digits) > 6:
        national = digits.removeprefix("0")
        if calling_code == "1":
            national = national.removeprefix("1")
            forms.add("1" + national)
        forms |= {calling_code + national, "00" + calling_code + national, national}
    return forms


class _Text(HTMLParser):
    """A page's visible text and the addresses of its links (``tel:``, ``sms:``, WhatsApp)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        for key, value in attrs:
            if key == "href" and value and value.startswith(("tel:", "sms:", "https://wa.me/")):
                self.parts.append(" " + value.split(":", 1)[1].split("?")[0].removeprefix("//wa.me/") + " ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def page_numbers(html: str) -> set[str]:
    """Every digit string a page writes as one number, or as part of one at a break between its
    groups (``call 0800 1111 24 hours`` gives ``08001111`` among others)."""
    reader = _Text()
    reader.feed(html)
    reader.close()
    text = " ".join(reader.parts)
    found: set[str] = set()
    for run in _RUN.finditer(text):
        groups = re.findall(r"\d+", run[0])
        for start in range(len(groups)):
            for end in range(start + 1, min(len(groups), start + 8) + 1):
                found.add("".join(groups[start:end]))
        plus = text[max(0, run.start() - 1) : run.start()] == "+"
        if plus:
            found.add("".join(groups))
    return found


def entry_numbers(line: Mapping[str, Any]) -> tuple[str, ...]:
    """The numbers an entry shows: its phone, text number and WhatsApp."""
    return tuple(number for number in (line["phone"], line["text_number"], line["whatsapp"]) if number)


def judge(country: Mapping[str, Any], line: Mapping[str, Any], fetched: Fetched) -> Outcome:
    """The outcome of one entry, given what fetching its source gave."""
    numbers = entry_numbers(line)

    def outcome(status: str, detail: str) -> Outcome:
        return Outcome(country["name"], line["name"], numbers, line["source"], status, detail)

    if fetched.status is None:
        return outcome(UNREACHABLE, fetched.error or "no answer")
    if fetched.status in (404, 410):
        return outcome(GONE, f"HTTP {fetched.status}: find the page's new address or another source")
    if fetched.status >= 400:
        return outcome(UNREACHABLE, f"HTTP {fetched.status}")
    moved = f"; it moved to {fetched.url}" if fetched.url and fetched.url != line["source"] else ""
    stated = page_numbers(fetched.text)
    calling_code = CALLING_CODES.get(country["code"])
    missing = [number for number in numbers if not number_forms(number, calling_code) & stated]
    if missing:
        return outcome(NOT_FOUND, f"the page no longer states {', '.join(missing)}{moved}")
    return outcome(CONFIRMED, f"the page states {', '.join(numbers)}{moved}" if numbers else f"the page loads{moved}")


def fetch_page(url: str, timeout: float = TIMEOUT) -> Fetched:
    """Fetch ``url`` (following redirects) with our user agent; never raises."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html,*/*;q=0.5"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read(MAX_BYTES)
            charset = response.headers.get_content_charset() or "utf-8"
            return Fetched(response.status, response.geturl(), body.decode(charset, errors="replace"))
    except urllib.error.HTTPError as error:
        return Fetched(error.code, error.geturl() or url, "", f"HTTP {error.code}")
    except urllib.error.URLError as error:
        reason = error.reason
        return Fetched(None, url, "", "timed out" if isinstance(reason, TimeoutError) else str(reason))
    except TimeoutError:
        return Fetched(None, url, "", "timed out")
    except (OSError, ValueError, LookupError, http.client.HTTPException) as error:
        return Fetched(None, url, "", str(error) or type(error).__name__)


def verify(
    countries: Iterable[Mapping[str, Any]],
    fetch: Callable[[str], Fetched] = fetch_page,
    workers: int = 8,
) -> list[Outcome]:
    """Each entry's outcome, in the file's order; each source is fetched once."""
    entries = [(country, line) for country in countries for line in country["lines"]]
    sources = list(dict.fromkeys(line["source"] for _, line in entries))
    with ThreadPoolExecutor(max_workers=max(1, min(workers, len(sources) or 1))) as pool:
        pages = dict(zip(sources, pool.map(fetch, sources), strict=True))
    return [judge(country, line, pages[line["source"]]) for country, line in entries]


def exit_code(outcomes: list[Outcome]) -> int:
    """0 when every entry is confirmed, 3 when nothing could be reached, else 1."""
    if outcomes and all(outcome.status == UNREACHABLE for outcome in outcomes):
        return EXIT_OFFLINE
    return EXIT_OK if all(outcome.status == CONFIRMED for outcome in outcomes) else EXIT_PROBLEM
