"""Finding Balance's features, free of any site engine: one folder per feature, a small shared core.

Each feature folder holds its model, its Markdown extension if it has one, its settings
(``settings``) and a ``feature`` module that declares it once (``finding_balance.feature.Feature``:
its settings, stylesheets and scripts, and passes over the built pages and site):

- ``quiz/``: quizzes read and checked (``model``), turned into markup (``render`` with
  ``finding_balance/theme/partials/quiz.html``) and loaded by any Python-Markdown engine (``markdown``).
- ``helplines/``: the helplines' data files checked against the evidence standard (``data``), the help
  page's fence (``markdown``), and the site owner's ``helplines verify`` and ``report`` commands.
- ``handouts/``: the printed page's address and QR code (``qr``, ``qr_cache``, ``printout``).
- ``anchors/``: colliding anchors, old anchors kept working, "Copy link" rows, quiz links' anchors.
- ``counsellors/``: the counsellors' list and the pack page's data.
- ``disclaimer/``, ``quick_exit/``, ``languages/`` (the language switcher, the sitemap's alternates)
  and ``policy/`` (Content Security Policy, the hosts' headers).

``registry`` lists the features in order; the check before the build (``check``), the bundles and
the finishing of a built site (``site/``) loop over it. The core every feature shares: ``errors``,
``messages``, ``urls``, ``json_cache``, ``templates``, ``page_context``, ``settings`` (what the
settings' readers share), ``editions`` (the editions' configs read without an engine), ``article``
and ``outline`` (a built page's content read once, and what it holds), ``fence_extension`` and
``locales/`` (each language's wording).

The layers, each importing only its own and those below (``tests/test_architecture.py``): basics <
models (settings, editions, the features' models) < Markdown extensions and page checks < site
passes (the features' passes, ``site.page``, ``site.built``) < features (each ``feature`` module,
``registry``) < the build (``check``, ``site.finish``, ``site.bundle``, ``site.parallel``) <
``gates/`` (the checks any site's tests run) < engine glue (``engines/``: the MkDocs plugin and
Zensical; ``__main__``: the build command; ``new_site``).

MkDocs and ProperDocs call these through the plugin ``finding-balance`` (``engines/mkdocs_plugin.py``);
README, "Engines", says who calls what.
"""
