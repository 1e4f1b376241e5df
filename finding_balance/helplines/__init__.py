"""Helplines by country: the data file and its checks (``data``), the help page's fence (``markdown``),
and the site owner's commands (``commands``: ``verify`` checks each source online, ``report`` tables them);
declared in ``feature``."""
