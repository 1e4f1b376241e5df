"""Engine glue: how each engine is asked to build an edition, and what runs around it.

MkDocs and ProperDocs run our plugin (``mkdocs_plugin``, with ``mkdocs_settings``, ``mkdocs_quizzes``
and ``mkdocs_finishing``; its options in ``options``; ``mkdocs_errors`` turns a mistake into MkDocs'
own error), which calls the engine-free core; Zensical runs no plugins, so the build command
(``python -m finding_balance build``) runs the check before it and the finishing pass after it
(``zensical.py``).
"""
