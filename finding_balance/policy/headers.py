"""Security headers for the hosts that read a ``_headers`` file (Netlify, Cloudflare Pages).

A ``<meta>`` Content Security Policy, which every page carries (``finding_balance.policy.csp``), cannot
forbid other sites to frame the page (clickjacking) nor set the browser's other protections: those need HTTP
headers from the host. ``HEADERS`` is the one list of them, used by ``write_headers`` (the build
writes ``<site>/_headers``), the README's nginx and Apache snippets (a test keeps them equal) and the
browser test that runs the site under them.

The header's policy holds only what is the same on every page and what a ``<meta>`` policy cannot
say (``frame-ancestors``); it adds nothing about scripts. The full policy stays per page, in its
``<meta>``: it lists the hashes of that page's inline scripts, which one header for every path
cannot. Both policies are enforced together, so the header can only take away, never allow more.

Called after a build by ``finding_balance.site.finish`` for the main edition, under every engine;
``write_headers`` on its output folder.
"""

from __future__ import annotations

from pathlib import Path

#: The file name hosts look for at the top of the published folder.
HEADERS_FILE = "_headers"

#: Powerful browser features this site never uses, turned off for it and anything it could embed.
PERMISSIONS_OFF = (
    "accelerometer",
    "browsing-topics",
    "camera",
    "display-capture",
    "geolocation",
    "gyroscope",
    "hid",
    "interest-cohort",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "publickey-credentials-get",
    "screen-wake-lock",
    "serial",
    "usb",
    "xr-spatial-tracking",
)

#: Every header, in the order written: (name, value).
HEADERS: tuple[tuple[str, str], ...] = (
    # No other site may show these pages in a frame; the rest repeats the per-page <meta> policy's
    # directives that are the same everywhere, so files that are not pages (SVG, JSON) get them too.
    ("Content-Security-Policy", "frame-ancestors 'none'; base-uri 'self'; object-src 'none'; form-action 'self'"),
    # The same for browsers too old to know frame-ancestors.
    ("X-Frame-Options", "DENY"),
    # A file is only ever what its Content-Type says (no script read from a text or image file).
    ("X-Content-Type-Options", "nosniff"),
    # Following a link tells the other site nothing about which page the reader was on.
    ("Referrer-Policy", "no-referrer"),
    ("Permissions-Policy", ", ".join(f"{feature}=()" for feature in PERMISSIONS_OFF)),
    # A page opened from here (or that opened this one) gets no handle on this window.
    ("Cross-Origin-Opener-Policy", "same-origin"),
    # Other sites may not load this site's files into their own pages.
    ("Cross-Origin-Resource-Policy", "same-origin"),
)


def headers_file(headers: tuple[tuple[str, str], ...] = HEADERS) -> str:
    """The ``_headers`` file: every path (``/*``) gets every header."""
    return "/*\n" + "".join(f"  {name}: {value}\n" for name, value in headers)


def write_headers(site_dir: str | Path, headers: tuple[tuple[str, str], ...] = HEADERS) -> Path:
    """Write ``<site_dir>/_headers`` (replacing any) and return its path."""
    path = Path(site_dir) / HEADERS_FILE
    path.write_text(headers_file(headers), encoding="utf-8")
    return path
