"""Security headers for real hosts: writes ``site/_headers`` after every build.

Netlify and Cloudflare Pages read that file and send its headers with every response: no framing by
other sites, no MIME sniffing, no referrer, powerful browser features off, and the rest listed in
``finding_balance.site.headers`` (the list, and why the header's policy is so short). For nginx and
Apache the README gives the same headers; GitHub Pages cannot send any of them. Under
``mkdocs serve`` the file is written to the temporary site folder and does nothing.

MkDocs events: ``on_post_build``.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from finding_balance.site.headers import write_headers


def on_post_build(config: MkDocsConfig) -> None:
    write_headers(config.site_dir)
