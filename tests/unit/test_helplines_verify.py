"""``python -m finding_balance helplines verify`` and ``report``: the number's forms, the page's numbers,
and the commands run against a local HTTP server with fixture pages (one that states the number, one
that lost it, one that moved, one gone, one too slow, one failing). Nothing here reaches the internet:
the offline run points every request at a closed local port."""

from __future__ import annotations

import io
import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from threading import Thread

import pytest
from support.sitebuild import PROJECT_ROOT, QuietServer

from finding_balance.helplines.commands import report_command, verify_command
from finding_balance.helplines.data import parse_helplines
from finding_balance.helplines.report import days_until_stale, format_table, report_rows
from finding_balance.helplines.verify import (
    CONFIRMED,
    GONE,
    NOT_FOUND,
    UNREACHABLE,
    USER_AGENT,
    number_forms,
    page_numbers,
)

PAGES = {
    "/spaced": "<p>Call us free on <b>0808&nbsp;2000&nbsp;247</b>, day and night.</p>",
    "/international": "<p>From abroad: +44 808 2000 247 (24 hours)</p>",
    "/linked": '<a href="tel:116123">Call us</a><script>var x = "0808 2000 247";</script>',
    "/lost": "<p>Our helpline has closed. Call 0808 999 0000 instead.</p>",
    "/slow": "<p>0808 2000 247</p>",
}
#: What the server saw: each request's path and user agent.
SEEN: list[tuple[str, str]] = []


class FixtureHandler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        SEEN.append((self.path, self.headers.get("User-Agent", "")))
        if self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/spaced")
            self.end_headers()
            return
        if self.path == "/broken":
            self.send_error(500)
            return
        if self.path not in PAGES:
            self.send_error(404)
            return
        if self.path == "/slow":
            time.sleep(2)
        body = PAGES[self.path].encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = QuietServer(("127.0.0.1", 0), FixtureHandler)  # the slow page's reader gives up: no traceback
    httpd.daemon_threads = True
    Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)


def data_file(folder: Path, base: str, paths: list[str]) -> Path:
    """A data file of one country (gb) with a line for each of ``paths`` on the server at ``base``."""
    lines = "".join(
        f"""      - name: Line {path}
        kinds: [abuse]
        phone: "{"116 123" if path == "/linked" else "0808 2000 247"}"
        hours: Day and night
        serves: Anyone.
        source: {base}{path}
        source_kind: public
        checked: {date.today().isoformat()}
"""
        for path in paths
    )
    path = folder / "helplines.yml"
    path.write_text(
        f"public_hosts:\n  - 127.0.0.1\ncountries:\n  - code: gb\n    name: United Kingdom\n    lines:\n{lines}"
    )
    return path


def test_a_number_in_its_national_and_international_forms() -> None:
    assert number_forms("0808 2000 247", "44") >= {"08082000247", "448082000247", "00448082000247"}
    assert number_forms("+34 600 000 016", "34") >= {"34600000016", "600000016", "0034600000016"}
    assert number_forms("1 800 799 7233", "1") >= {"18007997233", "8007997233"}
    assert number_forms("016", "34") == {"016"}
    assert number_forms("116 123", None) == {"116123"}


def test_the_numbers_a_page_states() -> None:
    stated = page_numbers("<p>Call 0808 2000 247 24 hours a day, or text 85258.</p>")
    assert {"08082000247", "85258"} <= stated
    assert "0808200024724" in stated  # the run as a whole is there too
    assert "116123" in page_numbers('<a href="tel:116-123">Call</a>')
    assert "08082000247" not in page_numbers("<script>'0808 2000 247'</script><style>x{}</style>")


def test_verify_reports_each_entry(server: str, tmp_path: Path) -> None:
    paths = ["/spaced", "/international", "/linked", "/moved", "/lost", "/gone", "/slow", "/broken"]
    data = data_file(tmp_path, server, paths)
    out, err = io.StringIO(), io.StringIO()
    code = verify_command([], data=data, timeout=0.5, out=out, err=err)
    lines = out.getvalue().splitlines()
    statuses = {path: line.split("  ")[0].strip() for path, line in zip(paths, lines, strict=False)}
    assert statuses == {
        "/spaced": CONFIRMED,
        "/international": CONFIRMED,
        "/linked": CONFIRMED,
        "/moved": CONFIRMED,
        "/lost": NOT_FOUND,
        "/gone": GONE,
        "/slow": UNREACHABLE,
        "/broken": UNREACHABLE,
    }
    assert f"it moved to {server}/spaced" in lines[3]
    assert "the page no longer states 0808 2000 247" in lines[4]
    assert "timed out" in lines[6]
    assert lines[len(paths)] == "8 entries: 4 confirmed, 1 number not found, 1 page gone, 2 unreachable."
    assert code == 1 and err.getvalue() == ""
    assert all(agent == USER_AGENT for _, agent in SEEN)


def test_verify_as_json_for_a_scheduled_job(server: str, tmp_path: Path) -> None:
    data = data_file(tmp_path, server, ["/spaced"])
    out = io.StringIO()
    assert verify_command([], data=data, as_json=True, out=out) == 0
    report = json.loads(out.getvalue())
    assert report["exit_code"] == 0
    (result,) = report["results"]
    assert (result["status"], result["numbers"], result["country"]) == (CONFIRMED, ["0808 2000 247"], "United Kingdom")


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_offline_every_entry_gets_one_line_and_a_distinct_exit_code(tmp_path: Path) -> None:
    """The real data, every request sent to a proxy that is not there: one line an entry, no traceback."""
    port = closed_port()
    env = {**os.environ, "https_proxy": f"http://127.0.0.1:{port}", "http_proxy": f"http://127.0.0.1:{port}"}
    env.pop("no_proxy", None)
    env.pop("NO_PROXY", None)
    result = subprocess.run(
        [sys.executable, "-m", "finding_balance", "helplines", "verify", "--timeout", "5"],
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        env=env,
        timeout=300,
    )
    assert result.returncode == 3, result.stdout + result.stderr
    assert "Traceback" not in result.stderr and result.stderr == ""
    lines = result.stdout.splitlines()
    entries = [line for line in lines if line.startswith(UNREACHABLE)]
    summary = next(line for line in lines if line.endswith("unreachable."))
    assert summary == f"{len(entries)} entries: {len(entries)} unreachable."
    assert lines[-1] == "No source could be reached: is this machine offline?"


VALID = """\
countries:
  - code: ie
    name: Ireland
    lines:
      - name: Example Line
        kinds: [crisis]
        phone: "116 123"
        hours: Day and night
        serves: Anyone.
        source: https://news.example.net/line
        source_kind: report
        source_date: 2026-01-15
        checked: 2026-06-01
"""


def test_report_rows_and_days_until_stale() -> None:
    today = date(2026, 12, 6)
    assert days_until_stale("2026-06-01", today) == 177
    assert days_until_stale("2025-12-06", today) == 0
    countries = parse_helplines(VALID, "fixture.yml", today)
    rows = report_rows(countries, today)
    assert rows == [
        ("Ireland", "Example Line", "116 123", "report news.example.net (2026-01-15)", "2026-06-01", "177"),
    ]
    table = format_table("fixture.yml", rows).splitlines()
    assert table[0] == "fixture.yml"
    assert table[2].split() == ["country", "line", "number", "source", "checked", "days", "until", "stale"]
    assert table[3].endswith(" 177")


def test_report_has_one_table_per_edition() -> None:
    out = io.StringIO()
    configs = [PROJECT_ROOT / "mkdocs.yml", PROJECT_ROOT / "mkdocs.es.yml"]
    assert report_command(configs, out=out) == 0
    text = out.getvalue()
    assert "finding_balance/helplines/lists/en.yml (en edition)" in text
    assert "finding_balance/helplines/lists/es.yml (es edition)" in text
