"""Passes over a built site's output folder, the same under every engine."""
