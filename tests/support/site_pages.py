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

# What is not prose and which labels read as sentences: the package's readability gate decides
# (finding_balance/gates/pages.py), for this site as for every other.
