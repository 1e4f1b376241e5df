"""Finding Balance's features, free of any site engine.

- ``quiz/``: quizzes read and checked (``model``), turned into markup (``render`` with
  ``finding_balance/theme/partials/quiz.html``) and loaded by any Python-Markdown engine (``markdown``).
- ``settings``, ``editions``, ``locales/``: our settings under ``extra:``, the editions' configs read
  without an engine, and each language's wording.
- ``check``: every authoring mistake with its file and line, before a build.
- ``helplines/``: the helplines' data files checked against the evidence standard (``data``), the help
  page's fence (``markdown``), and the site owner's ``helplines verify`` and ``report`` commands
  (``verify``, ``report``, ``commands``).
- ``site/``: the finishing passes over a built site (bundle, counsellors' list, handouts' QR codes,
  anchors, sitemap alternates, Content Security Policy).

The layers, each importing only its own and those below (``tests/test_architecture.py``): basics
(``errors``, ``messages``, ``urls``, ``json_cache``, ``templates``, ``page_context``) < models
(settings, editions, the quiz's model, markup, links, memo and cache, helplines data, QR codes,
outline) < Markdown extensions and checks (``quiz.markdown``, ``helplines.markdown``, ``check``,
``anchor_collisions``, ``helplines.verify``, ``helplines.report``, ``helplines.commands``) < site
passes (``site/``) < ``gates/`` (the checks any site's tests run) <
engine glue (``engines/``: the MkDocs plugin and Zensical; ``__main__``; ``new_site``).
- ``engines/``: the MkDocs plugin and what runs around Zensical; ``__main__``: the build command.

MkDocs and ProperDocs call these through the plugin ``finding-balance`` (``engines/mkdocs_plugin.py``);
README, "Engines", says who calls what.
"""
