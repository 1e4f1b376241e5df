"""The finishing passes in a second process, alongside an engine that writes pages one by one.

On a machine with more than one core, a build of many pages need not wait for our finishing: the
engine renders page after page on one core while a helper process (this module, run as
``python -m finding_balance.site.parallel``) finishes each written page on another with the same
``SiteFinisher``. ``FinisherProcess`` has ``SiteFinisher``'s ``page`` and ``site``, so the caller does
not care which one it holds; ``parallel_finisher`` chooses.

How it goes: ``page`` tells the helper which page the engine is about to write and returns the page
as it is, for the engine to write; the helper reads, finishes and writes a page again only once the
next page (or ``site``) has been announced, which happens only after the engine wrote the page
before, so the finished file is always the last one written. Only names cross between the two
processes, never a page: a page of a large site is mostly navigation, hundreds of kilobytes.
``site`` waits for the helper's site-wide steps and raises the same ``AuthorError``, with the same
messages, that ``SiteFinisher`` would: a problem on a page is reported when the build ends rather
than at that page. A helper that fails, or has not finished ``WAIT_SECONDS`` after the last page,
stops the build with one line.

Messages go as pickles on the helper's standard input (the parent's own objects: the edition's
context, then page names); the helper's answer goes to a temporary file, never a pipe it could fill
and block on.

Under MkDocs and ProperDocs, for a site of ``at_least`` pages or more (the plugin's option
``second_core_at``, 40 by default: ``finding_balance/engines/options.py``), unless the plugin's
``one_process`` is true or ``FINDING_BALANCE_ONE_PROCESS=1`` is set (the benchmark's breakdown sets
it, to time our functions): then everything is finished in the build's own process. Free of MkDocs.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import tempfile
import threading
from typing import IO, Any

from finding_balance.counsellors import directory as counsellors
from finding_balance.errors import AuthorError
from finding_balance.site.finish import SiteContext, SiteFinisher

#: The default of the plugin's ``second_core_at``: fewer pages than this are finished in the build's
#: own process, where a helper would save less time than it takes to start.
AT_LEAST = 40
ONE_PROCESS_VARIABLE = "FINDING_BALANCE_ONE_PROCESS"
#: How long the build waits, after its last page, for the helper's last pages and site-wide steps
#: (seconds of work on the largest sites): past it the helper is taken to hang, and the build stops.
WAIT_SECONDS = 600


def parallel_finisher(
    context: SiteContext, finisher: SiteFinisher, *, at_least: int = AT_LEAST, one_process: bool = False
) -> SiteFinisher | FinisherProcess:
    """``finisher`` itself, or a helper process with its own finisher when the site has ``at_least``
    pages and the machine has a second core to run it on (never with ``one_process``, nor when the
    environment sets ``FINDING_BALANCE_ONE_PROCESS``)."""
    if (
        one_process
        or len(finisher.urls) < at_least
        or (os.cpu_count() or 1) < 2
        or os.environ.get(ONE_PROCESS_VARIABLE, "") not in ("", "0")
    ):
        return finisher
    return FinisherProcess(context)


class FinisherProcess:
    """A ``SiteFinisher`` that runs in a helper process."""

    def __init__(self, context: SiteContext) -> None:
        self._answer: IO[bytes] = tempfile.TemporaryFile()  # noqa: SIM115 (open as long as the helper runs)
        self._errors: IO[bytes] = tempfile.TemporaryFile()  # noqa: SIM115
        self._process = subprocess.Popen(
            [sys.executable, "-m", __name__], stdin=subprocess.PIPE, stdout=self._answer, stderr=self._errors
        )
        self._gone = False
        self._error_text = ""
        self._send(context)

    def _send(self, message: Any) -> None:
        if self._gone:
            return
        assert self._process.stdin is not None
        try:
            pickle.dump(message, self._process.stdin, protocol=pickle.HIGHEST_PROTOCOL)
            self._process.stdin.flush()
        except OSError:  # the helper stopped at a problem: ``site`` reads what it said
            self._gone = True

    def page(self, html: str, name: str, source: str | None = None) -> str:
        """Tell the helper the page is about to be written; return it unchanged, for the engine to write."""
        self._send(("page", name, source))
        return html

    def site(self) -> None:
        """Wait for the helper to finish the last page and the site; raise ``AuthorError`` on a problem."""
        self._send(("site",))
        try:
            if self._process.stdin is not None:
                self._process.stdin.close()
        except OSError:
            pass
        # Waited for in a thread: ``Popen.wait(timeout=...)`` polls, at longer and longer intervals
        # (up to 50 ms), and the build would idle for up to that long after the helper is done.
        waiter = threading.Thread(target=self._process.wait, daemon=True)
        waiter.start()
        waiter.join(WAIT_SECONDS)
        code = self._process.returncode
        if waiter.is_alive() or code is None:
            self.close()
            raise AuthorError(
                [f"the finishing helper process did not finish within {WAIT_SECONDS // 60} minutes after the last page"]
            ) from None
        try:
            self._answer.seek(0)
            answer = pickle.load(self._answer)
        except (OSError, EOFError, pickle.UnpicklingError):
            answer = None
        finally:
            self._close_files()
        if isinstance(answer, list) and answer:
            raise AuthorError([str(problem) for problem in answer])
        if code != 0 or answer != []:
            raise AuthorError([f"the finishing helper process stopped (exit code {code}): {self._last_error()}"])

    def _last_error(self) -> str:
        lines = self._error_text.strip().splitlines()
        return lines[-1] if lines else "no message"

    def _close_files(self) -> None:
        if self._errors.closed:
            return
        try:
            self._errors.seek(0)
            self._error_text = self._errors.read().decode("utf-8", "replace")
        except OSError:
            pass
        self._answer.close()
        self._errors.close()

    def close(self) -> None:
        """Stop the helper (a build that ended with an error before ``site``)."""
        if self._process.poll() is None:
            self._process.kill()
            self._process.wait()
        self._close_files()


def _finish(finisher: SiteFinisher, message: tuple[str, str, str | None]) -> None:
    _, name, source = message
    path = finisher.context.site_dir / name
    try:
        html = path.read_text(encoding="utf-8")
    except FileNotFoundError:  # the engine wrote nothing for it (an empty page)
        return
    finished = finisher.page(html, name, source)
    if finished != html:
        path.write_text(finished, encoding="utf-8")


def main() -> None:
    """The helper: finish each page once the next message shows the engine wrote it, then the site.
    Writes a pickled list of problems (empty: all went well) to standard output."""
    messages, answer = sys.stdin.buffer, sys.stdout.buffer
    context = pickle.load(messages)
    problems: list[str] = []
    try:
        finisher = SiteFinisher(context)
        finisher.list_each_page = True
        counsellors.template()  # compiled while the engine is still reading its config
        waiting = None
        while True:
            message = pickle.load(messages)
            if waiting is not None:
                _finish(finisher, waiting)
                waiting = None
            if message[0] == "site":
                finisher.site()
                break
            waiting = message
    except AuthorError as error:
        problems = error.problems
    pickle.dump(problems, answer)
    answer.flush()
    os._exit(0)  # every file is written and closed: the build need not wait for the interpreter's teardown


if __name__ == "__main__":
    main()
