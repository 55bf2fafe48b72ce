#!/usr/bin/env bash
# Creates .venv-zensical/: Zensical with archdoc beside it, without archdoc's MkDocs extra, as a
# user who publishes with Zensical installs them (`pip install archdoc zensical`). The tests build
# `archdoc generate`'s tree with it. A venv of its own, as such a user has it: archdoc and
# Zensical, and no MkDocs.
# Idempotent: does nothing when the venv was made from the same pyproject.toml and pin.
set -euo pipefail

# The newest Zensical that installs from the registry: 0.0.74 and later need zensical-ui
# releases the registry does not have.
ZENSICAL="zensical==0.0.73"
PYTHON="${PYTHON:-python3}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
VENV="$ROOT/.venv-zensical"
STAMP="$VENV/.installed"
want="$ZENSICAL $(sha256sum "$ROOT/pyproject.toml" | cut -d' ' -f1)"

if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$want" ] && [ -x "$VENV/bin/zensical" ]; then
  exit 0
fi
echo "archdoc setup: creating .venv-zensical ($ZENSICAL and archdoc)" >&2
rm -f "$STAMP"
"$PYTHON" -m venv "$VENV"
"$VENV/bin/python" -m pip install --quiet --upgrade pip
"$VENV/bin/python" -m pip install --quiet "$ZENSICAL" -e "$ROOT"
"$VENV/bin/python" -m pip check
echo "$want" > "$STAMP"
