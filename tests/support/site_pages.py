"""This site's pages as several tests know them: the six topic pages, and which parts of a built
article are not prose or are short labels read as sentences (the plain-language scores of both
editions)."""

from __future__ import annotations

#: The six topic pages, one per section of the content brief.
TOPIC_PAGES = (
    "personal-space.md",
    "unhealthy-distance.md",
    "interdependence.md",
    "trust.md",
    "supporting-needs.md",
    "self-care.md",
)

#: Removed before scoring: code (which also drops a quiz left as a plain code block), quizzes, and
#: the permalink sign beside each heading.
NOT_PROSE = "pre, code, .fb-quiz, .headerlink, script, style"
#: Short labels a reader takes as a sentence of their own: each is ended with a full stop if needed.
LABELS = "h1, h2, h3, h4, h5, h6, li, th, td, dt, summary, .admonition-title"
SENTENCE_ENDS = (".", "!", "?")
