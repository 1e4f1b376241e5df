"""What a page may load, as the build composes it: each page's Content Security Policy, its last edit,
and the hosts' headers file.

Declared for the registry (``finding_balance.registry``), under every engine.
"""

from __future__ import annotations

from finding_balance.errors import AuthorError
from finding_balance.feature import Feature
from finding_balance.handouts.qr_cache import QrCodes
from finding_balance.policy import csp
from finding_balance.policy.headers import write_headers
from finding_balance.site.built import BuiltSite, Edit, SiteContext


def policy_edit(html: str, context: SiteContext, name: str, codes: QrCodes) -> Edit | None:
    """The Content Security Policy (``csp``), none under ``mkdocs serve``. Computed on the page
    before the QR code goes in: the image (a percent-encoded ``data:`` URL) holds no ``<`` and so
    adds no script, comment or style to the page."""
    if context.serving:
        return None
    try:
        position, meta = csp.policy_insert(html, context.style_hashes)
    except ValueError as error:
        raise AuthorError([f"csp: {name}: {error}."]) from None
    return position, position, meta


def hosts_headers(finisher: BuiltSite) -> None:
    """The main edition's headers file: the host reads one, at the root, for every edition."""
    if not any(edition.get("default") for edition in finisher.context.extra.get("editions") or []):
        write_headers(finisher.context.site_dir)


FEATURE = Feature("policy", last_edits=(policy_edit,), site_passes=(hosts_headers,))
