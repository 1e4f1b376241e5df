#!/bin/sh
# Prints the path of the Firefox the cross-browser tests drive over WebDriver BiDi (tests/support/bidi.py):
# $FIREFOX if set, else Debian's /usr/bin/firefox-esr, else a firefox on PATH. With none, installs
# Debian's firefox-esr when running as root; otherwise stops with one sentence saying what to install.
# Firefox speaks WebDriver BiDi itself: no geckodriver and no browser download.
set -u

if [ -n "${FIREFOX:-}" ]; then
    if [ -x "$FIREFOX" ]; then echo "$FIREFOX"; exit 0; fi
    echo "FIREFOX is set to '$FIREFOX', but there is no program there." >&2
    exit 1
fi

for candidate in /usr/bin/firefox-esr /usr/bin/firefox "$(command -v firefox-esr 2>/dev/null)" "$(command -v firefox 2>/dev/null)"; do
    if [ -n "$candidate" ] && [ -x "$candidate" ]; then echo "$candidate"; exit 0; fi
done

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "No Firefox found: installing Debian's firefox-esr package." >&2
    export DEBIAN_FRONTEND=noninteractive
    # No recommended packages: they can bring fonts that change the page's "Helvetica" and so the
    # layout that the Chromium tests measure (see find-webkit.sh).
    { apt-get install -y -q --no-install-recommends firefox-esr || { apt-get update -q && apt-get install -y -q --no-install-recommends firefox-esr; }; } >&2
    if [ -x /usr/bin/firefox-esr ]; then echo /usr/bin/firefox-esr; exit 0; fi
fi

echo "No Firefox found: install Debian's 'firefox-esr' package (sudo apt-get install --no-install-recommends firefox-esr) or set FIREFOX to the path of a Firefox binary." >&2
exit 1
