#!/bin/sh
# Prints the path of the Java that runs the Nu Html Checker (vnu-jar): $JAVA if set, else the java on
# PATH. With none, installs Debian's default-jre-headless when running as root; otherwise stops with
# one sentence saying what to install.
set -u

if [ -n "${JAVA:-}" ]; then
    if [ -x "$JAVA" ]; then echo "$JAVA"; exit 0; fi
    echo "JAVA is set to '$JAVA', but there is no program there." >&2
    exit 1
fi

if command -v java >/dev/null 2>&1; then command -v java; exit 0; fi

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "No Java found: installing Debian's default-jre-headless package." >&2
    export DEBIAN_FRONTEND=noninteractive
    { apt-get install -y -q default-jre-headless || { apt-get update -q && apt-get install -y -q default-jre-headless; }; } >&2
    if command -v java >/dev/null 2>&1; then command -v java; exit 0; fi
fi

echo "No Java found: install Debian's 'default-jre-headless' package (sudo apt-get install default-jre-headless) or set JAVA to the path of a java binary." >&2
exit 1
