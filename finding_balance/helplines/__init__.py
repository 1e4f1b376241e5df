"""Helplines by country: the data file and its checks (``data``), and the help page's fence (``markdown``)."""
