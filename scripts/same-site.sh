#!/bin/sh
# Is the site built from the working tree byte for byte the site built from a commit?
#
#   sh scripts/same-site.sh [COMMIT]        (default: HEAD)
#
# Builds both editions from COMMIT (checked out in a temporary git worktree) and from the working
# tree, with MkDocs and with Zensical, and compares each pair with diff -r. The working tree is built
# twice per engine: cold (no .cache/finding-balance) and warm (the cache of the cold build kept).
# Each build imports the package of its own tree (PYTHONPATH), with this checkout's .venv.
# Prints one line per comparison; exits 1 if any differs. Takes about a minute.
set -eu
root="$(cd "$(dirname "$0")/.." && pwd)"
commit="${1:-HEAD}"
python="$root/.venv/bin/python"
work="$(mktemp -d)"
cleanup() {
    git -C "$root" worktree remove --force "$work/reference" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT INT TERM
git -C "$root" worktree add --quiet --detach "$work/reference" "$commit"

# build TREE ENGINE OUT: one build of every edition of TREE with ENGINE into OUT.
build() {
    (cd "$1" && PYTHONPATH="$1" NO_MKDOCS_2_WARNING=1 "$python" -m finding_balance build \
        --engine "$2" --site-dir "$3" >"$work/log" 2>&1) || { cat "$work/log"; exit 1; }
}

status=0
for engine in mkdocs zensical; do
    rm -rf "$work/reference/.cache/finding-balance"
    build "$work/reference" "$engine" "$work/$engine-reference"
    rm -rf "$root/.cache/finding-balance"
    for run in cold warm; do
        build "$root" "$engine" "$work/$engine-$run"
        if diff -r "$work/$engine-reference" "$work/$engine-$run" >"$work/diff"; then
            echo "same: $engine, $run, working tree against $commit"
        else
            echo "DIFFERENT: $engine, $run, working tree against $commit"
            head -40 "$work/diff"
            status=1
        fi
    done
done
exit "$status"
