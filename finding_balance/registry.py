"""Every feature of the package, in order: the one list the build composes them from.

Each feature declares itself once, in its folder's ``feature.py`` (``finding_balance.feature.Feature``:
its settings, stylesheets and scripts, and passes). The check of the settings
(``finding_balance.check.resolve_extra``), the bundles (``finding_balance.site.bundle``) and the
finishing of the built site (``finding_balance.site.finish``) loop over ``FEATURES``, in this order: a
feature's stylesheets follow those of the features above it in the bundle, and its passes run after
theirs. Adding a feature is its folder and one line here.

Read under every engine.
"""

from __future__ import annotations

from finding_balance.anchors.feature import FEATURE as ANCHORS
from finding_balance.counsellors.feature import FEATURE as COUNSELLORS
from finding_balance.disclaimer.feature import FEATURE as DISCLAIMER
from finding_balance.feature import Feature
from finding_balance.handouts.feature import FEATURE as HANDOUTS
from finding_balance.helplines.feature import FEATURE as HELPLINES
from finding_balance.languages.feature import FEATURE as LANGUAGES
from finding_balance.policy.feature import FEATURE as POLICY
from finding_balance.quick_exit.feature import FEATURE as QUICK_EXIT
from finding_balance.quiz.feature import FEATURE as QUIZ
from finding_balance.site.feature import FEATURE as SITE

FEATURES: tuple[Feature, ...] = (
    SITE,
    DISCLAIMER,
    QUIZ,
    QUICK_EXIT,
    ANCHORS,
    LANGUAGES,
    HANDOUTS,
    POLICY,
    COUNSELLORS,
    HELPLINES,
)
