"""This site's published addresses against its real build: every address in
tests/data/published-urls.txt still works, and every page, section and quiz of the build is listed
(``make urls`` adds new ones). How addresses are found, checked and kept working by redirects, and
the "Copy link" buttons: tests/browser/test_stable_links.py.
"""

from __future__ import annotations

from pathlib import Path

from support import TEST_DATA

from finding_balance.gates.addresses import addresses_in, broken, read_list

LIST_FILE = TEST_DATA / "published-urls.txt"


def test_every_listed_address_still_works(site_dir: Path) -> None:
    listed = read_list(LIST_FILE)
    assert len(listed) >= 60, f"{LIST_FILE.name} looks truncated: {len(listed)} addresses"
    problems = broken(site_dir, listed)
    assert not problems, (
        "Published addresses that no longer work. Counsellors may have sent them to clients: put the "
        "section back, or add a redirect (plugins.redirects.redirect_maps for a page, "
        "extra.anchor_redirects for a section or quiz):\n"
        + "\n".join(f"  {address}: {problem}" for address, problem in problems.items())
    )


def test_every_page_section_and_quiz_is_listed(site_dir: Path) -> None:
    published = addresses_in(site_dir)
    missing = [address for address in published if address not in set(read_list(LIST_FILE))]
    assert not missing, (
        f"New addresses not yet in tests/data/{LIST_FILE.name}: run `make urls` and commit the list.\n  "
        + "\n  ".join(missing)
    )


def test_the_list_has_every_kind_of_address() -> None:
    listed = read_list(LIST_FILE)
    assert "/" in listed
    assert "/trust/" in listed
    assert "/trust/#feeling-safe-to-ask" in listed
    assert "/trust/#quiz-safe-to-ask" in listed
    # Ids inside a quiz (its title, its text boxes) are quiz-<id>--<part>: never a published address.
    assert not [address for address in listed if "--" in address.partition("#")[2]]
