"""Quiz blocks: finding them in Markdown, reading their YAML, checking them.

Plain Python with no MkDocs import, so the quiz logic can move to another site generator and be tested
without a build. ``find_quiz_blocks`` locates the fenced ```` ```quiz ```` blocks of a page with their
line numbers; ``parse_quiz`` turns one block into a checked ``Quiz`` or raises ``QuizError`` naming the
line and what is wrong.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml

from finding_balance.messages import kind, one_line, shorten, shown
from finding_balance.quiz.fences import LINE_BREAK, Fence, scan

QUIZ_TYPES = ("scale", "choice", "checklist", "prompt")
DEFAULT_SCALE = ("Never", "Rarely", "Sometimes", "Often", "Always")
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

#: Keys every quiz may have, and the keys only one type may have.
COMMON_KEYS = {"id", "type", "title", "intro", "remember"}
KEYS_BY_TYPE = {
    "scale": {"scale", "items", "results"},
    "checklist": {"items", "results"},
    "choice": {"questions"},
    "prompt": {"prompts"},
}
REQUIRED_BY_TYPE = {
    "scale": ("items", "results"),
    "checklist": ("items", "results"),
    "choice": ("questions",),
    "prompt": ("prompts",),
}

Path = tuple[str | int, ...]


class QuizError(Exception):
    """An authoring mistake in one quiz block: ``line`` is 1-based within the Markdown file."""

    def __init__(self, message: str, line: int, quiz_id: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.quiz_id = quiz_id

    def describe(self, filename: str) -> str:
        """The one-line message an author sees: file, line, quiz id when known, and the problem."""
        where = f"{filename}:{self.line}"
        quiz = f" quiz '{self.quiz_id}':" if self.quiz_id else " quiz:"
        return f"{where}:{quiz} {one_line(self.message)}"


@dataclass(frozen=True)
class Item:
    text: str
    reverse: bool = False


@dataclass(frozen=True)
class ResultBand:
    low: int
    high: int
    title: str
    text: str


@dataclass(frozen=True)
class Option:
    text: str
    feedback: str
    best: bool = False


@dataclass(frozen=True)
class Question:
    prompt: str
    options: tuple[Option, ...]


@dataclass(frozen=True)
class Quiz:
    id: str
    type: str
    title: str
    line: int
    intro: str = ""
    scale: tuple[str, ...] = DEFAULT_SCALE
    items: tuple[Item, ...] = ()
    results: tuple[ResultBand, ...] = ()
    questions: tuple[Question, ...] = ()
    prompts: tuple[str, ...] = ()
    remember: bool = True
    """False: the quiz offers no "Remember my answers" box, so nothing of it is ever kept on the device."""

    @property
    def max_score(self) -> int:
        """The highest total a reader can reach (0 for unscored types)."""
        if self.type == "scale":
            return len(self.items) * (len(self.scale) - 1)
        if self.type == "checklist":
            return len(self.items)
        return 0

    def points(self, item: Item, label_index: int) -> int:
        """Points for choosing the scale label at ``label_index`` for ``item``."""
        top = len(self.scale) - 1
        return top - label_index if item.reverse else label_index


@dataclass(frozen=True)
class QuizBlock:
    """A ```` ```quiz ```` fence in a page: the line of its opening fence and its YAML body."""

    line: int
    source: str
    heading_level: int = 1


# ---------------------------------------------------------------------------------------------------
# Finding the blocks

_HEADING = re.compile(r"^(#{1,6})[ \t]+\S")
#: A quiz fence inside a quote (``> ```quiz``): Markdown does not read it as a quiz.
_QUOTED_QUIZ = re.compile(r"^[ \t]*>[ \t>]*(`{3,}|~{3,})[ \t]*(?:\{[^}\n]*?\.|\.)?quiz\b")


def find_quiz_blocks(markdown: str) -> list[QuizBlock]:
    """Every top-level ```` ```quiz ```` fence, skipping quiz examples nested in other fences.

    The ``heading_level`` of each block is the level of the last heading above it, so the quiz title
    can take the next level down.
    """
    if "quiz" not in markdown:  # most pages: no fence and no quoted fence can name a quiz
        return []
    blocks: list[QuizBlock] = []
    heading_level = 1
    for found in scan(LINE_BREAK.split(markdown.removeprefix("\ufeff"))):
        if isinstance(found, Fence):
            if found.is_quiz and not found.closed:
                raise QuizError("the ```quiz fence is never closed (add a line with ``` after the quiz)", found.line)
            if found.is_quiz:
                blocks.append(QuizBlock(found.line, "\n".join(found.body), heading_level))
        elif heading := _HEADING.match(found[1]):
            heading_level = len(heading[1])
        elif _QUOTED_QUIZ.match(found[1]):
            raise QuizError(
                "a ```quiz block could not be read where it stands; put quiz fences at the start of a line, "
                "or inside an admonition or list, not inside a quote or raw HTML",
                found[0] + 1,
            )
    return blocks


def source_key(source: str) -> str:
    """The form of a block's body used to match our scan with what the Markdown fence handler sees.

    Runs of spaces and tabs count as one space: Markdown turns tabs into spaces (to the next tab stop)
    before any fence handler sees the text, and strips trailing spaces."""
    return "\n".join(" ".join(line.split()) for line in LINE_BREAK.split(source.strip("\r\n"))).strip()


# ---------------------------------------------------------------------------------------------------
# Reading the YAML


@dataclass
class _Located:
    """Parsed YAML plus the line (1-based, within the body) of every key and list entry."""

    data: Any
    lines: dict[Path, int] = field(default_factory=dict)
    repeated: list[tuple[int, Path]] = field(default_factory=list)
    """Keys written twice in one mapping (YAML keeps only the last): (line, path) of each repeat."""


class _TypedValues:
    """Makes a value that does not fit its tag (``!!int x``, ``!!timestamp soon``) a YAML error at its
    line: PyYAML's constructors raise ValueError, AttributeError and the like for those."""

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep)  # type: ignore[misc]
        except (yaml.YAMLError, RecursionError):
            raise
        except Exception:
            tag = str(node.tag).replace("tag:yaml.org,2002:", "!!")
            value = shown(node.value) if isinstance(node, yaml.ScalarNode) else "this value"
            raise yaml.constructor.ConstructorError(
                None, None, f"{value} cannot be read as {tag}", node.start_mark
            ) from None


class _PureLoader(_TypedValues, yaml.SafeLoader):
    pass


#: libyaml's loader when PyYAML has it: several times faster than the pure-Python one.
_FAST_LOADER: type[yaml.SafeLoader] = type(
    "_FastLoader", (_TypedValues, getattr(yaml, "CSafeLoader", yaml.SafeLoader)), {}
)


def _load_yaml(source: str) -> _Located:
    try:
        return _compose(source, _FAST_LOADER)
    except yaml.YAMLError as fast_error:
        if not hasattr(yaml, "CSafeLoader") or _flow_depth(source) > _DEEPEST_FLOW_REREAD:
            raise
        # Read again with the pure-Python loader: its error marks name the line of the mistake itself,
        # where libyaml's sometimes point one line later. It recurses, and its time grows with the
        # square of the nesting of [ ] and { }, so very deep nesting keeps libyaml's error instead.
        try:
            return _compose(source, _PureLoader)
        except RecursionError:
            raise fast_error from None


#: Nesting of [ ] and { } beyond which a YAML error is not read again by the slow pure-Python loader.
_DEEPEST_FLOW_REREAD = 50


def _flow_depth(source: str) -> int:
    """How deep [ ] and { } nest in ``source``, roughly (brackets in quoted text count too)."""
    depth = deepest = 0
    for character in source:
        if character in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif character in "]}":
            depth = max(depth - 1, 0)
    return deepest


def _compose(source: str, loader_class: type[yaml.SafeLoader]) -> _Located:
    loader = loader_class(source)
    located = _Located(None)
    try:
        node = loader.get_single_node()
        if node is not None:
            # Before constructing: merge keys (<<) rewrite the nodes while they are constructed.
            _record_lines(node, (), located)
            located.data = loader.construct_document(node)
    finally:
        loader.dispose()
    return located


#: How deep a quiz's own keys go: questions[0].options[1].text, and one more for a wrong extra level.
_DEEPEST = 6


def _record_lines(root: yaml.Node, path: Path, located: _Located) -> None:
    """Note the line of every key and entry under ``root``, and keys written twice.

    Without recursion, and only as deep as a quiz goes (``_DEEPEST`` keys and indexes): YAML nested
    thousands deep is read in linear time, and its errors name the line where the deep part starts.
    Each node once: an alias (``*name``) is not followed again, so nested aliases cannot make the walk
    explode ("billion laughs"); below an alias, errors name the alias's line."""
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, Path, int]] = [(root, path, root.start_mark.line + 1)]
    while stack:
        node, where, line = stack.pop()
        located.lines.setdefault(where, line)
        if id(node) in seen or len(where) >= _DEEPEST:
            continue
        seen.add(id(node))
        children: list[tuple[yaml.Node, Path, int]] = []
        if isinstance(node, yaml.MappingNode):
            keys: set[tuple[str, str]] = set()
            for key_node, value_node in node.value:
                key = key_node.value if isinstance(key_node, yaml.ScalarNode) else "?"
                key_line = key_node.start_mark.line + 1
                if isinstance(key_node, yaml.ScalarNode) and key != "<<":
                    if (key_node.tag, key) in keys:
                        located.repeated.append((key_line, (*where, str(key))))
                    keys.add((key_node.tag, key))
                children.append((value_node, (*where, str(key)), key_line))
        elif isinstance(node, yaml.SequenceNode):
            children = [(item, (*where, index), item.start_mark.line + 1) for index, item in enumerate(node.value)]
        # In document order: an anchor is walked where it is written, before any alias of it.
        stack.extend(reversed(children))


def _yaml_problem(error: yaml.YAMLError, source: str) -> tuple[str, int | None]:
    if isinstance(error, yaml.reader.ReaderError):
        line = source[: error.position].count("\n") + 1
        character = error.character if isinstance(error.character, str) else chr(error.character)
        return f"the YAML cannot be read: it holds the character {shown(character)}, which YAML does not allow", line
    mark = getattr(error, "problem_mark", None)
    problem = getattr(error, "problem", None) or str(error)
    context = getattr(error, "context", None)
    text = f"{context}, {problem}" if context else problem
    return f"the YAML cannot be read: {text}", (mark.line + 1) if mark else None


# ---------------------------------------------------------------------------------------------------
# Checking


class _Checker:
    """Reads one quiz's data, raising ``QuizError`` at the line of the first problem."""

    def __init__(self, located: _Located, fence_line: int, default_scale: tuple[str, ...] = DEFAULT_SCALE) -> None:
        self.default_scale = default_scale
        self.data = located.data
        self.lines = located.lines
        self.repeated = located.repeated
        self.fence_line = fence_line
        self.quiz_id: str | None = None

    def fail(self, path: Path, message: str) -> QuizError:
        where = self._line_of(path)
        label = _describe_path(path)
        return QuizError(f"{label}: {message}" if label else message, where, self.quiz_id)

    def _line_of(self, path: Path) -> int:
        while path not in self.lines and path:
            path = path[:-1]
        return self.fence_line + self.lines.get(path, 0)

    def text(self, value: Any, path: Path, *, required: bool = True) -> str:
        if value is None and not required:
            return ""
        if not isinstance(value, str | int | float) or isinstance(value, bool):
            raise self.fail(path, f"must be text, not {kind(value, yaml_hint=True)}")
        text = str(value).strip()
        if not text:
            raise self.fail(path, "must not be empty")
        control = next((ch for ch in text if ch not in "\t\n\r" and unicodedata.category(ch) == "Cc"), None)
        if control is not None:
            raise self.fail(path, f"holds the control character {shown(control)}: remove it")
        return text

    def mapping(self, value: Any, path: Path, allowed: set[str], required: tuple[str, ...]) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(
                path, f"must be a mapping of keys ({', '.join(sorted(allowed))}), not {kind(value, yaml_hint=True)}"
            )
        for key in value:
            if key not in allowed:
                raise self.fail((*path, str(key)), f"unknown key (allowed here: {', '.join(sorted(allowed))})")
        for key in required:
            if key not in value or value[key] is None:
                raise self.fail(path, f"missing required key '{key}'")
        return value

    def sequence(self, value: Any, path: Path, what: str, *, minimum: int = 1) -> list[Any]:
        if not isinstance(value, list):
            raise self.fail(path, f"must be a list of {what}, not {kind(value, yaml_hint=True)}")
        if len(value) < minimum:
            needed = "at least one entry" if minimum == 1 else f"at least {minimum} entries"
            raise self.fail(path, f"needs {needed}" if value else f"is empty: it needs {needed}")
        return value

    def check(self) -> Quiz:
        if not isinstance(self.data, dict):
            raise self.fail((), f"the quiz must be a YAML mapping of keys, not {kind(self.data, yaml_hint=True)}")
        raw_id = self.data.get("id")
        if isinstance(raw_id, str) and ID_PATTERN.fullmatch(raw_id):
            self.quiz_id = raw_id
        if self.repeated:
            line, path = min(self.repeated)
            raise QuizError(
                f"{_describe_path(path)}: the key is written twice here; YAML would keep only the last, so keep one",
                self.fence_line + line,
                self.quiz_id,
            )
        for key in ("id", "type", "title"):
            if self.data.get(key) is None:
                raise self.fail((), f"missing required key '{key}'")
        if not self.quiz_id:
            rule = "use lowercase letters, digits and single hyphens"
            if not isinstance(raw_id, str | int | float) or isinstance(raw_id, bool):
                raise self.fail(("id",), f"must be text ({rule}), not {kind(raw_id, yaml_hint=True)}")
            raise self.fail(("id",), f"{shown(raw_id)} is not a valid id: {rule}")
        quiz_type = self.data["type"]
        if not isinstance(quiz_type, str):
            raise self.fail(("type",), f"must be one of {', '.join(QUIZ_TYPES)}, not {kind(quiz_type, yaml_hint=True)}")
        if quiz_type not in QUIZ_TYPES:
            raise self.fail(("type",), f"unknown type {shown(quiz_type)} (use one of: {', '.join(QUIZ_TYPES)})")
        allowed = COMMON_KEYS | KEYS_BY_TYPE[quiz_type]
        for key in self.data:
            if key not in allowed:
                owners = [name for name, keys in KEYS_BY_TYPE.items() if key in keys]
                hint = f"only a {' or '.join(owners)} quiz has it" if owners else "check the spelling"
                raise self.fail((str(key),), f"unknown key for a {quiz_type} quiz ({hint})")
        self.mapping(self.data, (), allowed, REQUIRED_BY_TYPE[quiz_type])
        fields: dict[str, Any] = {
            "id": self.quiz_id,
            "type": quiz_type,
            "title": self.text(self.data["title"], ("title",)),
            "intro": self.text(self.data.get("intro"), ("intro",), required=False),
            "line": self.fence_line,
            "remember": self._remember(),
        }
        if quiz_type == "scale":
            fields["scale"] = self._scale()
        if quiz_type in ("scale", "checklist"):
            fields["items"] = self._items(quiz_type)
            partial = Quiz(**fields)
            fields["results"] = self._results(partial.max_score)
        elif quiz_type == "choice":
            fields["questions"] = self._questions()
        else:
            prompts = self.sequence(self.data["prompts"], ("prompts",), "questions")
            fields["prompts"] = tuple(self.text(p, ("prompts", i)) for i, p in enumerate(prompts))
        return Quiz(**fields)

    def _remember(self) -> bool:
        remember = self.data.get("remember", True)
        if not isinstance(remember, bool):
            raise self.fail(("remember",), f"must be true or false, not {kind(remember)}")
        return remember

    def _scale(self) -> tuple[str, ...]:
        if self.data.get("scale") is None:
            return self.default_scale
        labels = self.data["scale"]
        if not isinstance(labels, list):
            raise self.fail(("scale",), f"must be a list of labels, not {kind(labels, yaml_hint=True)}")
        if len(labels) < 2:
            raise self.fail(("scale",), f"needs at least two labels (it has {len(labels)})")
        texts = tuple(self.text(label, ("scale", i)) for i, label in enumerate(labels))
        for index, label in enumerate(texts):
            if label in texts[:index]:
                raise self.fail(("scale", index), f"the label {shown(label)} appears twice")
        return texts

    def _items(self, quiz_type: str) -> tuple[Item, ...]:
        items = self.sequence(self.data["items"], ("items",), "statements")
        keys = {"text", "reverse"} if quiz_type == "scale" else {"text"}
        checked: list[Item] = []
        for index, raw in enumerate(items):
            path: Path = ("items", index)
            if isinstance(raw, dict):
                self.mapping(raw, path, keys, ("text",))
                reverse = raw.get("reverse", False)
                if not isinstance(reverse, bool):
                    raise self.fail((*path, "reverse"), "must be true or false")
                checked.append(Item(self.text(raw["text"], (*path, "text")), reverse))
            else:
                checked.append(Item(self.text(raw, path)))
        for index, item in enumerate(checked):
            if any(item.text == earlier.text for earlier in checked[:index]):
                raise self.fail(("items", index), f"the statement {shown(item.text)} appears twice")
        return tuple(checked)

    def _results(self, max_score: int) -> tuple[ResultBand, ...]:
        raw_results = self.sequence(self.data["results"], ("results",), "result bands")
        bands: list[tuple[int, ResultBand]] = []
        for index, raw in enumerate(raw_results):
            path: Path = ("results", index)
            self.mapping(raw, path, {"range", "title", "text"}, ("range", "title", "text"))
            low, high = self._range(raw["range"], (*path, "range"))
            if high > max_score:
                raise self.fail(
                    (*path, "range"),
                    f"[{low}, {high}] goes past the highest possible score, {max_score}",
                )
            title = self.text(raw["title"], (*path, "title"))
            band = ResultBand(low, high, title, self.text(raw["text"], (*path, "text")))
            bands.append((index, band))
        ordered = sorted(bands, key=lambda pair: (pair[1].low, pair[1].high))
        expected_low = 0
        previous_index: int | None = None
        for index, band in ordered:
            if band.low > expected_low:
                raise self.fail(("results",), _uncovered(expected_low, band.low - 1, max_score))
            if band.low < expected_low and previous_index is not None:
                raise self.fail(
                    ("results", index, "range"),
                    f"overlaps results[{previous_index}]: score {band.low} would fall in both",
                )
            expected_low = band.high + 1
            previous_index = index
        if expected_low <= max_score:
            raise self.fail(("results",), _uncovered(expected_low, max_score, max_score))
        return tuple(band for _, band in bands)

    def _range(self, value: Any, path: Path) -> tuple[int, int]:
        if (
            not isinstance(value, list)
            or len(value) != 2
            or not all(isinstance(n, int) and not isinstance(n, bool) for n in value)
        ):
            raise self.fail(path, "must be two whole numbers, lowest and highest score, like [0, 3]")
        low, high = value
        if low < 0:
            raise self.fail(path, f"[{low}, {high}] starts below the lowest possible score, 0")
        if low > high:
            raise self.fail(path, f"[{low}, {high}] runs backwards: put the lower score first")
        return low, high

    def _questions(self) -> tuple[Question, ...]:
        raw_questions = self.sequence(self.data["questions"], ("questions",), "scenario questions")
        questions: list[Question] = []
        for q_index, raw in enumerate(raw_questions):
            path: Path = ("questions", q_index)
            self.mapping(raw, path, {"prompt", "options"}, ("prompt", "options"))
            raw_options = self.sequence(raw["options"], (*path, "options"), "replies", minimum=2)
            options: list[Option] = []
            for o_index, raw_option in enumerate(raw_options):
                o_path: Path = (*path, "options", o_index)
                self.mapping(raw_option, o_path, {"text", "feedback", "best"}, ("text", "feedback"))
                best = raw_option.get("best", False)
                if not isinstance(best, bool):
                    raise self.fail((*o_path, "best"), "must be true or false")
                text = self.text(raw_option["text"], (*o_path, "text"))
                if any(_same_words(text, option.text) for option in options):
                    raise self.fail((*o_path, "text"), f"two options of this question read the same: {shown(text)}")
                options.append(Option(text, self.text(raw_option["feedback"], (*o_path, "feedback")), best))
            questions.append(Question(self.text(raw["prompt"], (*path, "prompt")), tuple(options)))
        return tuple(questions)


def _uncovered(low: int, high: int, max_score: int) -> str:
    scores = f"score {low}" if low == high else f"scores {low} to {high}"
    return f"no result covers {scores} (the bands must cover every score from 0 to {max_score})"


def _same_words(first: str, second: str) -> bool:
    return " ".join(first.casefold().split()) == " ".join(second.casefold().split())


def _describe_path(path: Path) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{shorten(part, 40)}" if text else shorten(part, 40))
    return text


def parse_quiz(block: QuizBlock, default_scale: tuple[str, ...] = DEFAULT_SCALE) -> Quiz:
    """Read and check one quiz block; raise ``QuizError`` (with the line in the file) on any mistake.
    ``default_scale`` labels the answers of a scale quiz that gives no ``scale`` (in the page's language)."""
    try:
        located = _load_yaml(block.source)
    except yaml.YAMLError as error:
        message, body_line = _yaml_problem(error, block.source)
        raise QuizError(message, block.line + (body_line or 0)) from None
    except RecursionError:
        raise QuizError("the YAML is nested too deeply to read", block.line) from None
    return _Checker(located, block.line, default_scale).check()


def iter_texts(quiz: Quiz) -> Iterator[tuple[str, str]]:
    """Every author-written text of a quiz with a label saying where it is (for link checks)."""
    yield "title", quiz.title
    if quiz.intro:
        yield "intro", quiz.intro
    for index, item in enumerate(quiz.items):
        yield f"items[{index}]", item.text
    for index, band in enumerate(quiz.results):
        yield f"results[{index}].title", band.title
        yield f"results[{index}].text", band.text
    for q_index, question in enumerate(quiz.questions):
        yield f"questions[{q_index}].prompt", question.prompt
        for o_index, option in enumerate(question.options):
            yield f"questions[{q_index}].options[{o_index}].text", option.text
            yield f"questions[{q_index}].options[{o_index}].feedback", option.feedback
    for index, prompt in enumerate(quiz.prompts):
        yield f"prompts[{index}]", prompt
