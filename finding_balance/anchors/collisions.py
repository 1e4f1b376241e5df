"""Anchors that collide on a page: an id used twice in its HTML, and the Markdown lines that declare it.

A page's anchors share one namespace: each quiz's ``quiz-<id>``, heading anchors (written as
``{#anchor}`` or made from the heading's words), ``attr_list`` ids, raw HTML ids and the old anchors of
``extra.anchor_redirects``. Two of them with the same name make a link land on the wrong element, so
the build stops with one ``file:line`` message instead.

- ``duplicate_ids``: the ids used more than once in a page's HTML (its article's ids).
- ``declarations``: where in a page's Markdown source an anchor comes from (line and what).
- ``collision_message``: the one-line message naming every place.
- ``page_collision``: the three above together, for one page: the message for its first duplicate.

Pure functions over strings, free of MkDocs: a pass of the finishing of each built page, under every
engine.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import yaml
from markdown.extensions.toc import slugify as toc_slugify

from finding_balance.article import Article, read_article
from finding_balance.quiz.fences import LINE_BREAK, Fence, scan

#: Separator between a quiz's anchor and the part inside it (``quiz-alpha--title``). Quiz ids never
#: contain it, so no inner id can be another quiz's anchor (``finding_balance/theme/partials/quiz.html``).
QUIZ_INNER_SEPARATOR = "--"

Slugify = Callable[[str, str], str]


@dataclass(frozen=True)
class Declaration:
    """One place in a page's Markdown that gives an element the anchor: its line (1-based, counting
    the front matter) and what it is ("the heading", "the quiz 'alpha'")."""

    line: int
    what: str
    is_quiz: bool = False


def duplicate_ids(html: str | Article) -> dict[str, int]:
    """Every ``id`` that more than one element of ``html`` (or of its article, already read)
    carries, with how many, in page order."""
    return (html if isinstance(html, Article) else read_article(html)).duplicate_ids()


# ---------------------------------------------------------------------------------------------------
# Where an anchor is declared in the Markdown

_ATX_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+(?P<text>.*?)[ \t]*$")
_SETEXT_UNDERLINE = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
_ATTR_LIST = re.compile(r"\{:?(?P<body>[^{}\n]*)\}")
_TRAILING_ATTR_LIST = re.compile(r"[ \t]*\{:?[^{}\n]*\}[ \t]*$")
_CLOSING_HASHES = re.compile(r"[ \t]+#+[ \t]*$")
_INLINE_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_HTML_TAG = re.compile(r"<[A-Za-z][^<>]*>|<[A-Za-z][^<>]*$")
_CODE_SPAN = re.compile(r"(`+)[^`].*?\1")
_HTML_ID = re.compile(r"""(?:^|\s)id\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.IGNORECASE)


def _attr_list_ids(body: str) -> list[str]:
    """Ids an attr_list (``{: #one .class id="two" }``) sets."""
    ids = [token[1:] for token in body.split() if token.startswith("#") and len(token) > 1]
    ids += [next(group for group in match.groups() if group is not None) for match in _HTML_ID.finditer(body)]
    return ids


def _html_ids(line: str) -> list[str]:
    ids = []
    for tag in _HTML_TAG.finditer(line):
        for match in _HTML_ID.finditer(tag.group()):
            ids.append(next(group for group in match.groups() if group is not None))
    return ids


def _heading_anchor(text: str, slugify: Slugify) -> str:
    """The anchor of a heading with ``text``: the one written as ``{#anchor}``, else the one the toc
    extension makes from its words."""
    trailing = _TRAILING_ATTR_LIST.search(text)
    if trailing:
        explicit = _attr_list_ids(_ATTR_LIST.search(trailing.group())["body"])
        if explicit:
            return explicit[-1]
        text = text[: trailing.start()]
    text = _CLOSING_HASHES.sub("", text)
    words = _INLINE_LINK.sub(r"\1", text).replace("`", "").replace("*", "")
    return slugify(re.sub(r"<[^>]*>", "", words), "-")


_ID_LINE = re.compile(r"""^id[ \t]*:[ \t]*["']?([a-z0-9-]+)["']?[ \t]*$""")


def _quiz_id(body: list[str]) -> str | None:
    """The ``id`` of a quiz fence's YAML body, read as YAML or else from its ``id:`` line."""
    try:
        data = yaml.safe_load("\n".join(body))
    except yaml.YAMLError:
        data = None
    quiz_id = data.get("id") if isinstance(data, dict) else None
    if isinstance(quiz_id, str):
        return quiz_id
    return next((match[1] for line in body if (match := _ID_LINE.match(line))), None)


def declarations(anchor: str, source: str, slugify: Slugify = toc_slugify) -> list[Declaration]:
    """Every place in ``source`` (a page's whole Markdown file, front matter included) that declares
    ``anchor``, in line order: a quiz (``quiz-<id>`` and the ids inside it), a heading (its ``{#...}``
    or the anchor made from its words), an attr_list ``{: #...}``, a raw HTML ``id``. Fenced code and
    the front matter are skipped. Best effort: an id that a plugin or template adds is not found."""
    lines = LINE_BREAK.split(source.removeprefix("\ufeff"))
    found: list[Declaration] = []
    start = 0
    if lines and lines[0].rstrip() == "---":
        closing = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
        start = closing + 1 if closing is not None else 0
    for found_line in scan(lines, start):
        if isinstance(found_line, Fence):
            quiz_id = _quiz_id(found_line.body) if found_line.is_quiz and found_line.closed else None
            if quiz_id and (anchor == f"quiz-{quiz_id}" or anchor.startswith(f"quiz-{quiz_id}{QUIZ_INNER_SEPARATOR}")):
                found.append(Declaration(found_line.line, f"the quiz '{quiz_id}'", is_quiz=True))
            continue
        index, line = found_line
        number = index + 1
        heading = _ATX_HEADING.match(line)
        underline = index + 1 < len(lines) and _SETEXT_UNDERLINE.match(lines[index + 1])
        if not heading and underline and line.strip() and not line.lstrip().startswith(("-", "*", "+", ">", "<")):
            text = line.strip()
        else:
            text = heading["text"] if heading else None
        if text is not None and _heading_anchor(text, slugify) == anchor:
            found.append(Declaration(number, "the heading"))
            continue
        line = _CODE_SPAN.sub("", line)
        for attributes in _ATTR_LIST.finditer(line):
            if anchor in _attr_list_ids(attributes["body"]):
                found.append(Declaration(number, f"the attribute list '{attributes.group()}'"))
        html_ids = _html_ids(_ATTR_LIST.sub("", line))
        found += [Declaration(number, "the HTML element") for html_id in html_ids if html_id == anchor]
    return found


# ---------------------------------------------------------------------------------------------------
# The message


def _times(count: int) -> str:
    return "twice" if count == 2 else f"{count} times"


UNIQUE_HINT = "an anchor must be unique on its page, so rename one of them"


def collision_message(
    filename: str,
    anchor: str,
    count: int,
    found: list[Declaration],
    others: tuple[str, ...] = (),
    hint: str = UNIQUE_HINT,
) -> str:
    """One line naming every place that uses ``anchor`` on the page ``filename``.

    The line it starts with is the author's own anchor when a quiz is involved (a quiz's anchor is a
    published address), else the last one written. ``others`` are places outside the page (such as a
    redirect in mkdocs.yml), named after the page's own.
    """
    authors = [declaration for declaration in found if not declaration.is_quiz]
    blamed = authors[-1] if authors else (found[-1] if found else None)
    places = ([blamed] if blamed else []) + [declaration for declaration in found if declaration is not blamed]
    named = [f"{place.what} on line {place.line}" for place in places] + list(others)
    missing = count - len(named)
    if missing == 1:
        named.append("an element the Markdown does not show (a template or plugin adds it)")
    elif missing > 1:
        named.append(f"{missing} elements the Markdown does not show (a template or plugin adds them)")
    where = f"{filename}:{blamed.line if blamed else 1}"
    if len(named) > 2:
        listed = ", ".join(f"by {name}" for name in named[:-1]) + f" and by {named[-1]}"
    else:
        listed = " and ".join(f"by {name}" for name in named)
    return f"{where}: the anchor '{anchor}' is used {_times(max(count, len(named)))} on this page: {listed}; {hint}"


def page_collision(html: str | Article, source: str, filename: str, slugify: Slugify = toc_slugify) -> str | None:
    """The message for the first id that ``html`` (a page's content, or its article) uses twice, or ``None``.

    ``source`` is the page's Markdown file as written and ``filename`` the name to show for it.
    """
    duplicates = duplicate_ids(html)
    if not duplicates:
        return None
    anchor, count = next(iter(duplicates.items()))
    return collision_message(filename, anchor, count, declarations(anchor, source, slugify))
