"""The quick exit's neutral page in the browser tests: the real default address, which each test
answers itself (``page.route``), so that no request leaves the machine."""

from __future__ import annotations

from finding_balance.settings import locale_defaults

#: Where "Leave this site" goes unless an edition says otherwise (the English default).
NEUTRAL = locale_defaults("en")["quick_exit"]["url"]
#: What the tests answer there, in place of the real page.
NEUTRAL_PAGE = "<!doctype html><html lang='en'><title>Weather</title><h1>Weather</h1></html>"
