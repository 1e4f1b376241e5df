"""One timed MkDocs build, run in a fresh Python process by ``build_overhead.py``.

``python benchmarks/timed_build.py CONFIG`` imports MkDocs, then times what ``mkdocs build`` does
once its imports are done: ``load_config`` (read and validate the config, load the plugins),
the plugins' ``on_startup``, ``build`` (every page) and ``on_shutdown``, with
``time.perf_counter`` (wall time) and CPU time (``time.process_time`` of this process plus that of
the helper processes it started, such as the QR codes' helper; this figure moves less when other
programs load the machine, and it counts work done on a second core, which wall time does not). It prints one
JSON line: ``{"seconds": ..., "cpu_seconds": ..., "warnings": [...]}``.
Interpreter start-up and the MkDocs import are left out of the figure, the same for every build; the
import of our plugin (``finding_balance.engines.mkdocs_plugin``, loaded by ``load_config`` from its
entry point) is inside it, as it is a cost of our features. Exits 1 if the build fails.

``python benchmarks/timed_build.py --extra CONFIG`` builds nothing: it prints, as JSON, the
``extra`` settings as they are once every ``on_config`` event has run (our plugin checks those
settings and fills in defaults that the templates use), so that a build without the plugin can be
given the same ``extra``.

``python benchmarks/timed_build.py --breakdown CONFIG`` builds with every event handler of every
plugin (ours, ``finding-balance``, included) wrapped in a timer, and our own functions too
(``OUR_FUNCTIONS``: the check, the quiz extension, the finishing passes and their steps, whichever
event or engine code calls them: the quiz fence runs inside MkDocs' page conversion, not in an event
of ours), and prints the build's wall time and the handlers and functions by total wall time,
costliest first, with their CPU time: where the time of our features goes. A function's time
includes the functions it calls (``SiteFinisher.page`` includes ``qr_code``), so the rows overlap.
"""

from __future__ import annotations

import importlib
import json
import logging
import os
import resource
import sys
import time
from collections import Counter
from collections.abc import Callable, Mapping
from typing import Any

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, BuildError, ConfigurationError, PluginError


class _Collector(logging.Handler):
    """Keeps the text of every warning MkDocs logs."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _run_build(config: Any) -> None:
    """One build as ``mkdocs build`` runs it, start-up and shut-down events included."""
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()


def timed_build(config_file: str) -> tuple[float, float, list[str]]:
    """Build the site of ``config_file``; return the wall and CPU seconds and the warnings logged."""
    collector = _Collector()
    logging.getLogger("mkdocs").addHandler(collector)
    start_cpu = _cpu_seconds()
    start = time.perf_counter()
    config = load_config(config_file=config_file)
    _run_build(config)
    seconds = time.perf_counter() - start
    return seconds, _cpu_seconds() - start_cpu, collector.messages


def _cpu_seconds() -> float:
    """CPU time of this process and of the helper processes it waited for (the finishing's helper
    process, ``finding_balance.site.parallel``, runs on another core: its time counts as the build's)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


class _Totals:
    """Wall and CPU seconds and calls, by handler or function name."""

    def __init__(self) -> None:
        self.wall: Counter[str] = Counter()
        self.cpu: Counter[str] = Counter()
        self.calls: Counter[str] = Counter()

    def rows(self) -> list[dict[str, Any]]:
        return [
            {"handler": name, "ms": 1000 * total, "cpu_ms": 1000 * self.cpu[name], "calls": self.calls[name]}
            for name, total in self.wall.most_common()
        ]


def _timed_handler(name: str, handler: Callable[..., Any], totals: _Totals) -> Any:
    def run(*args: Any, **kwargs: Any) -> Any:
        start, start_cpu = time.perf_counter(), time.process_time()
        try:
            return handler(*args, **kwargs)
        finally:
            totals.wall[name] += time.perf_counter() - start
            totals.cpu[name] += time.process_time() - start_cpu
            totals.calls[name] += 1

    return run


#: Our functions that ``--breakdown`` times, as ``module:qualified name``, outermost first.
OUR_FUNCTIONS = (
    "finding_balance.check:check_page",
    "finding_balance.quiz.reached:unrendered_quizzes",
    "finding_balance.quiz.markdown:QuizExtension.extendMarkdown",
    "finding_balance.quiz.markdown:quiz_html",
    "finding_balance.quiz.model:find_quiz_blocks",
    "finding_balance.quiz.model:parse_quiz",
    "finding_balance.quiz.render:render_texts",
    "finding_balance.quiz.render:render_quiz",
    "finding_balance.quiz.render:render_search_view",
    "finding_balance.site.finish:SiteFinisher.__init__",
    "finding_balance.site.finish:SiteFinisher.page",
    "finding_balance.site.finish:SiteFinisher.site",
    "finding_balance.counsellors.feature:directory_entries",
    "finding_balance.article:read_article",
    "finding_balance.anchors.quiz_links:quiz_links",
    "finding_balance.handouts.printout:qr_code_replacement",
    "finding_balance.handouts.qr:qr_code",
    "finding_balance.policy.csp:policy_insert",
    "finding_balance.policy.csp:inline_scripts",
    "finding_balance.counsellors.directory:with_directory",
    "finding_balance.outline:outline",
    "finding_balance.site.bundle:write_bundles",
)


def _time_our_functions(totals: _Totals) -> list[str]:
    """Wrap each of ``OUR_FUNCTIONS`` in a timer, wherever it was imported (before our plugin loads,
    so that its modules' imports are wrapped too); return the names not found, so that a renamed function is noticed."""
    missing = []
    for spec in OUR_FUNCTIONS:
        module_name, qualified = spec.split(":")
        try:
            owner: Any = importlib.import_module(module_name)
            *path, name = qualified.split(".")
            for part in path:
                owner = getattr(owner, part)
            original = getattr(owner, name)
        except (ImportError, AttributeError):
            missing.append(spec)
            continue
        label = f"{module_name.removeprefix('finding_balance.')}.{qualified}"
        wrapped = _timed_handler(label, original, totals)
        setattr(owner, name, wrapped)
        for module in list(sys.modules.values()):
            ours = getattr(module, "__name__", "").startswith("finding_balance")
            if ours and getattr(module, name, None) is original:
                setattr(module, name, wrapped)
    return missing


def breakdown(config_file: str) -> dict[str, Any]:
    """Build with every event handler and our functions timed; return the wall time and the
    handlers and functions, costliest first (and ``OUR_FUNCTIONS`` that were not found)."""
    # Our finishing in this process, where it can be timed, not in a helper process alongside MkDocs
    # (``finding_balance.site.parallel``): the breakdown shows what each step costs, not what waits.
    os.environ["FINDING_BALANCE_ONE_PROCESS"] = "1"  # (not imported: our modules load inside the timing)
    totals = _Totals()
    missing = _time_our_functions(totals)
    start = time.perf_counter()
    config = load_config(config_file=config_file)
    for event, handlers in config.plugins.events.items():
        for index, handler in enumerate(handlers):
            module = getattr(handler, "__module__", None) or type(handler).__name__
            name = f"{os.path.basename(module) if module.endswith('.py') else module}: on_{event}"
            handlers[index] = _timed_handler(name, handler, totals)
    _run_build(config)
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "handlers": totals.rows(), "missing": missing}


def _plain(value: Any) -> Any:
    """``value`` as JSON data: mappings and lists kept, anything else as text."""
    if isinstance(value, Mapping):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def extra_after_config(config_file: str) -> dict[str, Any]:
    """``config.extra`` once every ``on_config`` event (our plugin's included) has run."""
    config = load_config(config_file=config_file)
    config.plugins.on_startup(command="build", dirty=False)
    config = config.plugins.on_config(config)
    return _plain(dict(config.extra))


def main(argv: list[str]) -> int:
    if len(argv) == 2 and argv[0] == "--extra":
        print(json.dumps(extra_after_config(argv[1])))
        return 0
    if len(argv) == 2 and argv[0] == "--breakdown":
        print(json.dumps(breakdown(argv[1])))
        return 0
    if len(argv) != 1 or argv[0].startswith("-"):
        print("usage: timed_build.py [--extra | --breakdown] CONFIG_FILE", file=sys.stderr)
        return 2
    try:
        seconds, cpu_seconds, warnings = timed_build(argv[0])
    except (Abort, BuildError, ConfigurationError, PluginError) as error:
        print(f"build failed: {error}", file=sys.stderr)
        return 1
    print(json.dumps({"seconds": seconds, "cpu_seconds": cpu_seconds, "warnings": warnings}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
