"""Gate: every page reads in plain words, scored on what a reader reads (``pages.prose``).

English: Flesch-Kincaid grade at most 8; Spanish: Szigriszt-Pazos at least 70; Arabic: OSMAN at least
ARABIC_LIMIT (see there); each at most 20 words a sentence on average. Each page is scored in its own
language (its ``<html lang>``), by a textstat instance of its own; a site may pass its own limits."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from textstat.textstat import textstatistics

from finding_balance.gates.pages import article_of, content_pages, name_of, prose

MAX_WORDS_PER_SENTENCE = 20.0


@dataclass(frozen=True)
class Limit:
    """How a language's pages are scored and the score they must reach: ``measure`` is the name of
    the textstat method that scores them."""

    name: str
    lowest_is_easiest: bool
    limit: float
    measure: str = "flesch_kincaid_grade"


#: OSMAN (El-Haj and Rayson, LREC 2016) is Flesch's reading ease rebuilt for Arabic and checked against
#: it on 73,000 parallel UN sentences: the same direction (higher is easier), read on Flesch's 0 to 100
#: scale, where 60 to 70 is plain and 70 to 80 fairly easy. 70, as for Spanish: in December 2026 our
#: Arabic pages scored 84 to 98 a page (7 to 9 words a sentence) and the starter site's pages 80 to
#: 98, while a paragraph written like an official report (35 words a sentence, long derived words)
#: scored 19. textstat counts about one syllable a letter in Arabic written without short vowels, as
#: ours is, so a page does not score easier than it reads.
ARABIC_LIMIT = 70.0

#: The score of each language we know; another language is not scored.
LIMITS = {
    "en": Limit("Flesch-Kincaid grade", lowest_is_easiest=True, limit=8.0),
    "es": Limit("Szigriszt-Pazos", lowest_is_easiest=False, limit=70.0, measure="szigriszt_pazos"),
    "ar": Limit("OSMAN", lowest_is_easiest=False, limit=ARABIC_LIMIT, measure="osman"),
}
#: The Arabic question mark, which textstat does not take for the end of a sentence.
_ARABIC_STOPS = str.maketrans({"\u061f": "?"})


def scorer(language: str) -> textstatistics:
    """A textstat scorer of its own for ``language`` (``set_lang`` would change every other one)."""
    statistics = textstatistics()
    statistics.set_lang(language)
    return statistics


_LANG = re.compile(r'<html[^>]*\slang="([a-z]{2})')


def page_scores(site_dir: Path, limits: Mapping[str, Limit] = LIMITS) -> dict[str, tuple[str, float, float]]:
    """Each content page's language (its ``<html lang>``), score and average words per sentence; pages
    in a language without a limit are not scored."""
    scorers: dict[str, textstatistics] = {}
    results = {}
    for path in content_pages(site_dir):
        html = path.read_text(encoding="utf-8")
        found = _LANG.search(html)
        language = found.group(1) if found else ""
        content = article_of(html) if language in limits else None
        if content is None:
            continue
        text = prose(content)
        if not text.strip():
            continue
        if language == "ar":
            text = text.translate(_ARABIC_STOPS)
        statistics = scorers.setdefault(language, scorer(language))
        value = getattr(statistics, limits[language].measure)(text)
        results[name_of(site_dir, path)] = (language, value, statistics.words_per_sentence(text))
    return results


def readability_problems(site_dir: Path, limits: Mapping[str, Limit] = LIMITS) -> list[str]:
    """The pages whose score misses their language's limit or whose sentences are too long."""
    problems = []
    for name, (language, value, words) in page_scores(site_dir, limits).items():
        limit = limits[language]
        too_hard = value > limit.limit if limit.lowest_is_easiest else value < limit.limit
        if too_hard:
            bound = "at most" if limit.lowest_is_easiest else "at least"
            problems.append(f"{name}: {limit.name} {value:.1f}, should be {bound} {limit.limit:g}")
        if words > MAX_WORDS_PER_SENTENCE:
            problems.append(f"{name}: {words:.1f} words a sentence, should be at most {MAX_WORDS_PER_SENTENCE:g}")
    return problems
