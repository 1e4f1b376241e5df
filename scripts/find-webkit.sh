#!/bin/sh
# Prints the path of the WebKit browser the cross-browser tests drive: $WEBKIT if set, else the
# MiniBrowser of Debian's WebKitGTK. It is driven through WebKitWebDriver (Debian's
# webkit2gtk-driver) and shows its window on a virtual screen (Xvfb, Debian's xvfb). With any of the
# three missing, installs those packages when running as root; otherwise stops with one sentence
# saying what to install.
set -u

minibrowser() {
    if [ -n "${WEBKIT:-}" ]; then echo "$WEBKIT"; return; fi
    for candidate in /usr/lib/*/webkit2gtk-4.1/MiniBrowser /usr/libexec/webkit2gtk-4.1/MiniBrowser; do
        if [ -x "$candidate" ]; then echo "$candidate"; return; fi
    done
}

ready() {
    browser="$(minibrowser)"
    [ -n "$browser" ] && [ -x "$browser" ] && command -v WebKitWebDriver >/dev/null 2>&1 && command -v Xvfb >/dev/null 2>&1
}

if [ -n "${WEBKIT:-}" ] && [ ! -x "$WEBKIT" ]; then
    echo "WEBKIT is set to '$WEBKIT', but there is no program there." >&2
    exit 1
fi

if ready; then minibrowser; exit 0; fi

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "No WebKitGTK MiniBrowser, WebKitWebDriver or Xvfb found: installing Debian's webkit2gtk-driver and xvfb packages." >&2
    export DEBIAN_FRONTEND=noninteractive
    # No recommended packages: WebKitGTK's (GStreamer plugins) bring in Ghostscript's URW fonts,
    # which become the page's "Helvetica" and move text by a pixel (tests/browser/test_layout_shift.py).
    packages="webkit2gtk-driver xvfb"
    # shellcheck disable=SC2086
    { apt-get install -y -q --no-install-recommends $packages || { apt-get update -q && apt-get install -y -q --no-install-recommends $packages; }; } >&2
    if ready; then minibrowser; exit 0; fi
fi

echo "No WebKit to test with: install Debian's 'webkit2gtk-driver' and 'xvfb' packages (sudo apt-get install --no-install-recommends webkit2gtk-driver xvfb), or set WEBKIT to the path of a WebKitGTK MiniBrowser." >&2
exit 1
