"""The build command: every edition of the site, with any of the three engines.

    python -m finding_balance build [--engine mkdocs|properdocs|zensical] [--site-dir DIR]
    python -m finding_balance check
    python -m finding_balance serve [--port 8000]
    python -m finding_balance new DIR [--language en|es|ar] [--no-helplines]
    python -m finding_balance urls [--list FILE]
    python -m finding_balance helplines verify [--json] [--edition LANG] [--data FILE] [--timeout S]
    python -m finding_balance helplines report [--edition LANG] [--data FILE]

The editions are ``mkdocs.yml`` (written to ``site/``) and every ``mkdocs.<lang>.yml`` beside it
(``site/<lang>/``, its ``site_url`` the main one plus ``<lang>/``). MkDocs and ProperDocs build with
our plugin; Zensical through ``finding_balance.engines.zensical``. ``check`` runs the check before the
build alone. ``serve`` builds with MkDocs, serves ``site/`` on localhost and builds again when a
source changes. ``new`` writes a new microsite (``finding_balance.new_site``); ``urls`` adds a build's
new page, section and quiz addresses to the list of published addresses (``finding_balance.gates.addresses``);
``helplines verify`` checks that each helpline's source still states its number, ``helplines report``
tables every entry for the yearly review (``finding_balance.helplines.commands``).
``make build``, ``make serve``, ``make urls`` and the tests call this.
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
from finding_balance.helplines.data import gap_notes
from finding_balance.new_site import LANGUAGES

ENGINES = ("mkdocs", "properdocs", "zensical")
#: The folders whose changes make ``serve`` build again: a site's pages, own theme files and helpline
#: lists, and (in this repository) the package itself.
WATCHED = ("docs", "overrides", "helplines", "finding_balance")


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
    """Every edition's mistakes; the helpline sections filled with a fallback sentence are printed as INFO."""
    problems = []
    for config in edition_configs(root):
        try:
            checked = check_edition(read_edition(config))
            for note in gap_notes(checked.settings.extra["helplines"]):
                print(f"INFO    -  {note}", file=sys.stderr)
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


def new(target: Path, language: str, helplines: bool, requirement: str) -> int:
    from finding_balance.new_site import NewSiteError, write_site

    try:
        write_site(target, language, helplines=helplines, requirement=requirement)
    except NewSiteError as error:
        print(f"ERROR   -  {error}", file=sys.stderr)
        return 1
    print(f"INFO    -  a new site in {target}: cd {target} && make serve (or make test)", file=sys.stderr)
    return 0


def urls(root: Path, list_file: Path) -> int:
    """Build the site, add its new addresses to ``list_file``, report the listed ones that are broken."""
    from finding_balance.gates import addresses

    with tempfile.TemporaryDirectory() as folder:
        site_dir = Path(folder)
        problem = build("mkdocs", root, site_dir)
        if problem:
            print(f"ERROR   -  {problem}\nThe site does not build: fix that first.", file=sys.stderr)
            return 1
        listed = addresses.read_list(list_file) if list_file.exists() else []
        published = addresses.addresses_in(site_dir)
        added = [address for address in published if address not in listed]
        list_file.parent.mkdir(parents=True, exist_ok=True)
        addresses.write_list(addresses.merged(listed, published), list_file)
        problems = addresses.broken(site_dir, listed)
    print(f"{list_file}: {len(added)} new address(es) added." if added else f"{list_file}: no new addresses.")
    for address in added:
        print(f"  + {address}")
    if problems:
        print("Listed addresses that no longer work: add a redirect for each (see the top of the list):")
        for address, reason in problems.items():
            print(f"  ! {address}  ({reason})")
        return 1
    return 0


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
    new_parser = commands.add_parser("new", help="write a new microsite that uses this package")
    new_parser.add_argument("directory", type=Path)
    new_parser.add_argument("--language", choices=LANGUAGES, default="en")
    new_parser.add_argument("--no-helplines", action="store_true", help="an empty helpline list, not ours")
    new_parser.add_argument("--package", default="", help="how the new site installs this package (requirements line)")
    urls_parser = commands.add_parser("urls", help="add new page, section and quiz addresses to the published list")
    # A new site keeps its list in its tests folder; this repository's is in tests/data/.
    urls_parser.add_argument("--list", type=Path, default=Path("tests", "published-urls.txt"))
    helplines_parser = commands.add_parser("helplines", help="check the helplines' sources, or list them for review")
    helpline_commands = helplines_parser.add_subparsers(dest="helplines_command", required=True)
    verify_parser = helpline_commands.add_parser("verify", help="does each entry's source still state its number?")
    verify_parser.add_argument("--json", action="store_true", help="the results as JSON (for a scheduled job)")
    verify_parser.add_argument("--timeout", type=float, default=20.0, help="seconds to wait for each page")
    report_parser = helpline_commands.add_parser("report", help="one table per edition for the yearly review")
    for helpline_parser in (verify_parser, report_parser):
        helpline_parser.add_argument("--edition", help="only the edition in this language (en, es...)")
        helpline_parser.add_argument("--data", type=Path, help="a helplines data file instead of the editions'")
    arguments = parser.parse_args(argv)
    root = Path.cwd()
    if arguments.command == "helplines":
        from finding_balance.helplines.commands import report_command, verify_command

        configs = edition_configs(root)
        if arguments.helplines_command == "verify":
            return verify_command(
                configs,
                language=arguments.edition,
                data=arguments.data,
                as_json=arguments.json,
                timeout=arguments.timeout,
            )
        return report_command(configs, language=arguments.edition, data=arguments.data)
    if arguments.command == "check":
        problems = check(root)
        for problem in problems:
            print(f"ERROR   -  {problem}", file=sys.stderr)
        return 1 if problems else 0
    if arguments.command == "new":
        return new(arguments.directory, arguments.language, not arguments.no_helplines, arguments.package)
    if arguments.command == "urls":
        return urls(root, arguments.list)
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
