"""What the fuzz tests share: their budget, and odd YAML values a site author might write.

Two budgets, as Hypothesis settings profiles; ``HYPOTHESIS_PROFILE`` picks one (``conftest.py`` loads it):

- ``quick`` (the default, in ``make test``): a few dozen examples per test, the same ones every run
  (``derandomize``), a few seconds in all.
- ``fuzz`` (``make fuzz``): thousands of new examples per test; a failure is printed with a blob that
  ``@reproduce_failure`` replays, and kept in ``.hypothesis/`` to be tried first next time.

Every example also has a hard time limit (``hard_limit``): a hang fails the test instead of stopping it.
"""

from __future__ import annotations

import datetime
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from types import FrameType

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

#: Seconds one example may take before it fails as a hang (the deadline catches slowness earlier).
HANG_SECONDS = 20

_COMMON = {
    "deadline": timedelta(seconds=5),
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
}
DEFAULT_PROFILE = "quick"
settings.register_profile("quick", max_examples=40, derandomize=True, database=None, **_COMMON)
settings.register_profile("fuzz", max_examples=3000, print_blob=True, **_COMMON)


class Hang(Exception):
    """An example ran longer than ``HANG_SECONDS``."""


@contextmanager
def hard_limit(seconds: int = HANG_SECONDS) -> Iterator[None]:
    """Stop the code inside after ``seconds`` with ``Hang`` (SIGALRM: main thread, Unix only)."""

    def stop(signum: int, frame: FrameType | None) -> None:
        raise Hang(f"still running after {seconds} s: a hang")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


# ---------------------------------------------------------------------------------------------------
# Values

#: Letters that tend to break things: right-to-left and combining marks, zero-width and joiners, line
#: and paragraph separators, control characters, emoji, and Markdown's own placeholder markers.
ODD_CHARACTERS = (
    "\u202e\u200f\u0301\u0336\u200b\u200d\ufeff\u2028\u2029\x85\x0b\x0c\x00\x02\x03\x1b\x7f"
    "\U0001f600\U0001f469\u200d\U0001f467\u0130\u00df\ufb01\u2126<>&\"'`*_[]()#{}:|\\\t"
)
short_text = st.text(max_size=24)
odd_text = st.text(alphabet=st.sampled_from(ODD_CHARACTERS) | st.characters(), min_size=1, max_size=40)
long_text = st.integers(min_value=1_000, max_value=60_000).map(lambda size: ("Long words " * size)[:size])
texts = st.one_of(short_text, odd_text, long_text)

numbers = st.one_of(
    st.integers(min_value=-3, max_value=30),
    st.integers(min_value=-(10**40), max_value=10**40),
    st.floats(allow_nan=True, allow_infinity=True),
)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    numbers,
    texts,
    st.dates(),
    st.datetimes(timezones=st.just(datetime.UTC) | st.none()),
    st.binary(max_size=8),
)
keys = st.one_of(short_text, st.integers(), st.booleans(), st.none(), st.floats(allow_nan=False))
values = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(keys, children, max_size=4),
    max_leaves=10,
)

#: YAML as an author might type it, read by the loader into surprising values or refused.
RAW_YAML = (
    "yes",
    "no",
    "on",
    "off",
    "y",
    "n",
    "~",
    "null",
    "NULL",
    "true",
    "False",
    "",
    " ",
    ".inf",
    "-.inf",
    ".nan",
    "0x1F",
    "0o17",
    "0b101",
    "1_000",
    "1e400",
    "-1e400",
    "190:20:30",
    "-99999999999999999999999999999999",
    "2026-11-30",
    "2026-11-30T10:00:00Z",
    "!!binary aGVsbG8=",
    "!!set {a, b}",
    "!!omap [a: 1, b: 2]",
    "!!pairs [a: 1]",
    "!!str",
    "!!int x",
    "!!python/object/apply:os.system [echo]",
    "!!float nope",
    "&anchor value",
    "*undefined_alias",
    "|\n  a block\n  of text",
    ">-\n  folded\n  text",
    "'it''s'",
    '"\\u0000 \\x1b \\ud800"',
    '"\\N"',
    "@reserved",
    "`backtick",
    "%directive",
    "[",
    "]",
    "{",
    "}",
    "[a, [b, {c: d}]]",
    "{a: 1, a: 2}",
    "- a\n- b",
    "? complex\n: key",
    "<<: {id: merged}",
    "---",
    "...",
    "- [scale, choice]",
    "[0, 1, 2]",
    "[0]",
    "[3, 1]",
    "[-5, 99999999999999999999]",
    "[0.5, 3]",
    "[true, false]",
    "{}",
    "[]",
    "\t",
    "a\tb",
    "#comment",
    "text # comment",
    "'unclosed",
    '"unclosed',
    "a: b: c",
    "\x07bell",
)
