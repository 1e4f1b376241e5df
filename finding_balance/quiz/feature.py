"""The quiz as the build composes it: its wording (``extra.quiz``), its stylesheet and script, and the
pass that makes sure each quiz the check found reached its built page.

The quiz itself is made at conversion by the Markdown extension (``finding_balance.quiz.markdown``).
Declared for the registry (``finding_balance.registry``), under every engine; under MkDocs and
ProperDocs the plugin runs the same check on each converted page (``finding_balance.engines.mkdocs_quizzes``), and
the pass has nothing left to check.
"""

from __future__ import annotations

from finding_balance.feature import Feature, in_language
from finding_balance.quiz.reached import unrendered_quizzes
from finding_balance.quiz.settings import validate_quiz_strings
from finding_balance.site.built import BuiltSite
from finding_balance.site.page import BuiltPage


def quizzes_reached_the_page(finisher: BuiltSite, page: BuiltPage) -> None:
    """Each quiz the check found is on the page (``unrendered_quizzes``)."""
    if page.quizzes is not None:
        finisher.problems += unrendered_quizzes(finisher.display_source(page.source), page.quizzes, page.content)


FEATURE = Feature(
    "quiz",
    settings=(("quiz", in_language(validate_quiz_strings)),),
    styles=("quiz.css",),
    scripts=("quiz.js",),
    noted_page_passes=(quizzes_reached_the_page,),
)
