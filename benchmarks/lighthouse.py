"""Lighthouse scores (mobile) of the home page, a quiz page and every edition's help page of the real site. Optional.

Builds every edition of the real site (``python -m finding_balance build``, MkDocs) for a local
address, serves it on 127.0.0.1 (gzip-compressed, as a web host would serve it), and runs npm
``lighthouse`` (through ``npx``, version ``LIGHTHOUSE``, which still runs on Node 20) with Debian's
Chromium (``CHROME_PATH``, default ``/usr/bin/chromium``) on each page ``--runs`` times (default 3).
Lighthouse's default is a mobile device with simulated throttling. It prints the median of the four
category scores per page, and the audits that kept a category below 100 in any run.

Targets: performance at least 98 (100 on the help pages, issue 27), accessibility, best practices
and SEO 100.

Needs ``npx`` and the npm registry the first time (``npx --yes`` installs Lighthouse into npm's
cache). Not part of ``make test`` or ``make bench``. Run: ``.venv/bin/python benchmarks/lighthouse.py``.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from page_weight import build_site

PROJECT_ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = "lighthouse@12.8.2"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}
#: The help pages' own target: a reader at risk should not wait for them more than for any page.
HELP_TARGETS = {**TARGETS, "performance": 100}
#: The help page of each edition, by the folder its edition is built into.
HELP_PAGES = {"help page": "help/", "help page (es)": "es/help/", "help page (ar)": "ar/help/"}
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)
_COMPRESSIBLE = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt")


class _GzipHandler(SimpleHTTPRequestHandler):
    """Serves files, gzip-compressing text when the client accepts it; logs nothing."""

    def send_head(self) -> Any:
        target = Path(self.translate_path(self.path))
        if target.is_dir() and self.path.split("?")[0].endswith("/"):
            target = target / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and target.is_file() and target.suffix in _COMPRESSIBLE):
            return super().send_head()
        body = gzip.compress(target.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(target)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(directory: Path, server: ThreadingHTTPServer) -> Iterator[str]:
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        yield f"http://{host}:{port}/"
    finally:
        server.shutdown()
        server.server_close()


def first_quiz_page(site_dir: Path) -> str:
    """The site-relative URL of the first topic page (in sorted order) that has a quiz; the help page,
    measured on its own, has one too."""
    editions = {path.split("/")[0] for path in HELP_PAGES.values() if path.count("/") > 1}
    for page in sorted(site_dir.glob("*/index.html")):
        if page.parent.name not in {"help", *editions} and 'class="fb-quiz ' in page.read_text(encoding="utf-8"):
            return page.parent.relative_to(site_dir).as_posix() + "/"
    raise SystemExit("no page of the built site has a quiz")


def run_lighthouse(url: str, chrome: str) -> dict[str, Any]:
    """One Lighthouse run; returns its JSON report."""
    npx = shutil.which("npx")
    if npx is None:
        raise SystemExit("npx not found: install Node.js and npm to run Lighthouse")
    with tempfile.TemporaryDirectory(prefix="fb-lh-") as profile:
        result = subprocess.run(
            [
                npx,
                "--yes",
                LIGHTHOUSE,
                url,
                "--output=json",
                "--output-path=stdout",
                "--quiet",
                f"--only-categories={','.join(CATEGORIES)}",
                f"--chrome-flags={CHROME_FLAGS} --user-data-dir={profile}",
            ],
            capture_output=True,
            text=True,
            env={**os.environ, "CHROME_PATH": chrome},
            timeout=300,
        )
    if result.returncode != 0 or not result.stdout.strip().startswith("{"):
        raise SystemExit(f"lighthouse failed on {url}:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout)


def scores(report: dict[str, Any]) -> dict[str, int]:
    return {name: round(100 * (report["categories"][name]["score"] or 0)) for name in CATEGORIES}


def shortfalls(report: dict[str, Any]) -> list[str]:
    """The audits (with weight) that kept a category below 100."""
    found: list[str] = []
    for name in CATEGORIES:
        category = report["categories"][name]
        for ref in category["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
                value = f" ({audit['displayValue']})" if audit.get("displayValue") else ""
                found.append(f"{name}: {ref['id']} {audit['score']:.2f}{value}")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page (default 3)")
    parser.add_argument("--chrome", default=os.environ.get("CHROME_PATH", "/usr/bin/chromium"))
    args = parser.parse_args(argv)
    if not Path(args.chrome).exists():
        raise SystemExit(f"no Chromium at {args.chrome}: install Debian's chromium or pass --chrome")
    with tempfile.TemporaryDirectory(prefix="fb-lh-site-") as temp:
        site_dir = Path(temp) / "site"
        server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_GzipHandler, directory=str(site_dir)))
        host, port = server.server_address[:2]
        base = f"http://{host}:{port}/"
        build_site(site_dir, base, every_edition=True)
        pages = {"home": "", "quiz page": first_quiz_page(site_dir), **HELP_PAGES}
        print(
            f"Lighthouse {LIGHTHOUSE.split('@')[1]} (mobile, simulated throttling), {args.runs} run(s) a page, "
            f"median scores ({time.strftime('%Y-%m-%d %H:%M')})"
        )
        print(f"  {'page':<32} " + " ".join(f"{name:>14}" for name in CATEGORIES))
        missed = False
        with serve(site_dir, server) as url:
            for label, path in pages.items():
                reports = [run_lighthouse(url + path, args.chrome) for _ in range(args.runs)]
                runs = [scores(report) for report in reports]
                median = {name: round(statistics.median(run[name] for run in runs)) for name in CATEGORIES}
                targets = HELP_TARGETS if path in HELP_PAGES.values() else TARGETS
                missed |= any(median[name] < targets[name] for name in CATEGORIES)
                print(f"  {label + ' /' + path:<32} " + " ".join(f"{median[name]:>14}" for name in CATEGORIES))
                notes = sorted({line for report in reports for line in shortfalls(report)})
                for line in notes:
                    print(f"      below 100 in a run: {line}")
        targets = ", ".join(f"{name} >= {value}" for name, value in TARGETS.items())
        print(f"  targets ({targets}; help pages' performance 100): {'MISSED' if missed else 'met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
