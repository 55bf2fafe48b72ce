#!/usr/bin/env bash
# Installs the system packages archdoc's tests and site build use, where they are missing:
# Debian's graphviz (diagrams laid out at build time), chromium (browser tests, gallery
# screenshots) and plantuml (checks the C4-PlantUML export).
# Idempotent: does nothing when everything is there. `--docs` installs only what the site needs.
set -euo pipefail

need=()
command -v dot >/dev/null 2>&1 || need+=(graphviz)
if [ "${1:-}" != "--docs" ]; then
  command -v chromium >/dev/null 2>&1 || need+=(chromium)
  command -v plantuml >/dev/null 2>&1 || need+=(plantuml)
fi
[ ${#need[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "archdoc setup: please install ${need[*]} with your system's package manager" >&2
  exit 0
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "archdoc setup: installing ${need[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" fonts-noto-core >/dev/null
