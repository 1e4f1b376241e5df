"""A synthetic Finding Balance site of any size, for the build benchmarks.

``write_site(docs_dir, pages)`` writes ``pages`` Markdown pages of about 1,200 words of generated
prose each, with front matter (``description``, as the real pages have), headings with explicit ids,
a few links to neighbouring pages, lists and an admonition. Every tenth page (pages 10, 20, ...)
also carries one quiz of each type (scale, choice, checklist, prompt) in the ```` ```quiz ```` syntax
that our quiz extension and check read (``finding_balance.quiz``, ``finding_balance.check``), built
like the real quizzes in ``docs/``: ids unique across the site, result bands that cover every
possible score exactly once, and links to anchors of this page and of the page before it, so the
check's link and anchor checks do their usual work.

Pages are grouped into sections of ``PAGES_PER_SECTION`` (``section-01/page-0001.md``, ...) and
there is an ``index.md``; the config leaves out ``nav``, so MkDocs builds the navigation from the
folders. There is also a ``counsellors.md`` with the real site's counsellors template, so every
build lists every page, section and quiz for counsellors, as the real site does. The text is
generated from a fixed seed: the same ``pages`` always gives the same site.
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

PAGES_PER_SECTION = 20
QUIZ_EVERY = 10
WORDS_PER_PAGE = 1200
SECTIONS_PER_PAGE = 7
SEED = 20261125
_QUIZ_BLOCK = re.compile(r"^```quiz\n.*?^```$", re.MULTILINE | re.DOTALL)

_SUBJECTS = (
    "you",
    "partners",
    "many couples",
    "good friends",
    "both of you",
    "people who feel safe",
    "tired people",
    "people who feel heard",
    "the two of you",
    "good listeners",
)
_VERBS = (
    "may notice",
    "can ask for",
    "often need",
    "might find",
    "can talk about",
    "sometimes miss",
    "can plan",
    "learn to value",
    "can share",
    "may want",
    "can make room for",
    "come back to",
)
_OBJECTS = (
    "an hour on their own",
    "time with friends",
    "a quiet evening",
    "a clear answer",
    "a kind word",
    "a walk after dinner",
    "a small promise kept",
    "space to think",
    "a plan for the weekend",
    "a hobby of their own",
    "a calm talk",
    "help with the chores",
    "a phone call with family",
    "some rest",
    "an honest no",
    "the chance to say how they feel",
)
_TAILS = (
    "and that is a healthy thing",
    "when the week has been long",
    "without feeling guilty",
    "before small worries grow",
    "so that both of you feel cared for",
    "even on busy days",
    "and it helps trust grow",
    "when they feel unsure",
    "in their own way",
    "from time to time",
)
_HEADINGS = (
    "Why this matters",
    "What it can look like",
    "Small steps to try",
    "When it feels hard",
    "Talking about it",
    "Looking after yourself",
    "Making room for both of you",
    "Signs to notice",
    "A short example",
    "What helps",
    "Keeping trust steady",
    "Coming back together",
)


def _sentence(rng: random.Random) -> str:
    text = f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)}"
    if rng.random() < 0.6:
        text += f" {rng.choice(_TAILS)}"
    return text[0].upper() + text[1:] + "."


def _paragraph(rng: random.Random, words: int) -> tuple[str, int]:
    """A paragraph of about ``words`` words, and how many it really has."""
    sentences: list[str] = []
    count = 0
    while count < words:
        sentence = _sentence(rng)
        if rng.random() < 0.08:
            first, _, rest = sentence.partition(" ")
            sentence = f"{first} *{rest[:-1]}*."
        sentences.append(sentence)
        count += len(sentence.split())
    return " ".join(sentences), count


def page_path(number: int) -> str:
    """The docs-relative path of page ``number`` (1-based)."""
    section = (number - 1) // PAGES_PER_SECTION + 1
    return f"section-{section:02d}/page-{number:04d}.md"


def _relative_link(from_number: int, to_number: int) -> str:
    source, target = page_path(from_number), page_path(to_number)
    if source.split("/")[0] == target.split("/")[0]:
        return target.split("/")[1]
    return f"../{target}"


def _quizzes(number: int) -> list[str]:
    """The four quizzes of page ``number``, one of each type, as ```` ```quiz ```` blocks."""
    here = page_path(number).split("/")[1]
    before = _relative_link(number, number - 1) if number > 1 else here
    prefix = f"p{number:04d}"
    scale = f"""```quiz
id: {prefix}-scale
type: scale
title: How easy is time apart for you?
intro: Think about the last month. There are no right or wrong answers, and no one else sees them.
scale: [Never, Rarely, Sometimes, Often, Always]
items:
  - I can ask for time on my own without feeling guilty.
  - I am glad when my partner does something they enjoy without me.
  - text: I worry that wanting time alone means something is wrong between us.
    reverse: true
  - I come back from time on my own feeling more like myself.
  - text: I feel hurt or left out when my partner makes plans without me.
    reverse: true
  - We tell each other about the things we did while we were apart.
results:
  - range: [0, 8]
    title: Time apart feels hard right now
    text: >-
      That is more common than you might think, and it is okay. It may help to start small. Read
      [the first part]({here}#part-1) and [the page before]({before}#part-2).
  - range: [9, 16]
    title: You are finding your way
    text: >-
      Some parts of time apart feel easy, and some still feel a bit tense. That is a normal place to
      be. Read [the third part]({here}#part-3).
  - range: [17, 24]
    title: Time apart feels easy for you
    text: >-
      You seem at ease asking for space and giving it. Keep talking about it, as needs change over
      time. See *[the last part]({here}#part-{SECTIONS_PER_PAGE})*.
```"""
    choice = f"""```quiz
id: {prefix}-choice
type: choice
title: Which reply backs you both?
intro: There is no score here. Each choice comes with a short note, so feel free to try them all.
questions:
  - prompt: >-
      Your partner gets home and says they need an hour on their own. You had hoped to talk. What
      could you say?
    options:
      - text: Okay.
        feedback: >-
          This lets them rest, which is kind. But your own wish to talk stays hidden. See
          [the second part]({here}#part-2).
      - text: Sure, take your time. Could we catch up after dinner?
        best: true
        feedback: This backs their need and names your own wish with a clear time.
      - text: Again? We never get to talk any more.
        feedback: >-
          It makes sense that you want to talk. Said this way, their need may sound like a problem.
  - prompt: Your partner is meeting a friend on Sunday. You had plans of your own. What could you say?
    options:
      - text: Who else is going? How long will you be out?
        feedback: Asked like this, questions may sound like checking up. See [the page before]({before}).
      - text: Great, have a good time! I would like to see my sister on Sunday too.
        best: true
        feedback: This shows you are glad for them and shares your own plan.
      - text: Then I will stay home in case you need me.
        feedback: This comes from a caring place, but giving up your plan can lead to feeling let down.
```"""
    checklist = f"""```quiz
id: {prefix}-checklist
type: checklist
title: Your weekly self-care check
intro: Think about the past seven days. Tick the ones you managed. This is a check, not a test.
items:
  - I slept well on most nights.
  - I ate regular meals.
  - I moved my body in a way I enjoy.
  - I spent time on something I love.
  - I talked with a friend or someone in my family.
  - I had some quiet time to rest.
results:
  - range: [0, 2]
    title: This week may have been a hard one
    text: Be gentle with yourself. Read [the fourth part]({here}#part-4).
  - range: [3, 4]
    title: You found some time for yourself
    text: You looked after yourself in some ways this week. Is there one more thing to add?
  - range: [5, 6]
    title: You looked after yourself well this week
    text: That is worth noticing. See [the fifth part]({here}#part-5).
```"""
    prompt = f"""```quiz
id: {prefix}-prompt
type: prompt
title: Thinking about your partner's self-care
intro: Write as much or as little as you like.
prompts:
  - What helps your partner feel rested and like themselves?
  - When did you last cheer them on in something that is just for them?
  - What is one small thing you could take off their plate this week?
  - How could you tell them that you want them to have this time?
```"""
    return [scale, choice, checklist, prompt]


def page_markdown(number: int, total: int) -> str:
    """The Markdown of page ``number`` of a site of ``total`` pages."""
    rng = random.Random(SEED * 100_003 + number)
    quizzes = _quizzes(number) if number % QUIZ_EVERY == 0 else []
    lines = [
        "---",
        f"description: Generated page {number} of {total} for the build benchmark, about time apart.",
        "---",
        "",
        f"# Page {number}: {rng.choice(_HEADINGS).lower().capitalize()}",
        "",
    ]
    words = 0
    for part in range(1, SECTIONS_PER_PAGE + 1):
        lines += [f"## {rng.choice(_HEADINGS)} {{#part-{part}}}", ""]
        extras: list[str] = []
        if part == 2 and number > 1:
            extras += [f"You can also read [the page before]({_relative_link(number, number - 1)}#part-1).", ""]
        if part == 3:
            extras += [f"- {_sentence(rng)}" for _ in range(4)] + [""]
        if part == 5:
            extras += ['!!! tip "Try this"', "", f"    {_sentence(rng)} {_sentence(rng)}", ""]
        words += sum(len(line.split()) for line in extras)
        # Spread what is left of the page's words over the sections still to write.
        budget = words + (WORDS_PER_PAGE - words) // (SECTIONS_PER_PAGE - part + 1)
        while words < budget:
            text, count = _paragraph(rng, min(rng.randint(40, 70), budget - words))
            lines += [text, ""]
            words += count
        lines += extras
        if quizzes and part in (2, 3, 4, 6):
            lines += [quizzes.pop(0), ""]
    return "\n".join(lines)


def index_markdown(total: int) -> str:
    return "\n".join(
        [
            "---",
            "description: The home page of a generated site for the build benchmark.",
            "---",
            "",
            "# Benchmark site",
            "",
            f"A generated site of {total} pages. Start with [the first page]({page_path(1)}).",
            "",
        ]
    )


def counsellors_markdown() -> str:
    """The counsellors page: the real template (``finding_balance/theme/counsellors.html``) lists every other page."""
    return "\n".join(
        [
            "---",
            "description: Every page, section and quiz of the generated site, for counsellors.",
            "template: counsellors.html",
            "---",
            "",
            "# For counsellors",
            "",
            "## Every page, section and quiz {#every-page}",
            "",
        ]
    )


def write_site(docs_dir: Path, pages: int) -> dict[str, int]:
    """Write the synthetic ``docs_dir``; return counts: pages, quiz pages, quizzes and words."""
    if pages < 1:
        raise ValueError("the site needs at least one page")
    docs_dir.mkdir(parents=True, exist_ok=True)
    (docs_dir / "index.md").write_text(index_markdown(pages), encoding="utf-8")
    (docs_dir / "counsellors.md").write_text(counsellors_markdown(), encoding="utf-8")
    words = 0
    for number in range(1, pages + 1):
        path = docs_dir / page_path(number)
        path.parent.mkdir(parents=True, exist_ok=True)
        text = page_markdown(number, pages)
        path.write_text(text, encoding="utf-8")
        words += len(_QUIZ_BLOCK.sub("", text).split())
    quiz_pages = pages // QUIZ_EVERY
    return {"pages": pages, "quiz_pages": quiz_pages, "quizzes": 4 * quiz_pages, "words": words}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("docs_dir", type=Path, help="folder to write the Markdown into")
    parser.add_argument("--pages", type=int, default=500, help="number of pages (default 500)")
    args = parser.parse_args()
    counts = write_site(args.docs_dir, args.pages)
    print(", ".join(f"{value} {name.replace('_', ' ')}" for name, value in counts.items()))


if __name__ == "__main__":
    main()
