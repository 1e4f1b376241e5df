"""Quizzes kept between builds: a quiz that did not change is not read and rendered again.

Where: ``.cache/finding-balance/quizzes-<config file name>.json`` beside the edition's config (each
edition its own file, beside the QR codes of ``finding_balance.handouts.qr_cache``), never in ``site/``.
Deleting the folder (or ``make clean``) clears it; the next build reads and renders every quiz.

Why it is safe:

- An entry is found by a digest of everything the quiz's HTML and its check depend on: the quiz's
  YAML, its heading level, the page it is on and how the engine makes its links (``PageContext``),
  the quiz wording (``extra.quiz``) and the language, the list of every file in the docs folder
  (a link to a page that is gone must stop the build again), and the text of the two templates as
  the build finds them (``template_digest``: a site's own ``partials/quiz.html`` in its
  ``custom_dir`` wins over ours, and a change to it shows on the next build). Change any of them and the digest is
  new: the quiz is read, checked and rendered as on a first build.
- The file is for one version of the code that makes quizzes: the text of the modules that read,
  render and link a quiz (``_CODE_FILES``: ``quiz/`` and the page context, addresses and templates
  they use), of the templates ``finding_balance/theme/partials/quiz.html`` and ``quiz-search.html``, and the
  versions of Markdown, pymdown-extensions and Jinja. When any of them changes, the whole file is ignored.
- What is kept is only what a build that checked the quiz made of it, with no mistake: a quiz with a
  mistake is never kept, so it stops every build. A file that cannot be read, or an entry of the wrong
  shape, is ignored. Ids used twice across the site are checked on every build, kept or not.
- A build writes back only the quizzes it used, replacing the file whole; a build that stops half
  way writes nothing (``finding_balance.json_cache``).

Under MkDocs and ProperDocs the build's ``QuizMemo`` has one; Zensical builds read and render every quiz.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any, NamedTuple

import jinja2
import markdown
import pymdownx

from finding_balance.json_cache import CACHE_FOLDER, JsonCache
from finding_balance.page_context import PageContext
from finding_balance.quiz.model import source_key
from finding_balance.quiz.render import SEARCH_TEMPLATE_NAME, TEMPLATE_NAME
from finding_balance.templates import THEME_DIR, template_digest

_PACKAGE = Path(__file__).resolve().parent
_CODE_FILES = (
    _PACKAGE / "fences.py",
    _PACKAGE / "model.py",
    _PACKAGE / "links.py",
    _PACKAGE / "memo.py",
    _PACKAGE / "render.py",
    _PACKAGE / "markdown.py",
    _PACKAGE / "cache.py",
    _PACKAGE.parent / "templates.py",
    _PACKAGE.parent / "page_context.py",
    _PACKAGE.parent / "urls.py",
    THEME_DIR / TEMPLATE_NAME,
    THEME_DIR / SEARCH_TEMPLATE_NAME,
)


def code_version() -> str:
    """What the quizzes of a file were made with (see the module's docstring)."""
    libraries = [f"{module.__name__} {module.__version__}" for module in (markdown, pymdownx, jinja2)]
    files = [f"{path.name} {hashlib.sha256(path.read_bytes()).hexdigest()[:16]}" for path in _CODE_FILES]
    return "; ".join(libraries + files)


def cache_file(config_file: Path, folder: Path | str = CACHE_FOLDER) -> Path:
    """The file of the edition whose config is ``config_file``, in the cache ``folder`` (relative to
    the config's folder)."""
    return config_file.parent / folder / f"quizzes-{config_file.name}.json"


class KeptQuiz(NamedTuple):
    """A quiz as an earlier build checked and rendered it."""

    id: str
    html: str
    search_view: str


class QuizCache:
    """Quizzes from the file of an earlier build, and the ones this build adds.

    ``pages``: every file of the docs folder (the links of a quiz are checked against them)."""

    def __init__(self, path: Path, pages: Iterable[str]) -> None:
        self.path = path
        self.version = code_version()
        self._pages = hashlib.sha256("\n".join(sorted(pages)).encode()).hexdigest()
        self._file = JsonCache(path, self.version, "version", "quizzes")
        self._file.known()  # read now: a build writes back only the quizzes it used, even none
        self._templates: dict[str | None, str] = {}

    def key(self, context: PageContext, heading_level: int, quiz_source: str) -> str:
        """The digest of the quiz whose YAML is ``quiz_source``, at ``heading_level`` on the page of
        ``context``."""
        material = [
            context.source,
            context.directory_urls,
            context.links_resolved_by_engine,
            (context.extra or {}).get("quiz"),
            context.language,
            heading_level,
            source_key(quiz_source),
            self._pages,
            self._template_digest(context.theme_dir),
        ]
        return hashlib.sha256(json.dumps(material, sort_keys=True, default=str).encode()).hexdigest()

    def _template_digest(self, theme_dir: str | None) -> str:
        """The quiz templates as this build finds them, read once a build."""
        if theme_dir not in self._templates:
            self._templates[theme_dir] = template_digest((TEMPLATE_NAME, SEARCH_TEMPLATE_NAME), theme_dir)
        return self._templates[theme_dir]

    def get(self, key: str) -> KeptQuiz | None:
        entry = self._file.get(key, _is_kept_quiz)
        return None if entry is None else KeptQuiz(*entry)

    def put(self, key: str, kept: KeptQuiz) -> None:
        self._file.put(key, list(kept))

    def save(self) -> None:
        """Write the quizzes this build used, when they differ from the file's."""
        self._file.save()


def _is_kept_quiz(entry: Any) -> bool:
    return isinstance(entry, list) and len(entry) == 3 and all(isinstance(part, str) for part in entry)
