#!/usr/bin/env bash
# Run before `npm test`: the tests need three Debian packages, graphviz (DOT output is checked with
# `dot`), chromium (the chart page is tested in a real browser) and postgresql (the case engine's
# store contract runs against a throwaway server the tests start on 127.0.0.1; set DUEPROCESS_PG_URL
# to use a server of your own instead). Installs whichever is missing.
set -euo pipefail
need=()
command -v dot >/dev/null || need+=(graphviz)
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -n "${DUEPROCESS_PG_URL:-}" ] || compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || need+=(postgresql)
[ ${#need[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null; then
  echo "npm test needs ${need[*]}: install them with your package manager (Debian: apt-get install ${need[*]})" >&2
  exit 1
fi
sudo=""
[ "$(id -u)" = 0 ] || sudo="sudo"
echo "installing ${need[*]} from Debian's packages for the tests" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}"
