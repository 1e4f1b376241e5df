"""One timed MkDocs build, run in a fresh Python process by ``build_overhead.py``.

``python benchmarks/timed_build.py CONFIG`` imports MkDocs, then times what ``mkdocs build`` does
once its imports are done: ``load_config`` (read and validate the config, load the hooks and
plugins), the plugins' ``on_startup``, ``build`` (every page) and ``on_shutdown``, with
``time.perf_counter`` (wall time) and ``time.process_time`` (CPU time of this process: the build
runs in one thread, and this figure moves less when other programs load the machine). It prints one
JSON line: ``{"seconds": ..., "cpu_seconds": ..., "warnings": [...]}``.
Interpreter start-up and the MkDocs import are left out of the figure, the same for every build; the
hooks' own import is inside it, as it is a cost of the hooks. Exits 1 if the build fails.

``python benchmarks/timed_build.py --extra CONFIG`` builds nothing: it prints, as JSON, the
``extra`` settings as they are once every ``on_config`` event has run (our hooks check those
settings and fill in defaults that the templates use), so that a build without the hooks can be
given the same ``extra``.

``python benchmarks/timed_build.py --breakdown CONFIG`` builds with every event handler of every
hook and plugin wrapped in a timer, and prints the build's wall time and the handlers by total time,
costliest first: where the time of the hooks goes. (Code a hook runs outside its event handlers, a
Markdown fence formatter for example, is counted in the event that calls it.)
"""

from __future__ import annotations

import json
import logging
import os
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
    start_cpu = time.process_time()
    start = time.perf_counter()
    config = load_config(config_file=config_file)
    _run_build(config)
    seconds = time.perf_counter() - start
    return seconds, time.process_time() - start_cpu, collector.messages


def _timed_handler(name: str, handler: Callable[..., Any], totals: Counter[str], calls: Counter[str]) -> Any:
    def run(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return handler(*args, **kwargs)
        finally:
            totals[name] += time.perf_counter() - start
            calls[name] += 1

    return run


def breakdown(config_file: str) -> dict[str, Any]:
    """Build with every event handler timed; return the wall time and the handlers, costliest first."""
    totals: Counter[str] = Counter()
    calls: Counter[str] = Counter()
    start = time.perf_counter()
    config = load_config(config_file=config_file)
    for event, handlers in config.plugins.events.items():
        for index, handler in enumerate(handlers):
            module = getattr(handler, "__module__", None) or type(handler).__name__
            name = f"{os.path.basename(module) if module.endswith('.py') else module}: on_{event}"
            handlers[index] = _timed_handler(name, handler, totals, calls)
    _run_build(config)
    seconds = time.perf_counter() - start
    rows = [{"handler": name, "ms": 1000 * total, "calls": calls[name]} for name, total in totals.most_common()]
    return {"seconds": seconds, "handlers": rows}


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
    """``config.extra`` once every ``on_config`` event (our hooks' included) has run."""
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
