"""The check before the build: every authoring mistake in an edition's pages and config, engine-free.

One pass over an edition's config and Markdown files finds what would otherwise stop (or silently
spoil) a build: our ``extra:`` settings (``resolve_extra``: each feature's, read by the readers it
declares, over ``finding_balance.registry``), ``extra.anchor_redirects``, and every quiz (its YAML,
keys and ranges, ids used twice across the site, links to pages that do not exist or that use a
refused scheme). Each problem is one line naming the file and the line: ``docs/trust.md:74: quiz
'x': ...``, the edition's own files (``docs-es/``, ``mkdocs.es.yml``:
``finding_balance.messages.EditionFiles``).

Under MkDocs and ProperDocs the plugin runs it page by page as MkDocs reads the pages (and the
settings when the build starts); for Zensical the build command runs ``check_edition`` first.
"""

from __future__ import annotations

import os
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from finding_balance.anchors.redirects import AnchorRedirect, parse_anchor_redirects
from finding_balance.editions import Edition
from finding_balance.errors import AuthorError
from finding_balance.fence_extension import order_problem
from finding_balance.messages import DEFAULT_FILES, EditionFiles, edition_files
from finding_balance.page_context import PageContext
from finding_balance.quiz.links import link_target, resolve_link
from finding_balance.quiz.memo import QuizMemo
from finding_balance.quiz.model import DEFAULT_SCALE, QuizError, find_quiz_blocks, parse_quiz
from finding_balance.quiz.render import LinkError, TextRenderer, render_texts
from finding_balance.quiz.settings import scale_labels
from finding_balance.registry import FEATURES
from finding_balance.settings import EditionSettings, SettingsError


class CheckedSettings(NamedTuple):
    """Our settings checked: ``extra`` completed with the defaults (what the templates read), and the
    anchor redirects read (what the finishing passes use)."""

    extra: dict[str, Any]
    redirects: tuple[AnchorRedirect, ...]


class CheckedQuiz(NamedTuple):
    """A quiz the check found without a mistake: its id and the line of its fence."""

    id: str
    line: int


@dataclass
class QuizIds:
    """Where each quiz id was first seen (``docs/trust.md:12``), to name both places of a duplicate."""

    places: dict[str, str] = field(default_factory=dict)


def check_page(
    display_path: str,
    source: str,
    text: str,
    pages: Collection[str],
    seen: QuizIds,
    renderer: TextRenderer | None = None,
    default_scale: tuple[str, ...] = DEFAULT_SCALE,
    context: PageContext | None = None,
    memo: QuizMemo | None = None,
) -> list[CheckedQuiz]:
    """Check the quizzes of one Markdown page (``text`` is the whole file, front matter included, so
    lines are the file's own). ``source`` is the page relative to the docs folder, ``pages`` every
    file there (a set, made once a build, saves remaking it for every page). Returns the page's
    quizzes, or raises ``AuthorError`` with the first mistake.

    With ``context`` (the page as the engine converts it) links are also resolved as the page needs
    them, and with ``memo`` each quiz and its rendered text are left there for the Markdown extension,
    which then does not read the quiz again."""
    if "quiz" not in text:  # no fence, quoted or not, can name a quiz
        return []
    renderer = renderer or (memo.renderer if memo else TextRenderer())
    existing = pages if isinstance(pages, set | frozenset) else set(pages)
    text = text.replace("\r\n", "\n").removeprefix("\ufeff")
    # The docs folder as the author knows it: ``docs-es/`` for ``docs-es/trust.md``.
    docs_folder = display_path.removesuffix(source) if display_path.endswith(source) else "docs/"
    try:
        blocks = find_quiz_blocks(text)
    except QuizError as error:
        raise AuthorError([error.describe(display_path)]) from None
    quizzes = []
    for block in blocks:
        kept = memo.kept(context, block, default_scale) if memo is not None and context is not None else None
        if kept is not None:
            # Checked and rendered by an earlier build, unchanged since: only the ids are site-wide.
            _note_id(kept.id, f"{display_path}:{block.line}", seen)
            quizzes.append(CheckedQuiz(kept.id, block.line))
            continue
        try:
            quiz = parse_quiz(block, default_scale)
        except QuizError as error:
            raise AuthorError([error.describe(display_path)]) from None
        where = f"{display_path}:{block.line}"
        _note_id(quiz.id, where, seen)

        def check_link(href: str) -> str:
            target = link_target(source, href)
            if target is not None and target[0] not in existing:
                raise LinkError(f"the link '{href}' goes to {docs_folder}{target[0]}, which does not exist")
            return href if context is None else resolve_link(context, href)

        texts, problems = render_texts(quiz, renderer, check_link)
        if problems:
            raise AuthorError([QuizError(problems[0], block.line, quiz.id).describe(display_path)])
        if memo is not None and context is not None:
            memo.remember(context, block.source, default_scale, quiz, texts)
        quizzes.append(CheckedQuiz(quiz.id, block.line))
    return quizzes


def _note_id(quiz_id: str, where: str, seen: QuizIds) -> None:
    if quiz_id in seen.places:
        raise AuthorError(
            [
                f"{where}: quiz '{quiz_id}': the id is already used by the quiz at {seen.places[quiz_id]}; "
                "every quiz needs its own id."
            ]
        )
    seen.places[quiz_id] = where


def resolve_extra(
    extra: Mapping[str, Any], language: str = "en", site_name: str = "", base: Path | None = None
) -> dict[str, Any]:
    """Every setting of ours under ``extra``, checked, with the defaults of ``language`` filled in:
    each feature's (``finding_balance.registry``), in the registry's order, then the ``language``.

    The keys are the ones the templates read (``config.extra.disclaimer`` and so on). ``base`` is the
    folder of the edition's config, against which the helplines data file is found. Raises
    ``SettingsError``.
    """
    edition = EditionSettings(language, site_name, base)
    resolved = {key: read(extra.get(key), edition) for feature in FEATURES for key, read in feature.settings}
    resolved["language"] = language
    return resolved


def check_settings(
    extra: Mapping[str, Any],
    pages: Iterable[str] | None,
    language: str = "en",
    untranslated: Iterable[str] = (),
    site_name: str = "",
    base: Path | None = None,
    files: EditionFiles = DEFAULT_FILES,
) -> CheckedSettings:
    """Our ``extra:`` settings checked and completed, once a build; raises ``AuthorError`` naming the
    key (or the helplines file and line). ``base`` is the config's folder, where the helplines file is
    found. With ``pages`` (every file of the docs folder), the pages that anchor redirects name must
    exist (else ``check_redirect_pages`` checks them once the engine lists the pages). Messages name
    the edition's ``files``."""
    missing = list(untranslated)
    if missing:
        raise AuthorError(
            [
                f"{files.config}: {missing[0]} is set for another language, but not for '{language}': give this "
                f"edition's own under {missing[0]} in its config (for example mkdocs.{language}.yml)."
            ]
        )
    try:
        checked = CheckedSettings(
            resolve_extra(extra, language, site_name, base),
            tuple(parse_anchor_redirects(extra.get("anchor_redirects"))),
        )
    except SettingsError as error:
        raise AuthorError([error.naming(files.config)]) from None
    if pages is not None:
        check_redirect_pages(checked.redirects, pages, files)
    return checked


def check_redirect_pages(
    redirects: Iterable[AnchorRedirect], pages: Iterable[str], files: EditionFiles = DEFAULT_FILES
) -> None:
    """The pages that anchor redirects name must exist among ``pages`` (the docs folder's files);
    raises ``AuthorError`` naming the redirect in the edition's config (``files``)."""
    existing = set(pages)
    for redirect in redirects:
        if redirect.page not in existing:
            raise AuthorError(
                [
                    f"{files.config}: {redirect.name}: {files.page(redirect.page)} does not exist; "
                    "when a whole page moves, "
                    "redirect it under plugins.redirects.redirect_maps, then redirect its anchors from the new page."
                ]
            )
        if redirect.target_page not in existing:
            target = files.page(redirect.target_page)
            raise AuthorError([f"{files.config}: {redirect.name}: the target {target} does not exist."])


#: The extension every edition lists after superfences (``finding_balance.fence_extension``).
QUIZ_EXTENSION = "finding_balance.quiz.markdown"


def check_extension_order(listed: Any, files: EditionFiles = DEFAULT_FILES) -> None:
    """The config's ``markdown_extensions`` (a mapping of names to options, or a list of names and such
    mappings, as MkDocs reads it) hold the quiz extension after superfences; raises ``AuthorError``
    naming the config file."""
    entries = [listed] if isinstance(listed, Mapping) else listed if isinstance(listed, list) else []
    extensions = [name for entry in entries for name in (entry if isinstance(entry, Mapping) else [entry])]
    problem = order_problem([str(name) for name in extensions], QUIZ_EXTENSION, files.config)
    if problem:
        raise AuthorError([problem])


def docs_files(docs_dir: Path) -> list[str]:
    """Every file of the docs folder, relative to it, with ``/`` separators."""
    return sorted(path.relative_to(docs_dir).as_posix() for path in docs_dir.rglob("*") if path.is_file())


class CheckedEdition(NamedTuple):
    """An edition without a mistake: its settings, and the quizzes of each page (by its file in the
    docs folder), for the pass over the built site to find them there."""

    settings: CheckedSettings
    quizzes: dict[str, list[CheckedQuiz]]


def check_edition(edition: Edition) -> CheckedEdition:
    """Check one edition (a config and its docs folder); raises ``AuthorError`` on the first mistake."""
    files = docs_files(edition.docs_dir)
    existing = frozenset(files)
    site_name = str(edition.raw.get("site_name") or "")
    base = edition.config_file.parent
    names = edition_files(edition.config_file, edition.docs_dir)
    check_extension_order(edition.raw.get("markdown_extensions"), names)
    settings = check_settings(edition.extra, files, edition.language, edition.untranslated, site_name, base, names)
    default_scale = scale_labels(settings.extra["quiz"])
    seen = QuizIds()
    renderer = TextRenderer()
    found: dict[str, list[CheckedQuiz]] = {}
    for source in files:
        if not source.endswith(".md"):
            continue
        path = edition.docs_dir / source
        display = os.path.relpath(path, base).replace(os.sep, "/")
        text = path.read_text(encoding="utf-8-sig")
        found[source] = check_page(display, source, text, existing, seen, renderer, default_scale)
    return CheckedEdition(settings, found)
