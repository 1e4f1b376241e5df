"""Quality gates that any Finding Balance site's tests can run over its built site.

Each gate is a function over the built site folder that returns the problems it found, one readable
line each naming the page; an empty list means the gate passes. This repository's tests run them over
Finding Balance itself, and ``python -m finding_balance new`` writes a site whose tests run them too.

- ``build``: build a site with ``--strict`` through the build command, and serve a folder on localhost;
- ``chrome``: the banner and the quick exit on every page;
- ``quizzes``: every quiz fence of the Markdown became a quiz on its page;
- ``requests``: nothing loads from another host;
- ``policy``: a Content Security Policy on every page, with no ``'unsafe-inline'``;
- ``readability``: plain-language scores of each page (English, Spanish and Arabic);
- ``addresses``: the published addresses (pages, sections, quizzes) still lead somewhere;
- ``browser``: a Chromium to run them in, and axe-core's rules in it;
- ``pages``: what the gates share to read a built site (its HTML files, each page's article and prose);
- ``plugin``: pytest fixtures (the site built once per session, served, a Chromium page).

Engine-free: the gates read only the built files (and, for ``browser``, a browser).
"""
