"""Engine glue: how each engine is asked to build an edition, and what runs around it.

MkDocs and ProperDocs run our plugin (``mkdocs_plugin``, with ``mkdocs_settings``, ``mkdocs_quizzes`` and
``mkdocs_finishing``), which calls the engine-free core; Zensical runs no
hooks, so the build command (``python -m finding_balance build``) runs the check before it and the
finishing pass after it (``zensical.py``).
"""
