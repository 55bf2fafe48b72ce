#!/usr/bin/env bash
# Installs the npm packages of package.json at the versions package-lock.json records.
#   scripts/setup-npm.sh site    what the built site serves (Mermaid, Panzoom)
#   scripts/setup-npm.sh tools   also the peers' tools the tests check exports with
# `npm ci` refuses a lock that lacks an optional dependency npm cannot find in the registry
# (vite, under likec4, names a Windows-only one the registry does not serve); `npm install`
# then installs from the same lock without changing it.
set -euo pipefail
cd "$(dirname "$0")/.."
omit=()
[ "${1:-site}" = "site" ] && omit=(--omit=dev)
flags=(--no-audit --no-fund --loglevel=error "${omit[@]}")
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! npm ci "${flags[@]}" 2>"$log"; then
  if grep -q "Missing: .* from lock file" "$log"; then
    npm install "${flags[@]}"
  else
    cat "$log" >&2
    exit 1
  fi
fi
