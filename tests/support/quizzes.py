"""Quizzes the tests share: one valid quiz of each type, a page around a quiz, and the quiz
extension run over a page as an engine runs it."""

from __future__ import annotations

import markdown

from finding_balance.quiz.markdown import QuizMemo

SCALE = """\
id: time-apart
type: scale
title: How comfortable is time apart for you?
intro: Think about the last month.
scale: [Never, Sometimes, Often]
items:
  - I can ask for time on my own.
  - text: I feel uneasy when my partner goes out.
    reverse: true
results:
  - range: [0, 1]
    title: Hard right now
    text: See [trust](trust.md#safe).
  - range: [2, 4]
    title: Mostly at ease
    text: Keep going.
"""

CHOICE = """\
id: replies
type: choice
title: Which reply?
questions:
  - prompt: They need a break.
    options:
      - text: Okay.
        feedback: Kind, but your own need stays hidden.
      - text: Sure, rest. Can we talk later?
        feedback: Supports both of you.
        best: true
"""

CHECKLIST = """\
id: circle
type: checklist
title: Your circle
items: [A friend I can call, Family nearby, A club or group]
results:
  - {range: [0, 1], title: Small circle, text: That is common.}
  - {range: [2, 3], title: Wide circle, text: Lovely.}
"""

PROMPT = """\
id: reflect
type: prompt
title: Think it over
prompts:
  - What helps you rest?
  - How could you support your partner's rest?
"""


def page_with(body: str, before: str = "# Title\n\nSome text.\n\n") -> str:
    return f"{before}```quiz\n{body}```\n"


def keep_links(href: str) -> str:
    return href


def convert_with_memo(page: str, memo: QuizMemo) -> str:
    """A page converted as an engine converts it, the extension given the build's memo."""
    md = markdown.Markdown(
        extensions=["pymdownx.superfences", "finding_balance.quiz.markdown"],
        extension_configs={"finding_balance.quiz.markdown": {"memo": memo}},
    )
    return md.convert(page)
