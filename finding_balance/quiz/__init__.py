"""The quiz: its model, its markup, its Python-Markdown extension, its wording (``settings``) and its
check that each quiz reached its page (``reached``), engine-free; declared in ``feature``."""
