"""Author mistakes: the one error that stops a build, with one line for each mistake.

Raised by the check before the build (``finding_balance.check``) and by the finishing passes over
the built site (``finding_balance.site``), under every engine; the build command and the plugin show
``problems`` one line each. Narrower errors (``SettingsError``, ``QuizError``...) say one mistake
where it is found and become an ``AuthorError`` where a build stops.
"""

from __future__ import annotations


class AuthorError(Exception):
    """Mistakes that stop the build; ``problems`` holds one line for each."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems
