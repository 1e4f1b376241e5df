"""Checking an edition's wording against its glossary (``finding_balance/locales/glossary.<lang>.yml``).

A glossary lists, for each idea, the term we use and the words to avoid, and rules that a word list
cannot express (a regular expression with its reason). This module reads a glossary, gathers
everything an edition says in its language (its pages, its strings file, the wording in its MkDocs
config, and its label in the other editions' configs), hides what is not prose (front matter keys,
quiz keys and ids, code, link targets, anchors, HTML tags, URLs, YAML keys and comments,
placeholders), and finds the avoided words in every form: case- and accent-insensitive (``ñ`` stays a
letter of its own), across line breaks, each word by its stem (the Snowball stemmer of the language,
so "venga", "vengan" and "vendría" of one verb, or "solo", "sola" and "solas", are one word), with an
enclitic pronoun taken off ("púlsalo"), and, where a phrase says ``…``, with up to three other words
in between. A word written ``=word`` matches that exact word only. A word listed under an entry's
``allow`` is accepted only inside one of those longer phrases. Hidden parts are blanked in place, so
every match keeps its line number. Used by ``tests/content/test_glossary.py``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import snowballstemmer
import yaml

from support import PROJECT_ROOT

LOCALES = PROJECT_ROOT / "finding_balance" / "locales"

#: Quiz keys whose whole line is not reader-facing wording.
QUIZ_CODE_KEYS = frozenset({"id", "type", "best", "reverse", "range"})
#: Config keys whose whole line is not wording: paths, addresses, codes, theme settings.
CONFIG_CODE_KEYS = frozenset(
    {
        "url",
        "site_url",
        "docs_dir",
        "site_dir",
        "INHERIT",
        "language",
        "icon",
        "media",
        "scheme",
        "primary",
        "accent",
        "default",
        "permalink",
        "custom_dir",
    }
)
#: Front matter keys whose values readers see.
FRONT_MATTER_TEXT_KEYS = frozenset({"title", "description"})

_FENCE = re.compile(r"^\s*(`{3,}|~{3,})\s*([\w-]*)")
_YAML_KEY = re.compile(r"^(\s*(?:-\s+)?)([^\s#:'\"][^:#\n]*?):(?=\s|$)")
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_BLOCK_SCALAR = re.compile(r":\s*[>|][-+]?\s*$")
_PATH_VALUE = re.compile(r"\s*\S+\.(?:md|ya?ml|html)\s*$")
#: Parts of any text that are never wording.
_NOT_WORDING = (
    re.compile(r"`[^`\n]*`"),  # inline code
    re.compile(r"(?<=\])\([^)\s]*\)"),  # link targets
    re.compile(r"\{\s*[:#.][^}\n]*\}"),  # attribute lists and anchors: {#anchor}, { .class }
    re.compile(r"\{[a-z_]+\}"),  # placeholders: {name}
    re.compile(r"<[^>\n]+>"),  # HTML tags
    re.compile(r":[a-z0-9]+(?:-[a-z0-9]+)+:"),  # icon shortcodes
    re.compile(r"^[ \t]*(?:!!!|\?\?\?\+?)[ \t]+[\w-]+", re.MULTILINE),  # admonition markers
    re.compile(r"https?://\S+"),
)


#: The Snowball stemmer of each glossary's language. Arabic has none here: its stemmer strips the
#: letters that mark a verb's person ("تستطيع", you can, and "يستطيع", he can, share one stem), which
#: are exactly what its glossary checks, so Arabic avoided words are matched as written.
STEMMERS = {"es": "spanish", "fr": "french", "pt": "portuguese"}
#: Pronouns a Spanish verb can carry at its end ("púlsalo", "dáselo"), longest first.
ENCLITICS = {"es": ("selos", "selas", "selo", "sela", "los", "las", "les", "nos", "lo", "la", "le", "me", "te", "se")}
#: In an avoided phrase, the mark for "up to MAX_GAP other words may come here".
GAP = "…"
MAX_GAP = 3
_WORD = re.compile(r"\w+")
#: What may not stand between two words of a phrase (a sentence or a clause ends).
_BREAK = re.compile(r"[.!?;:()«»\"“”\[\]]")


@dataclass(frozen=True)
class Allowed:
    text: str
    why: str


@dataclass(frozen=True)
class Entry:
    """A glossary entry: words to avoid (``avoid``) or a rule (``pattern``, a regular expression on
    lower-case text without accents), the term to write instead and why."""

    english: str
    spanish: str
    avoid: tuple[str, ...]
    why: str
    allow: tuple[Allowed, ...] = ()
    pattern: str = ""
    catches: tuple[str, ...] = ()
    passes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Glossary:
    path: Path
    language: str
    entries: tuple[Entry, ...]


@dataclass(frozen=True)
class Source:
    """Some wording of an edition: where it is, its text as written, and the same with non-wording blanked."""

    where: str
    text: str
    wording: str


@dataclass(frozen=True)
class Hit:
    where: str
    line: int
    found: str
    entry: Entry

    def __str__(self) -> str:
        return (
            f"{self.where}:{self.line}: «{self.found}» ({self.entry.english}): write «{self.entry.spanish}» "
            f"instead. Why: {' '.join(self.entry.why.split())}"
        )


class GlossaryError(ValueError):
    """A glossary file that does not follow the format described at its top."""


@cache
def _lower_char(char: str) -> str:
    lower = char.lower()
    return lower if len(lower) == 1 else char


@cache
def _fold_char(char: str) -> str:
    char = _lower_char(char)
    return char if char == "ñ" else unicodedata.normalize("NFD", char)[0]


def lower(text: str) -> str:
    """Lower case, one character for one (so offsets stay); accents kept."""
    return "".join(map(_lower_char, text))


def fold(text: str) -> str:
    """Lower case without accents, one character for one (so offsets stay), keeping ñ as a letter."""
    return "".join(map(_fold_char, text))


@cache
def _stemmer(language: str) -> Callable[[str], str]:
    name = STEMMERS.get(language)
    if name is None:
        return lambda word: word
    stem_word = snowballstemmer.stemmer(name).stemWord
    return cache(stem_word)


@cache
def stems(word: str, language: str) -> frozenset[str]:
    """The stems a lower-case ``word`` may have, with its accents and without (the stemmer reads
    accents, a reader may leave them out), and its verb's without an enclitic pronoun."""
    stem = _stemmer(language)
    plain = fold(word)
    found = {stem(word), stem(plain)}
    # A command with a pronoun at its end carries a written accent ("púlsalo", "cuéntaselo").
    if plain != word:
        for pronoun in ENCLITICS.get(language, ()):
            if plain.endswith(pronoun) and len(plain) - len(pronoun) >= 4:
                found.add(stem(plain[: -len(pronoun)]))
                break
    return frozenset(found)


@dataclass(frozen=True)
class Word:
    """One word of an avoided phrase: matched by stem, or exactly; ``gap``: other words may come before it."""

    text: str
    stems: frozenset[str]
    exact: bool
    gap: bool


@dataclass(frozen=True)
class Phrase:
    words: tuple[Word, ...]


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str
    stems: frozenset[str]


@cache
def phrase(text: str, language: str) -> Phrase:
    """An avoided or allowed phrase as written in a glossary: words, ``=exact`` words and ``…`` gaps."""
    words: list[Word] = []
    gap = False
    for part in lower(text).replace("...", f" {GAP} ").replace(GAP, f" {GAP} ").split():
        if part == GAP:
            if not words:
                raise GlossaryError(f"«{text}»: a phrase cannot start with {GAP}")
            gap = True
            continue
        exact = part.startswith("=")
        part = part.removeprefix("=")
        if not _WORD.fullmatch(part):
            raise GlossaryError(f"«{text}»: «{part}» is not a word")
        stem = _stemmer(language)
        words.append(Word(fold(part), frozenset({stem(part), stem(fold(part))}), exact, gap))
        gap = False
    if not words:
        raise GlossaryError("an empty word or phrase")
    if gap:
        raise GlossaryError(f"«{text}»: a phrase cannot end with {GAP}")
    return Phrase(tuple(words))


@dataclass(frozen=True)
class Words:
    """Folded text split into words, with the places of each word and of each stem."""

    folded: str
    tokens: tuple[Token, ...]
    by_text: dict[str, list[int]]
    by_stem: dict[str, list[int]]


def words_of(text: str, language: str) -> Words:
    lowered, folded = lower(text), fold(text)
    found = tuple(
        Token(match.start(), match.end(), folded[match.start() : match.end()], stems(match.group(), language))
        for match in _WORD.finditer(lowered)
    )
    by_text: dict[str, list[int]] = {}
    by_stem: dict[str, list[int]] = {}
    for index, token in enumerate(found):
        by_text.setdefault(token.text, []).append(index)
        for stem in token.stems:
            by_stem.setdefault(stem, []).append(index)
    return Words(folded, found, by_text, by_stem)


def _fits(word: Word, token: Token) -> bool:
    return token.text == word.text if word.exact else bool(word.stems & token.stems) or token.text == word.text


def _spans(wanted: Phrase, text: Words) -> Iterator[tuple[int, int]]:
    """Where ``wanted`` occurs in ``text``: (start, end) offsets."""
    first = wanted.words[0]
    starts = set(text.by_text.get(first.text, []))
    if not first.exact:
        for stem in first.stems:
            starts.update(text.by_stem.get(stem, []))
    for index in sorted(starts):
        end = _follow(wanted.words[1:], text.folded, text.tokens, index)
        if end is not None:
            yield text.tokens[index].start, end


def _follow(rest: tuple[Word, ...], folded: str, words: tuple[Token, ...], index: int) -> int | None:
    """The end offset of ``rest`` matched after the token at ``index``, or None."""
    if not rest:
        return words[index].end
    word = rest[0]
    reach = MAX_GAP + 1 if word.gap else 1
    for following in range(index + 1, min(index + 1 + reach, len(words))):
        between = folded[words[index].end : words[following].start]
        if _BREAK.search(between) or (not word.gap and between.strip()):
            return None
        if _fits(word, words[following]):
            end = _follow(rest[1:], folded, words, following)
            if end is not None:
                return end
    return None


def matches(text: str, language: str, glossary_text: str) -> bool:
    """Whether the phrase ``glossary_text`` (as written in a glossary) occurs in ``text``."""
    return any(True for _ in _spans(phrase(glossary_text, language), words_of(text, language)))


def rule_matches(entry: Entry, text: str) -> bool:
    return bool(re.search(entry.pattern, lower(text)))


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
        raise GlossaryError(f"{where}: must be a list of words or phrases")
    return tuple(value)


def _text(raw: dict[str, Any], key: str, where: str) -> str:
    value = raw.get(key)
    if not isinstance(value, str) or not value.strip():
        raise GlossaryError(f"{where}: '{key}' must be some text")
    return value


#: The key of the term to use in each language's glossary (Spanish: ``spanish``, Arabic: ``arabic``).
TERM_KEYS = {"es": "spanish", "ar": "arabic"}


def _entry(raw: Any, where: str, language: str) -> Entry:
    if not isinstance(raw, dict):
        raise GlossaryError(f"{where}: must be a mapping")
    term = TERM_KEYS.get(language, "spanish")
    unknown = set(raw) - {"english", term, "avoid", "why", "allow", "pattern", "catches", "passes"}
    if unknown:
        raise GlossaryError(f"{where}: unknown key(s) {sorted(unknown)}")
    allow = []
    for raw_allowed in raw.get("allow") or []:
        if not isinstance(raw_allowed, dict):
            raise GlossaryError(f"{where}: each 'allow' item needs 'text' and 'why'")
        allow.append(Allowed(_text(raw_allowed, "text", where), _text(raw_allowed, "why", where)))
    avoid = _strings(raw.get("avoid", []), f"{where}: 'avoid'") if raw.get("avoid") else ()
    for text in (*avoid, *(item.text for item in allow)):
        try:
            phrase(text, language)
        except GlossaryError as error:
            raise GlossaryError(f"{where}: {error}") from None
    pattern = ""
    if "pattern" in raw:
        pattern = _text(raw, "pattern", where)
        try:
            re.compile(pattern)
        except re.error as error:
            raise GlossaryError(f"{where}: 'pattern' is not a regular expression ({error})") from None
        if avoid or allow:
            raise GlossaryError(f"{where}: a rule has a 'pattern' or words to 'avoid', not both")
        if not raw.get("catches"):
            raise GlossaryError(f"{where}: a rule needs 'catches', examples it must find")
    elif raw.get("catches") or raw.get("passes"):
        raise GlossaryError(f"{where}: 'catches' and 'passes' belong to a rule with a 'pattern'")
    return Entry(
        english=_text(raw, "english", where),
        spanish=" ".join(_text(raw, term, where).split()),
        avoid=avoid,
        why=_text(raw, "why", where),
        allow=tuple(allow),
        pattern=pattern,
        catches=_strings(raw["catches"], f"{where}: 'catches'") if raw.get("catches") else (),
        passes=_strings(raw["passes"], f"{where}: 'passes'") if raw.get("passes") else (),
    )


def load(path: Path) -> Glossary:
    """Read and check a glossary file."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    language = path.name.removeprefix("glossary.").removesuffix(".yml")
    if not isinstance(data, dict) or data.get("language") != language:
        raise GlossaryError(f"{path.name}: must say 'language: {language}' and list 'entries'")
    if not isinstance(data.get("entries"), list) or not data["entries"]:
        raise GlossaryError(f"{path.name}: 'entries' must be a non-empty list")
    entries = [_entry(raw, f"{path.name}: entry {number}", language) for number, raw in enumerate(data["entries"], 1)]
    return Glossary(path, language, tuple(entries))


def glossaries() -> list[Path]:
    return sorted(LOCALES.glob("glossary.*.yml"))


def _blank(text: str) -> str:
    return re.sub(r"[^\n]", " ", text)


def _blank_matches(text: str, regex: re.Pattern[str]) -> str:
    return regex.sub(lambda match: _blank(match.group()), text)


def _mask_quiz_line(line: str) -> str:
    key = _YAML_KEY.match(line)
    if not key:
        return line
    if key.group(2) in QUIZ_CODE_KEYS:
        return _blank(line)
    rest = line[key.end() :]
    indicator = re.match(r"\s*[>|][-+]?\s*$", rest)
    return _blank(line[: key.end()]) + (_blank(rest) if indicator else rest)


def _closes(line: str, opening: str) -> bool:
    mark = line.strip()
    return len(mark) >= len(opening) and set(mark) == {opening[0]}


def markdown_wording(text: str) -> str:
    """``text`` of a Markdown page with everything but reader-facing wording blanked."""
    lines = text.split("\n")
    out = []
    index = 0
    if lines and lines[0].strip() == "---":
        out.append(_blank(lines[0]))
        index = 1
        while index < len(lines) and lines[index].strip() != "---":
            line = lines[index]
            key = _YAML_KEY.match(line)
            if key and key.group(2) in FRONT_MATTER_TEXT_KEYS:
                out.append(_blank(line[: key.end()]) + line[key.end() :])
            else:
                out.append(_blank(line))
            index += 1
        if index < len(lines):
            out.append(_blank(lines[index]))
            index += 1
    fence: tuple[str, str] | None = None
    for line in lines[index:]:
        opening = _FENCE.match(line)
        if fence is None and opening:
            fence = (opening.group(1), opening.group(2))
            out.append(_blank(line))
        elif fence is not None and _closes(line, fence[0]):
            fence = None
            out.append(_blank(line))
        elif fence is not None:
            out.append(_mask_quiz_line(line) if fence[1] == "quiz" else _blank(line))
        else:
            out.append(line)
    return _common("\n".join(out))


def yaml_wording(text: str) -> str:
    """``text`` of a YAML strings or config file with keys, comments, codes and paths blanked.

    Keys stay when they are wording (a navigation title such as ``Inicio: index.md``); block scalars
    (``>-``) are read as text.
    """
    out = []
    block_indent: int | None = None
    for line in text.split("\n"):
        indent = len(line) - len(line.lstrip())
        if block_indent is not None and (not line.strip() or indent > block_indent):
            out.append(line)
            continue
        block_indent = None
        if line.lstrip().startswith("#"):
            out.append(_blank(line))
            continue
        line = re.sub(r"\s#\s.*$", lambda match: _blank(match.group()), line)
        key = _YAML_KEY.match(line)
        if key:
            name, rest = key.group(2), line[key.end() :]
            if _BLOCK_SCALAR.search(line):
                block_indent = indent
            if name in CONFIG_CODE_KEYS:
                line = _blank(line)
            elif _PATH_VALUE.fullmatch(rest):
                line = line[: key.end()] + _blank(rest)
            elif _IDENTIFIER.fullmatch(name):
                line = _blank(line[: key.end()]) + (_blank(rest) if _BLOCK_SCALAR.search(line) else rest)
        out.append(line)
    return _common("\n".join(out))


def _common(text: str) -> str:
    for regex in _NOT_WORDING:
        text = _blank_matches(text, regex)
    return text


class _AnyTagLoader(yaml.SafeLoader):
    """Reads MkDocs configs (``!ENV``, ``!!python/name:``) without running anything."""


_AnyTagLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_AnyTagLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def read_config(path: Path) -> dict[str, Any]:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_AnyTagLoader) or {}


def edition_sources(language: str) -> list[Source]:
    """Everything the ``language`` edition says: pages, strings, its config, its label elsewhere."""
    config_path = PROJECT_ROOT / f"mkdocs.{language}.yml"
    config = read_config(config_path)
    docs = PROJECT_ROOT / config.get("docs_dir", f"docs-{language}")
    sources = []
    for page in sorted(docs.rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        sources.append(Source(page.relative_to(PROJECT_ROOT).as_posix(), text, markdown_wording(text)))
    # The edition's helplines (``extra.helplines``): what each line is for, its hours, its notes.
    helplines = (config.get("extra") or {}).get("helplines")
    data_files = [PROJECT_ROOT / helplines] if isinstance(helplines, str) else []
    for path in (LOCALES / f"{language}.yml", config_path, *data_files):
        text = path.read_text(encoding="utf-8")
        sources.append(Source(path.relative_to(PROJECT_ROOT).as_posix(), text, yaml_wording(text)))
    # The link to this edition from the others ("Esta página en español").
    for other in sorted(PROJECT_ROOT.glob("mkdocs*.yml")):
        if other == config_path:
            continue
        text = other.read_text(encoding="utf-8")
        editions = (read_config(other).get("extra") or {}).get("editions") or []
        labels = [
            edition["label"]
            for edition in editions
            if isinstance(edition, dict)
            and edition.get("language") == language
            and isinstance(edition.get("label"), str)
        ]
        lines = text.split("\n")
        wording = "\n".join(line if any(label in line for label in labels) else _blank(line) for line in lines)
        sources.append(Source(other.relative_to(PROJECT_ROOT).as_posix(), text, _common(wording)))
    return sources


def find(sources: Iterable[Source], glossary: Glossary) -> list[Hit]:
    """Every use of an avoided word or rule in ``sources`` that no ``allow`` phrase of its entry covers."""
    hits = []
    language = glossary.language
    for source in sources:
        words = words_of(source.wording, language)
        lowered = lower(source.wording)
        for entry in glossary.entries:
            if entry.pattern:
                spans: list[tuple[int, int]] = [match.span() for match in re.finditer(entry.pattern, lowered)]
            else:
                spans = [span for term in entry.avoid for span in _spans(phrase(term, language), words)]
            allowed = [span for item in entry.allow for span in _spans(phrase(item.text, language), words)]
            for start, end in sorted(set(spans)):
                if any(low <= start and end <= high for low, high in allowed):
                    continue
                line = source.wording.count("\n", 0, start) + 1
                hits.append(Hit(source.where, line, " ".join(source.text[start:end].split()), entry))
    return sorted(hits, key=lambda hit: (hit.where, hit.line))


def unused_exceptions(sources: Iterable[Source], glossary: Glossary) -> list[str]:
    """The ``allow`` phrases found nowhere: exceptions no longer needed."""
    texts = [words_of(source.wording, glossary.language) for source in sources]
    return [
        f"{glossary.path.name}: «{item.text}» ({entry.english}) is not used anywhere; remove it from 'allow'"
        for entry in glossary.entries
        for item in entry.allow
        if not any(any(True for _ in _spans(phrase(item.text, glossary.language), text)) for text in texts)
    ]
