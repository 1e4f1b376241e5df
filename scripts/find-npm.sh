#!/bin/sh
# Prints the path of npm, which installs the test suite's Node tools (package.json, package-lock.json).
# With none, installs Debian's npm package when running as root; otherwise stops with one sentence
# saying what to install.
set -u

if command -v npm >/dev/null 2>&1; then command -v npm; exit 0; fi

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "No npm found: installing Debian's npm package." >&2
    export DEBIAN_FRONTEND=noninteractive
    { apt-get install -y -q npm || { apt-get update -q && apt-get install -y -q npm; }; } >&2
    if command -v npm >/dev/null 2>&1; then command -v npm; exit 0; fi
fi

echo "No npm found: install Debian's 'npm' package (sudo apt-get install npm) or Node.js 18 or later." >&2
exit 1
