"""Gate: every quiz fence of an edition's Markdown became a quiz on its built page; none is lost or
left as a code block."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from finding_balance.quiz.model import QuizError, find_quiz_blocks, parse_quiz
from finding_balance.urls import page_url


def _built_file(site_dir: Path, source: str) -> Path:
    url = page_url(source, True)
    return site_dir / (url + "index.html" if url == "" or url.endswith("/") else url)


def quiz_problems(docs_dir: Path, site_dir: Path) -> list[str]:
    """For each Markdown page of ``docs_dir``: each quiz fence is a quiz with its id on the page built
    into ``site_dir``, and no page shows a quiz fence as code."""
    problems = []
    for markdown_file in sorted(docs_dir.rglob("*.md")):
        source = markdown_file.relative_to(docs_dir).as_posix()
        text = markdown_file.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
        wanted = []
        for block in find_quiz_blocks(text):
            try:
                wanted.append(parse_quiz(block).id)
            except QuizError as error:
                problems.append(f"{source}:{block.line}: a quiz that does not read: {error}")
        built = _built_file(site_dir, source)
        if not built.is_file():
            if wanted:
                problems.append(f"{source}: has {len(wanted)} quiz(zes) but was not built")
            continue
        soup = BeautifulSoup(built.read_text(encoding="utf-8"), "html.parser")
        found = [str(section.get("data-quiz-id")) for section in soup.select("section.fb-quiz")]
        missing = [quiz_id for quiz_id in wanted if quiz_id not in found]
        problems += [f"{source}: the quiz '{quiz_id}' is not on the built page" for quiz_id in missing]
        if soup.select("code.language-quiz, pre.language-quiz, .language-quiz"):
            problems.append(f"{source}: a quiz fence was left as a code block")
    return problems
