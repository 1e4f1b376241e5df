"""Page weight of the real site: our own JS and CSS, and the heaviest page.

Builds the English edition of the real site with ``mkdocs build --strict`` into a temporary folder
(or measures an existing build given with ``--site-dir``) and prints, raw and gzipped:

- our own assets (the minified CSS and JS bundles that ``finding_balance/site/bundle.py`` makes from
  ``finding_balance/theme/assets/``) and their total, against the target of 8 KB (8,192 bytes) gzipped for our
  JS + CSS together;
- the heaviest HTML page, and what a first visit to it loads: the page plus every stylesheet and
  script it links from the site (Material's bundle included);
- how many pages have a quiz (every page loads the same two bundles of ours);
- the page bundles, which only some pages load (``PAGE_BUNDLES`` in ``finding_balance/site/bundle.py``:
  the Print button of topic pages, the counsellors' list's filters and pack panel, the pack page), and
  the pack page's QR code encoder (vendored lean-qr, loaded by the pack page when it shows a pack).

Gzip is level 6, the usual setting of web servers (level 9 saves a few bytes more).
Run: ``.venv/bin/python benchmarks/page_weight.py``.
"""

from __future__ import annotations

import argparse
import gzip
import os
import posixpath
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
TARGET_BYTES = 8 * 1024
GZIP_LEVEL = 6
_LINKED = re.compile(
    r"""<link\b[^>]*\brel=["']?stylesheet["']?[^>]*\bhref=["']([^"']+)["']|<script\b[^>]*\bsrc=["']([^"']+)["']""",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Weight:
    raw: int
    gzipped: int


def weigh(data: bytes) -> Weight:
    return Weight(len(data), len(gzip.compress(data, GZIP_LEVEL, mtime=0)))


def build_site(site_dir: Path, site_url: str | None = None, *, every_edition: bool = False) -> None:
    """Build the real site's main edition with ``mkdocs build --strict`` (for ``site_url`` if given),
    or with ``every_edition`` all of them, as ``make build`` does (``python -m finding_balance build``);
    exit with the build's output if it fails."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if site_url:
        env["SITE_URL"] = site_url
    if every_edition:
        command = [sys.executable, "-m", "finding_balance", "build", "--site-dir", str(site_dir)]
    else:
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)]
    result = subprocess.run(command, capture_output=True, text=True, env=env, cwd=PROJECT_ROOT)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command[2:4])} failed:\n{result.stderr[-3000:]}")


def own_assets() -> list[str]:
    """Our JS and CSS as pages load them: the two bundles ``finding_balance/site/bundle.py`` writes."""
    return ["assets/finding-balance.min.css", "assets/finding-balance.min.js"]


def page_bundles() -> dict[str, list[str]]:
    """Each page bundle's files (stylesheet and script), and the pack page's vendored QR code encoder."""
    sys.path.insert(0, str(PROJECT_ROOT))
    from finding_balance.site.bundle import PAGE_BUNDLES, page_bundle

    found = {name: [page_bundle(name, "css"), page_bundle(name, "js")] for name in PAGE_BUNDLES}
    found["pack: QR encoder (lean-qr)"] = ["assets/vendor/lean-qr/lean-qr.js"]
    return found


def linked_files(site_dir: Path, page: Path) -> list[Path]:
    """The site's stylesheets and scripts that ``page`` links, resolved to files (others left out)."""
    found: list[Path] = []
    page_dir = posixpath.dirname(page.relative_to(site_dir).as_posix())
    for match in _LINKED.finditer(page.read_text(encoding="utf-8")):
        href = (match[1] or match[2]).split("#")[0].split("?")[0]
        if "://" in href or href.startswith("//"):
            continue
        target = site_dir / posixpath.normpath(posixpath.join(page_dir, href)).lstrip("/")
        if target.is_file() and target not in found:
            found.append(target)
    return found


def report(site_dir: Path, out: Callable[[str], None] = print) -> dict[str, object]:
    """Measure ``site_dir`` and print the figures (through ``out``); return them."""
    assets = own_assets()
    out(f"  {'our asset':<34} {'raw':>9} {'gzip':>9}")
    total = Weight(0, 0)
    for name in assets:
        path = site_dir / name
        if not path.is_file():
            out(f"  {name:<34} {'missing':>9}")
            continue
        weight = weigh(path.read_bytes())
        total = Weight(total.raw + weight.raw, total.gzipped + weight.gzipped)
        out(f"  {name:<34} {weight.raw:>9,} {weight.gzipped:>9,}")
    met = "met" if total.gzipped < TARGET_BYTES else "MISSED"
    out(f"  {'total (JS + CSS)':<34} {total.raw:>9,} {total.gzipped:>9,}   target < {TARGET_BYTES:,} gzipped: {met}")

    pages = sorted(site_dir.rglob("*.html"))
    weights = {page: weigh(page.read_bytes()) for page in pages}
    heaviest = max(pages, key=lambda page: weights[page].raw)
    name = heaviest.relative_to(site_dir).as_posix()
    out(f"  heaviest page: {name}  raw {weights[heaviest].raw:,}  gzip {weights[heaviest].gzipped:,}")
    first_load = [weights[heaviest]] + [weigh(path.read_bytes()) for path in linked_files(site_dir, heaviest)]
    first_gz = sum(weight.gzipped for weight in first_load)
    out(
        f"  first visit to it (page + the {len(first_load) - 1} stylesheets and scripts it links): "
        f"raw {sum(w.raw for w in first_load):,}  gzip {first_gz:,} (our assets: "
        f"{100 * total.gzipped / first_gz:.0f}% of that)"
    )
    with_quiz = [p for p in pages if 'class="fb-quiz ' in p.read_text(encoding="utf-8")]
    out(
        f"  {len(with_quiz)} of {len(pages)} pages have a quiz; every page loads the same two bundles "
        "(cached after the first page)"
    )
    out(f"  {'page bundle (only where needed)':<34} {'raw':>9} {'gzip':>9}")
    page_total: dict[str, int] = {}
    for name, files in page_bundles().items():
        weights_of = [weigh((site_dir / file).read_bytes()) for file in files if (site_dir / file).is_file()]
        bundle = Weight(sum(w.raw for w in weights_of), sum(w.gzipped for w in weights_of))
        page_total[name] = bundle.gzipped
        out(f"  {name:<34} {bundle.raw:>9,} {bundle.gzipped:>9,}")
    return {
        "page_bundles_gzip": page_total,
        "assets_raw": total.raw,
        "assets_gzip": total.gzipped,
        "heaviest_page": name,
        "heaviest_raw": weights[heaviest].raw,
        "heaviest_gzip": weights[heaviest].gzipped,
        "first_visit_gzip": first_gz,
        "pages": len(pages),
        "pages_with_quiz": len(with_quiz),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site-dir", type=Path, help="measure this built site instead of building one")
    args = parser.parse_args(argv)
    stamp = time.strftime("%Y-%m-%d %H:%M")
    if args.site_dir:
        print(f"Page weight of the site in {args.site_dir} ({stamp}), gzip level {GZIP_LEVEL}")
        report(args.site_dir)
        return 0
    with tempfile.TemporaryDirectory(prefix="fb-weight-") as temp:
        site_dir = Path(temp) / "site"
        build_site(site_dir)
        print(f"Page weight of the real site (mkdocs build --strict, {stamp}), gzip level {GZIP_LEVEL}")
        report(site_dir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
