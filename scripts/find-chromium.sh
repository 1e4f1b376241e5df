#!/bin/sh
# Prints the path of the Chromium the browser tests drive: $CHROMIUM if set, else Debian's
# /usr/bin/chromium, else a browser Playwright downloaded earlier. With none, installs Debian's
# chromium when running as root; otherwise stops with one sentence saying what to install.
set -u

if [ -n "${CHROMIUM:-}" ]; then
    if [ -x "$CHROMIUM" ]; then echo "$CHROMIUM"; exit 0; fi
    echo "CHROMIUM is set to '$CHROMIUM', but there is no program there." >&2
    exit 1
fi

for candidate in /usr/bin/chromium "$HOME"/.cache/ms-playwright/chromium-*/chrome-linux*/chrome; do
    if [ -x "$candidate" ]; then echo "$candidate"; exit 0; fi
done

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "No Chromium found: installing Debian's chromium package." >&2
    export DEBIAN_FRONTEND=noninteractive
    { apt-get install -y -q chromium || { apt-get update -q && apt-get install -y -q chromium; }; } >&2
    if [ -x /usr/bin/chromium ]; then echo /usr/bin/chromium; exit 0; fi
fi

echo "No Chromium found: install Debian's 'chromium' package (sudo apt-get install chromium) or set CHROMIUM to the path of a Chromium binary." >&2
exit 1
