"""The build command: every edition of the site, with any of the three engines.

    python -m finding_balance build [--engine mkdocs|properdocs|zensical] [--site-dir DIR]
    python -m finding_balance check
    python -m finding_balance serve [--port 8000]

The editions are ``mkdocs.yml`` (written to ``site/``) and every ``mkdocs.<lang>.yml`` beside it
(``site/<lang>/``, its ``site_url`` the main one plus ``<lang>/``). MkDocs and ProperDocs build with
our hooks; Zensical through ``finding_balance.engines.zensical``. ``check`` runs the check before the
build alone. ``serve`` builds with MkDocs, serves ``site/`` on localhost and builds again when a
source changes. ``make build``, ``make serve`` and the tests call this.
"""

from __future__ import annotations

import argparse
import functools
import os
import shutil
import subprocess
import sys
import tempfile
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from threading import Thread

from finding_balance.check import check_edition
from finding_balance.editions import ConfigError, read_edition
from finding_balance.engines import zensical
from finding_balance.errors import AuthorError

ENGINES = ("mkdocs", "properdocs", "zensical")
#: What a change to makes ``serve`` build again.
WATCHED = ("docs", "overrides", "finding_balance", "hooks")


def edition_configs(root: Path) -> list[Path]:
    """``mkdocs.yml`` first, then every other edition's config (``mkdocs.<lang>.yml``)."""
    return [root / "mkdocs.yml", *sorted(root.glob("mkdocs.*.yml"))]


def site_url_variable(config: Path) -> str:
    """The environment variable that sets an edition's address: ``SITE_URL``, ``SITE_URL_ES``..."""
    suffix = config.stem.removeprefix("mkdocs").removeprefix(".")
    return f"SITE_URL_{suffix.upper()}" if suffix else "SITE_URL"


def edition_environment(configs: list[Path], site_url: str | None) -> dict[str, str]:
    """The environment of a build: each edition's address derived from the main one."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    base = site_url or os.environ.get("SITE_URL")
    if base:
        base = base if base.endswith("/") else base + "/"
        env["SITE_URL"] = base
        for config in configs[1:]:
            env[site_url_variable(config)] = f"{base}{config.stem.split('.', 1)[1]}/"
    return env


def _engine_command(engine: str) -> list[str]:
    program = Path(sys.executable).with_name(engine)
    return [str(program) if program.exists() else engine]


def build_edition(engine: str, config: Path, site_dir: Path, env: dict[str, str]) -> str | None:
    """Build one edition into ``site_dir``; returns the error to show, or ``None``."""
    if engine in ("mkdocs", "properdocs"):
        command = [*_engine_command(engine), "build", "--strict", "--config-file", str(config)]
        command += ["--site-dir", str(site_dir)]
        result = subprocess.run(command, capture_output=True, text=True, env=env, cwd=config.parent)
        sys.stderr.write(result.stderr)
        return None if result.returncode == 0 else f"{engine} build failed for {config.name}"
    saved = dict(os.environ)
    os.environ.update(env)
    try:
        edition = read_edition(config)
        inside = site_dir.resolve().is_relative_to(config.parent.resolve())
        target = site_dir if inside else config.parent / ".cache" / "zensical-site" / config.stem
        result = zensical.build(edition.with_site_dir(target.resolve()))
    except (AuthorError, ConfigError) as error:
        return str(error)
    finally:
        os.environ.clear()
        os.environ.update(saved)
    sys.stderr.write(result.stdout + result.stderr)
    if result.returncode != 0:
        return f"zensical build failed for {config.name}"
    if not inside:
        shutil.rmtree(site_dir, ignore_errors=True)
        shutil.copytree(target, site_dir)
    return None


def build(engine: str, root: Path, site_dir: Path, site_url: str | None = None) -> str | None:
    """Build every edition: the main one into ``site_dir``, the others into ``site_dir/<lang>``."""
    configs = edition_configs(root)
    env = edition_environment(configs, site_url)
    problem = build_edition(engine, configs[0], site_dir, env)
    for config in configs[1:]:
        if problem:
            break
        language_dir = site_dir / config.stem.split(".", 1)[1]
        problem = build_edition(engine, config, language_dir, env)
    return problem


def check(root: Path) -> list[str]:
    problems = []
    for config in edition_configs(root):
        try:
            check_edition(read_edition(config))
        except AuthorError as error:
            problems += error.problems
        except ConfigError as error:
            problems.append(str(error))
    return problems


def _stamp(root: Path) -> float:
    paths = [*edition_configs(root)]
    for name in WATCHED:
        paths += [path for path in (root / name).rglob("*") if path.is_file()]
    for config in edition_configs(root)[1:]:
        paths += [path for path in (root / f"docs-{config.stem.split('.', 1)[1]}").rglob("*") if path.is_file()]
    return max((path.stat().st_mtime for path in paths if path.exists()), default=0.0)


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def serve(root: Path, port: int) -> None:
    """Build with MkDocs, serve on localhost, build again on every change (Ctrl+C stops)."""
    site_dir = Path(tempfile.mkdtemp(prefix="finding-balance-"))
    url = f"http://127.0.0.1:{port}/"
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    Thread(target=server.serve_forever, daemon=True).start()
    seen = -1.0
    try:
        while True:
            stamp = _stamp(root)
            if stamp != seen:
                seen = stamp
                problem = build("mkdocs", root, site_dir, url)
                print(problem or f"Built. Serving every edition at {url}", file=sys.stderr, flush=True)
            time.sleep(1)
    except KeyboardInterrupt:
        server.shutdown()
        shutil.rmtree(site_dir, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m finding_balance", description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    build_parser = commands.add_parser("build", help="build every edition of the site")
    build_parser.add_argument("--engine", choices=ENGINES, default=os.environ.get("ENGINE") or "mkdocs")
    build_parser.add_argument("--site-dir", type=Path, default=Path("site"))
    build_parser.add_argument("--site-url", help="the main edition's address (default: SITE_URL or mkdocs.yml)")
    commands.add_parser("check", help="check every edition's settings and pages, without building")
    serve_parser = commands.add_parser("serve", help="build, serve on localhost, rebuild on changes")
    serve_parser.add_argument("--port", type=int, default=8000)
    arguments = parser.parse_args(argv)
    root = Path.cwd()
    if arguments.command == "check":
        problems = check(root)
        for problem in problems:
            print(f"ERROR   -  {problem}", file=sys.stderr)
        return 1 if problems else 0
    if arguments.command == "serve":
        serve(root, arguments.port)
        return 0
    problem = build(arguments.engine, root, arguments.site_dir.resolve(), arguments.site_url)
    if problem:
        for line in problem.splitlines():
            print(f"ERROR   -  {line}", file=sys.stderr)
        return 1
    print(f"INFO    -  {arguments.engine}: every edition built into {arguments.site_dir}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
