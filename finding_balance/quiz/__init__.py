"""The quiz: its model, its markup and its Python-Markdown extension (engine-free)."""
