"""The shape of the code: every path the repository names exists, and imports only go down the layers.

- Paths: a repository-relative path written in any tracked text file (code, comments, configs, docs),
  such as ``finding_balance/site/finish.py``, must exist. Paths made of placeholders
  (``docs-es/<page>.md``, ``tests/*.py``) are not paths. In ``tests/`` a made-up page of the
  temporary sites the tests build (``docs/bad.md``, ``docs-es/gone.md``, ``helplines/none.yml``) is
  test data, and the starter site (``finding_balance/starter/``) names the paths of the new site it
  becomes.
- Imports (read with ``ast``: every ``import``, those under ``if TYPE_CHECKING:`` and inside
  functions included) of ``finding_balance/`` form no cycle, and no module imports
  one of a higher layer (``LAYERS``). A module in no layer fails too: a new module takes its place
  in the list.
- Features: every folder with a ``feature.py`` is listed, under its name, in ``finding_balance/registry.py``.
"""

from __future__ import annotations

import ast
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

#: The repository's top folder, wherever this file sits in it.
PROJECT_ROOT = Path(
    subprocess.run(
        ["git", "rev-parse", "--show-toplevel"], cwd=Path(__file__).parent, capture_output=True, text=True, check=True
    ).stdout.strip()
)
#: From the bottom up; a module may import its own layer and the layers below. An entry names a
#: module, or with ``.*`` a package and all its modules.
LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "basics",
        (
            "finding_balance",
            "finding_balance.errors",
            "finding_balance.messages",
            "finding_balance.urls",
            "finding_balance.json_cache",
            "finding_balance.templates",
            "finding_balance.page_context",
        ),
    ),
    (
        "models",
        (
            "finding_balance.settings",
            "finding_balance.editions",
            "finding_balance.anchors.redirects",
            "finding_balance.helplines.data",
            "finding_balance.quiz.fences",
            "finding_balance.quiz.model",
            "finding_balance.quiz.render",
            "finding_balance.quiz.links",
            "finding_balance.quiz.cache",
            "finding_balance.quiz.memo",
            "finding_balance.handouts.qr",
            "finding_balance.article",
            "finding_balance.outline",
            "finding_balance.counsellors.pack_ids",
            "finding_balance.disclaimer.settings",
            "finding_balance.quick_exit.settings",
            "finding_balance.quiz.settings",
            "finding_balance.anchors.settings",
            "finding_balance.handouts.settings",
            "finding_balance.languages.settings",
            # The feature folders themselves (their ``__init__`` says what each holds).
            "finding_balance.helplines",
            "finding_balance.quiz",
            "finding_balance.handouts",
            "finding_balance.anchors",
            "finding_balance.counsellors",
            "finding_balance.policy",
            "finding_balance.languages",
            "finding_balance.disclaimer",
            "finding_balance.quick_exit",
        ),
    ),
    (
        "Markdown extensions and checks",
        (
            "finding_balance.fence_extension",
            "finding_balance.quiz.markdown",
            "finding_balance.quiz.reached",
            "finding_balance.helplines.markdown",
            "finding_balance.helplines.verify",
            "finding_balance.helplines.report",
            "finding_balance.helplines.commands",
            "finding_balance.anchors.collisions",
        ),
    ),
    (
        "site passes",
        (
            "finding_balance.site",
            "finding_balance.site.page",
            "finding_balance.site.built",
            "finding_balance.feature",
            "finding_balance.handouts.qr_cache",
            "finding_balance.handouts.printout",
            "finding_balance.anchors.old_anchors",
            "finding_balance.anchors.copy_links",
            "finding_balance.anchors.quiz_links",
            "finding_balance.counsellors.directory",
            "finding_balance.counsellors.packs",
            "finding_balance.policy.csp",
            "finding_balance.policy.headers",
            "finding_balance.languages.sitemap",
        ),
    ),
    (
        "features",
        (
            "finding_balance.site.feature",
            "finding_balance.disclaimer.feature",
            "finding_balance.quiz.feature",
            "finding_balance.quick_exit.feature",
            "finding_balance.anchors.feature",
            "finding_balance.languages.feature",
            "finding_balance.handouts.feature",
            "finding_balance.policy.feature",
            "finding_balance.counsellors.feature",
            "finding_balance.helplines.feature",
            "finding_balance.registry",
        ),
    ),
    (
        "the build",
        (
            "finding_balance.check",
            "finding_balance.site.bundle",
            "finding_balance.site.finish",
            "finding_balance.site.parallel",
        ),
    ),
    ("gates", ("finding_balance.gates.*",)),
    ("engine glue", ("finding_balance.engines.*", "finding_balance.new_site", "finding_balance.__main__")),
)

#: A path under one of the repository's top-level folders, ending in a file name with an extension.
#: Not inside a longer path or address (``https://host/docs/x.md``), not followed by a placeholder.
_PATH = r"(?<![\w./-])(?:{folders})/[\w./-]*\.[A-Za-z0-9]+(?![\w/*<{{-])"
#: Made-up pages and data files of the temporary sites the tests build.
#: Top-level folders that are gone: a path under one of them is stale wherever it is named.
GONE = ("hooks", "overrides")
#: The starter site of ``python -m finding_balance new``: its paths are those of the new site.
STARTER = "finding_balance/starter/"
_TEST_DATA = re.compile(r"^(?:docs(?:-[a-z]{2,3})?|helplines)/[^/]+\.(?:md|yml)$")


def tracked_files() -> list[str]:
    listed = subprocess.run(["git", "ls-files"], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True)
    return [name for name in listed.stdout.splitlines() if (PROJECT_ROOT / name).is_file()]


def named_paths(text: str, folders: list[str]) -> Iterator[tuple[int, str]]:
    """Each repository path written in ``text``, with its line."""
    pattern = re.compile(_PATH.format(folders="|".join(re.escape(folder) for folder in folders)))
    for match in pattern.finditer(text):
        yield text.count("\n", 0, match.start()) + 1, match[0]


def missing_paths(root: Path, files: list[str]) -> list[str]:
    """``file:line: path`` for each path named in ``files`` (relative to ``root``) that does not exist."""
    folders = sorted({name.split("/")[0] for name in files if "/" in name} | set(GONE))
    problems = []
    for name in files:
        if name.startswith(STARTER):
            continue
        try:
            text = (root / name).read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue  # not a text file
        for line, path in named_paths(text, folders):
            if (root / path).exists() or (name.startswith("tests/") and _TEST_DATA.match(path)):
                continue
            problems.append(f"{name}:{line}: {path}")
    return problems


def test_every_path_the_repository_names_exists() -> None:
    assert missing_paths(PROJECT_ROOT, tracked_files()) == []


def test_a_path_that_is_gone_is_found(tmp_path: Path) -> None:
    # A folder this repository does not have, so that these made-up paths are not read as its own.
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "real.md").write_text("see notes/real.md, not notes/gone.md or notes/*.md\n")
    (tmp_path / "README.md").write_text("`notes/real.md`, `https://example.org/notes/x.md`, `notes/<name>.md`\n")
    assert missing_paths(tmp_path, ["notes/real.md", "README.md"]) == ["notes/real.md:1: notes/gone.md"]


# ---------------------------------------------------------------------------------------------------
# Imports


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def our_modules(root: Path) -> dict[str, Path]:
    """Every module of ``finding_balance/`` by its dotted name (not the starter site's tests, which are
    files a new site gets, not modules of the package)."""
    starter = root / "finding_balance" / "starter"
    paths = [path for path in sorted((root / "finding_balance").rglob("*.py")) if not path.is_relative_to(starter)]
    return {module_name(path, root): path for path in paths}


def imports_of(path: Path, root: Path, modules: dict[str, Path]) -> set[str]:
    """The modules of ours that ``path`` imports, anywhere in the file."""
    module = module_name(path, root)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                anchor = ".".join(parts[: len(parts) - node.level + 1])
                base = f"{anchor}.{base}" if base else anchor
            names = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base for alias in node.names]
        else:
            continue
        for name in names:
            while name and name not in modules:
                name = name.rpartition(".")[0]
            if name:
                found.add(name)
    return found


def import_graph(root: Path) -> dict[str, set[str]]:
    modules = our_modules(root)
    return {name: imports_of(path, root, modules) - {name} for name, path in modules.items()}


def names(entry: str, module: str) -> bool:
    package = entry.removesuffix(".*")
    return module == package or (entry.endswith(".*") and module.startswith(f"{package}."))


def layer_of(module: str) -> int | None:
    """The index in ``LAYERS`` of the layer that names ``module``."""
    return next((index for index, (_, entries) in enumerate(LAYERS) if any(names(e, module) for e in entries)), None)


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Each circle of imports, once (strongly connected components of more than one module)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for imported in sorted(graph.get(module, ())):
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == module:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return found


def layer_problems(graph: dict[str, set[str]]) -> list[str]:
    problems = [f"{module} is in no layer of LAYERS" for module in sorted(graph) if layer_of(module) is None]
    for module, imported in sorted(graph.items()):
        own = layer_of(module)
        for target in sorted(imported):
            theirs = layer_of(target)
            if own is not None and theirs is not None and theirs > own:
                problems.append(
                    f"{module} ({LAYERS[own][0]}) imports {target}, of a higher layer ({LAYERS[theirs][0]})"
                )
    return problems


def test_imports_form_no_cycle() -> None:
    assert cycles(import_graph(PROJECT_ROOT)) == []


def test_imports_only_go_down_the_layers() -> None:
    assert layer_problems(import_graph(PROJECT_ROOT)) == []


def test_every_feature_folder_is_in_the_registry() -> None:
    """A folder with a ``feature.py`` is a feature only once the registry lists it, under its name."""
    from finding_balance.registry import FEATURES

    folders = {path.parent.name for path in (PROJECT_ROOT / "finding_balance").glob("*/feature.py")}
    assert sorted(feature.name for feature in FEATURES) == sorted(folders)


def test_a_cycle_and_an_import_up_the_layers_are_found(tmp_path: Path) -> None:
    package = tmp_path / "finding_balance"
    (package / "site").mkdir(parents=True)
    (tmp_path / "hooks").mkdir()
    (package / "__init__.py").write_text("")
    (package / "site" / "__init__.py").write_text("")
    (package / "errors.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import finding_balance.urls\n"
    )
    (package / "urls.py").write_text("def f():\n    from finding_balance import errors\n")
    (package / "messages.py").write_text("from finding_balance.site.finish import x\n")
    (package / "site" / "finish.py").write_text("from . import page\n")
    (package / "site" / "page.py").write_text("")
    (package / "stray.py").write_text("")
    graph = import_graph(tmp_path)
    assert graph["finding_balance.site.finish"] == {"finding_balance.site.page"}
    assert cycles(graph) == [["finding_balance.errors", "finding_balance.urls"]]
    assert layer_problems(graph) == [
        "finding_balance.stray is in no layer of LAYERS",
        "finding_balance.messages (basics) imports finding_balance.site.finish, of a higher layer (the build)",
    ]
