"""Anchors and stable links: anchors that collide (``collisions``), old anchors kept working
(``redirects``, ``old_anchors``), the "Copy link" rows and wording (``copy_links``, ``settings``) and
the anchors that quiz links lead to (``quiz_links``); declared in ``feature``."""
