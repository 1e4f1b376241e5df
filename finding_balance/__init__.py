"""Finding Balance's features, free of any site engine.

- ``quiz/``: quizzes read and checked (``model``), turned into markup (``render`` with
  ``overrides/partials/quiz.html``) and loaded by any Python-Markdown engine (``markdown``).
- ``settings``, ``config``, ``locales/``: our settings under ``extra:``, the editions' configs read
  without an engine, and each language's wording.
- ``check``: every authoring mistake with its file and line, before a build.
- ``site/``: the finishing pass over a built site (bundle, counsellors' list, handouts' QR codes,
  anchors, sitemap alternates, Content Security Policy).
- ``engines/``: what runs around an engine that runs no hooks (Zensical); ``__main__``: the build command.

MkDocs and ProperDocs call these through ``hooks/``; README, "Engines", says who calls what.
"""
