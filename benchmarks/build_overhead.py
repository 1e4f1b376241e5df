"""Build overhead of our features, measured against the same site built with plain Material.

For each site size N (``--pages``, default 500) this script writes a synthetic site
(``synthetic_site.py``: about 1,200 words a page, one quiz of each type on every tenth page, and a
counsellors page that lists them all) and two configs made from the real ``mkdocs.yml``:

- A: the real config, our plugin (``finding-balance`` under ``plugins``, from
  ``finding_balance.engines.mkdocs_plugin``) and our quiz extension (``finding_balance.quiz.markdown``)
  included;
- B: plain Material: the same config without our plugin and without the quiz extension (quiz blocks
  then render as plain code blocks), with the package's theme (``finding_balance/theme/``, which the
  plugin puts in A's theme search path) as ``theme.custom_dir``, and with ``extra`` as A's plugin
  leaves it after ``on_config`` (it checks and completes settings that the templates read), so that
  both render the same templates.

Both keep the real theme settings, Markdown extensions, the other plugins and ``strict: true``; only
``nav`` is left out (MkDocs builds it from the synthetic folders) and the paths are made absolute.

Then it builds A B A B ... (``--pairs``, default 5, after ``--warmup`` unmeasured pairs, default 1),
each build in a fresh Python process (``timed_build.py``: wall and CPU time of ``load_config`` and
the build), and prints for each N the median time of A and of B, the median of the per-pair ratios
A/B against the target, and the overhead per page, the median over pairs of (A - B) / N, with the
load average before and after. These builds are cold: what our plugin keeps between builds (the QR
codes and quizzes in ``.cache/finding-balance/`` beside the config) is removed before every A build. With
``--warm`` each size is measured again with that cache kept from the build before. Given several
sizes, it ends with a scaling table. It checks that A's quiz page has its quizzes and B's shows them
as code, so that a broken comparison cannot pass as a fast one. ``--breakdown`` adds one cold A
build with every event handler and our own functions timed (``timed_build.OUR_FUNCTIONS``).

Run: ``.venv/bin/python benchmarks/build_overhead.py --pages 100 500 1000 --warm``.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import yaml

import finding_balance
from finding_balance.editions import load_config
from finding_balance.engines.zensical import ConfigDumper
from finding_balance.templates import THEME_DIR

BENCH_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = BENCH_DIR.parent
sys.path.insert(0, str(BENCH_DIR))

from synthetic_site import QUIZ_EVERY, page_path, write_site  # noqa: E402

TARGET_RATIO = 1.10
#: With the QR codes and quizzes of the build before (``--warm``).
WARM_TARGET_RATIO = 1.05
TARGET_PAGES = 500
QR_CACHE_FOLDER = Path(".cache") / "finding-balance"
#: Our MkDocs plugin (its entry point in ``pyproject.toml``) and our quiz extension: A has them, B not.
PLUGIN = "finding-balance"
QUIZ_EXTENSION = "finding_balance.quiz.markdown"


class Timing(NamedTuple):
    """One build: wall time and CPU time of the build process, in seconds."""

    wall: float
    cpu: float


@dataclass
class SizeResult:
    """The timings of one site size: one entry per measured pair."""

    pages: int
    counts: dict[str, int]
    warm: bool = False
    a: list[Timing] = field(default_factory=list)
    b: list[Timing] = field(default_factory=list)
    load_before: str = ""
    load_after: str = ""

    def stats(self, kind: str) -> dict[str, float]:
        """Medians of ``kind`` ("wall" or "cpu"): A, B, the per-pair ratio A/B and (A - B) / N in ms."""
        a = [getattr(timing, kind) for timing in self.a]
        b = [getattr(timing, kind) for timing in self.b]
        return {
            "a_median": statistics.median(a),
            "b_median": statistics.median(b),
            "ratio_median": statistics.median(x / y for x, y in zip(a, b, strict=True)),
            "ms_per_page_median": statistics.median((x - y) * 1000 / self.pages for x, y in zip(a, b, strict=True)),
        }

    def summary(self) -> dict[str, Any]:
        return {
            "pages": self.pages,
            **{key: value for key, value in self.counts.items() if key != "pages"},
            "warm": self.warm,
            "load_before": self.load_before,
            "load_after": self.load_after,
            "pairs": len(self.a),
            "a": [timing._asdict() for timing in self.a],
            "b": [timing._asdict() for timing in self.b],
            "wall": self.stats("wall"),
            "cpu": self.stats("cpu"),
        }


def real_config() -> dict[str, Any]:
    """The project's ``mkdocs.yml`` as MkDocs reads it (``!ENV`` resolved)."""
    return load_config(PROJECT_ROOT / "mkdocs.yml")


def _name(entry: Any) -> Any:
    """The name of a ``plugins`` or ``markdown_extensions`` list entry: ``name`` or ``{name: options}``."""
    return next(iter(entry)) if isinstance(entry, dict) and len(entry) == 1 else entry


def without(entries: Any, name: str) -> Any:
    """``entries`` (a list of names or ``{name: options}``, or a mapping of names) without ``name``."""
    if isinstance(entries, dict):
        return {key: value for key, value in entries.items() if key != name}
    return [entry for entry in entries or [] if _name(entry) != name]


def variant_config(base: dict[str, Any], docs_dir: Path, site_dir: Path, *, ours: bool) -> dict[str, Any]:
    """The real config pointed at the synthetic docs: with our plugin and quiz extension (``ours``,
    build A) or as plain Material with our theme's templates (build B)."""
    config = copy.deepcopy(base)
    config["docs_dir"] = str(docs_dir)
    config["site_dir"] = str(site_dir)
    config["strict"] = True
    config.pop("nav", None)
    theme = config.get("theme")
    if isinstance(theme, dict) and theme.get("custom_dir"):
        theme["custom_dir"] = str((PROJECT_ROOT / theme["custom_dir"]).resolve())
    extra = config.get("extra")
    if isinstance(extra, dict) and isinstance(extra.get("helplines"), str):
        # The helplines data file is named relative to the real config.
        extra["helplines"] = str((PROJECT_ROOT / extra["helplines"]).resolve())
    if PLUGIN not in [_name(entry) for entry in config.get("plugins") or []]:
        raise SystemExit(f"{PROJECT_ROOT / 'mkdocs.yml'} does not list the plugin {PLUGIN!r}: nothing to compare")
    if ours:
        return config
    # Plain Material: no plugin of ours, and no quiz extension either (quiz fences stay code blocks).
    config["plugins"] = without(config["plugins"], PLUGIN)
    config["markdown_extensions"] = without(config.get("markdown_extensions"), QUIZ_EXTENSION)
    # The same templates as A: the plugin puts the package's theme in A's search path; B names it as
    # its custom folder. A site's own custom folder would come first in A, and B has room for one only.
    if not isinstance(theme, dict) or theme.get("custom_dir"):
        raise SystemExit("build B needs theme.custom_dir for the package's theme: the real config has one already")
    theme["custom_dir"] = str(THEME_DIR)
    return config


def prepare(workdir: Path, pages: int) -> tuple[Path, Path, dict[str, int]]:
    """Write the synthetic site and the A and B configs into ``workdir``; return the two configs."""
    docs_dir = workdir / "docs"
    counts = write_site(docs_dir, pages)
    base = real_config()
    config_a = write_config(workdir / "mkdocs-a.yml", variant_config(base, docs_dir, workdir / "site-a", ours=True))
    config_b = variant_config(base, docs_dir, workdir / "site-b", ours=False)
    # The templates read settings that our plugin checks and completes in on_config (the disclaimer and
    # quick exit wording, for example): B gets them as A's plugin leaves them, so that B's pages render
    # the same and only our features' work differs.
    config_b["extra"] = extra_after_config(config_a)
    return config_a, write_config(workdir / "mkdocs-b.yml", config_b), counts


def write_config(path: Path, config: dict[str, Any]) -> Path:
    path.write_text(yaml.dump(config, Dumper=ConfigDumper, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def extra_after_config(config_file: Path) -> dict[str, Any]:
    """``extra`` of ``config_file`` once its plugins' ``on_config`` have run (asked of a fresh process)."""
    return json.loads(run_build(config_file, "--extra").strip().splitlines()[-1])


def build_environment() -> dict[str, str]:
    """The environment of a timed build: this one, with Python caching bytecode as it does by default.
    These machines set ``PYTHONDONTWRITEBYTECODE``, which would make every build of A compile our
    modules from source again (about 30 ms) while B's packages come precompiled from their
    install; the warm-up pair writes the cache, as an author's first build does."""
    env = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    return {**env, "NO_MKDOCS_2_WARNING": "1"}


def run_build(config_file: Path, *extra_args: str) -> str:
    """Run ``timed_build.py`` on ``config_file`` in a fresh process; return what it printed."""
    result = subprocess.run(
        [sys.executable, str(BENCH_DIR / "timed_build.py"), *extra_args, str(config_file)],
        capture_output=True,
        text=True,
        env=build_environment(),
        cwd=config_file.parent,
    )
    if result.returncode != 0:
        raise SystemExit(f"build of {config_file.name} failed:\n{result.stderr}{result.stdout}")
    return result.stdout


def timed(config_file: Path) -> Timing:
    """Build ``config_file`` in a fresh process; return the times ``timed_build.py`` measured."""
    report = json.loads(run_build(config_file).strip().splitlines()[-1])
    return Timing(float(report["seconds"]), float(report["cpu_seconds"]))


def check_outputs(workdir: Path, pages: int) -> None:
    """A must have rendered every quiz, B none: otherwise the two builds are not the comparison."""
    if pages < QUIZ_EVERY:
        return
    page_html = Path(page_path(QUIZ_EVERY)).with_suffix("") / "index.html"
    with_ours = (workdir / "site-a" / page_html).read_text(encoding="utf-8")
    plain = (workdir / "site-b" / page_html).read_text(encoding="utf-8")
    rendered = with_ours.count('class="fb-quiz fb-quiz--')
    quiz_id = f"p{QUIZ_EVERY:04d}-scale"
    if rendered != 4 or 'class="fb-quiz fb-quiz--' in plain or f"<code>id: {quiz_id}" not in plain:
        raise SystemExit(
            f"unexpected output in {page_html}: build A has {rendered} quizzes (want 4), build B should "
            "show them as plain code blocks"
        )


ROW = "  {:>6}  {:>8}  {:>8}  {:>6}  {:>8}    {:>8}  {:>8}  {:>6}  {:>8}"


def clear_cache(workdir: Path) -> None:
    """Remove what our plugin keeps between builds (``.cache/finding-balance/`` beside the config: the
    QR codes and the quizzes, ``finding_balance.handouts.qr_cache`` and ``finding_balance.quiz.cache``), so
    that the next A build is a cold one."""
    shutil.rmtree(workdir / QR_CACHE_FOLDER, ignore_errors=True)


def load() -> str:
    """The load averages of the last 1, 5 and 15 minutes, as ``uptime`` shows them."""
    return ", ".join(f"{value:.2f}" for value in os.getloadavg())


def measure(
    config_a: Path,
    config_b: Path,
    counts: dict[str, int],
    pairs: int,
    warmup: int,
    log: Callable[[str], None],
    warm: bool = False,
) -> SizeResult:
    """Build A B A B ...; return the timings of the measured pairs. Cold (the default): the cache of
    our plugin is cleared before every A build. ``warm``: it is kept, filled by a first A build."""
    pages = counts["pages"]
    workdir = config_a.parent
    result = SizeResult(pages, counts, warm=warm)
    kind = "warm: QR codes and quizzes kept from the build before" if warm else "cold: no cache of ours"
    log(
        f"\n{pages} pages ({counts['quiz_pages']} with quizzes, {counts['quizzes']} quizzes, "
        f"{counts['words']:,} words), {kind}: {warmup} warm-up pair(s), then {pairs} measured pair(s) A B"
    )
    result.load_before = load()
    log(f"  load average before: {result.load_before}")
    log(ROW.format("", "wall:", "", "", "", "CPU:", "", "", ""))
    log(ROW.format("pair", "A (s)", "B (s)", "A/B", "ms/page", "A (s)", "B (s)", "A/B", "ms/page"))
    clear_cache(workdir)
    if warm and warmup == 0:
        timed(config_a)  # fills the cache
    for index in range(warmup + pairs):
        if not warm:
            clear_cache(workdir)
        a, b = timed(config_a), timed(config_b)
        measured = index >= warmup
        if measured:
            result.a.append(a)
            result.b.append(b)
        cells = []
        for x, y in zip(a, b, strict=True):
            cells += [f"{x:.3f}", f"{y:.3f}", f"{x / y:.3f}", f"{(x - y) * 1000 / pages:.2f}"]
        log(ROW.format(str(index - warmup + 1) if measured else "warm", *cells))
    check_outputs(workdir, pages)
    result.load_after = load()
    wall, cpu = result.stats("wall"), result.stats("cpu")
    target = WARM_TARGET_RATIO if warm else TARGET_RATIO
    met = wall["ratio_median"] <= target
    verdict = f"   target <= {target:.2f}: {'met' if met else 'MISSED'}"
    log(f"  A with our plugin      median {wall['a_median']:8.3f} s wall  ({cpu['a_median']:.3f} s CPU)")
    log(f"  B without our plugin   median {wall['b_median']:8.3f} s wall  ({cpu['b_median']:.3f} s CPU)")
    log(f"  A/B per pair           median {wall['ratio_median']:8.3f} wall  ({cpu['ratio_median']:.3f} CPU){verdict}")
    log(
        f"  our overhead           median {wall['ms_per_page_median']:8.2f} ms per page wall  "
        f"({cpu['ms_per_page_median']:.2f} CPU)  ((A - B) / N per pair)"
    )
    log(f"  load average after: {result.load_after}")
    return result


def print_breakdown(config_file: Path, log: Callable[[str], None], top: int = 40) -> None:
    """One more build of ``config_file`` with every event handler and our functions timed
    (``timed_build.OUR_FUNCTIONS``); print the costliest."""
    report = json.loads(run_build(config_file, "--breakdown").strip().splitlines()[-1])
    log(
        f"  where A's time goes (one more build, {report['seconds']:.3f} s wall, each event handler and our "
        "functions timed; a function's time includes what it calls):"
    )
    log(f"    {'wall ms':>9}  {'CPU ms':>9}  {'calls':>5}")
    for row in report["handlers"][:top]:
        log(f"    {row['ms']:9.1f}  {row['cpu_ms']:9.1f}  {row['calls']:>5}  {row['handler']}")
    for name in report.get("missing", []):
        log(f"    not found, not timed: {name}")


def print_scaling(results: list[SizeResult], log: Callable[[str], None]) -> None:
    log("\nScaling: our overhead per page must not grow with the site size")
    log(ROW.format("", "wall:", "", "", "", "CPU:", "", "", ""))
    log(ROW.format("pages", "A (s)", "B (s)", "A/B", "ms/page", "A (s)", "B (s)", "A/B", "ms/page"))
    for result in results:
        cells = []
        for kind in ("wall", "cpu"):
            s = result.stats(kind)
            cells += [f"{s['a_median']:.3f}", f"{s['b_median']:.3f}", f"{s['ratio_median']:.3f}"]
            cells += [f"{s['ms_per_page_median']:.2f}"]
        log(ROW.format(result.pages, *cells))
    first, last = results[0], results[-1]
    # Below about 1 ms a page, a difference is within run-to-run noise on this machine.
    floor = 1.0
    growth = [
        max(last.stats(kind)["ms_per_page_median"], floor) / max(first.stats(kind)["ms_per_page_median"], floor)
        for kind in ("wall", "cpu")
    ]
    log(
        f"  ms/page at {last.pages} pages / at {first.pages} pages: {growth[0]:.2f} wall, {growth[1]:.2f} CPU "
        f"(each floored at {floor:.0f} ms; about 1 or less: flat)"
    )


def print_summary(cold: list[SizeResult], warm: list[SizeResult], log: Callable[[str], None]) -> None:
    log("\nA/B, median of the pairs, wall (CPU): cold builds, and warm ones with the cache of the build before")
    for first, second in zip(cold, warm, strict=True):
        log(
            f"  {first.pages:>6} pages   cold {first.stats('wall')['ratio_median']:.3f} "
            f"({first.stats('cpu')['ratio_median']:.3f})   warm {second.stats('wall')['ratio_median']:.3f} "
            f"({second.stats('cpu')['ratio_median']:.3f})"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, nargs="+", default=[TARGET_PAGES], help="site sizes (default 500)")
    parser.add_argument("--pairs", type=int, default=5, help="measured A B pairs per size (default 5)")
    parser.add_argument("--warmup", type=int, default=1, help="unmeasured pairs first (default 1)")
    parser.add_argument("--workdir", type=Path, help="keep the sites and configs here (default: a temp folder)")
    parser.add_argument("--json", type=Path, help="also write the results to this JSON file")
    parser.add_argument("--breakdown", action="store_true", help="then one more A build with each event handler timed")
    parser.add_argument(
        "--warm", action="store_true", help="also measure warm builds: A keeps the cache of the last build"
    )
    args = parser.parse_args(argv)
    if args.pairs < 1 or args.warmup < 0 or min(args.pages) < 1:
        parser.error("--pairs must be at least 1, --warmup at least 0 and every --pages at least 1")

    def log(line: str) -> None:  # flushed, so that a long run shows its progress
        print(line, flush=True)

    log(
        f"Build overhead of our plugin ({time.strftime('%Y-%m-%d %H:%M')}, Python {platform.python_version()}, "
        f"{os.cpu_count()} cores): A = real mkdocs.yml, B = the same without our plugin and quiz extension"
    )
    # The package that A's plugin loads: this tree's, or a copy first on PYTHONPATH (a change to compare).
    log(f"package: {Path(finding_balance.__file__).parent}")
    results: list[SizeResult] = []
    warm_results: list[SizeResult] = []
    for pages in args.pages:
        with tempfile.TemporaryDirectory(prefix=f"fb-bench-{pages}-") as temp:
            workdir = Path(temp)
            if args.workdir:
                workdir = args.workdir / f"pages-{pages}"
                shutil.rmtree(workdir, ignore_errors=True)
                workdir.mkdir(parents=True)
            config_a, config_b, counts = prepare(workdir, pages)
            results.append(measure(config_a, config_b, counts, args.pairs, args.warmup, log))
            if args.warm:
                warm_results.append(measure(config_a, config_b, counts, args.pairs, args.warmup, log, warm=True))
            if args.breakdown:
                clear_cache(workdir)
                print_breakdown(config_a, log)
    if len(results) > 1:
        print_scaling(results, log)
    if warm_results:
        print_summary(results, warm_results, log)
    if args.json:
        summaries = [r.summary() for r in results + warm_results]
        args.json.write_text(json.dumps(summaries, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
