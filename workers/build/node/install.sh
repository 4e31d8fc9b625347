#!/usr/bin/env bash
# Installs the build server's npm packages exactly as package-lock.json pins them (npm ci). Cheap when nothing
# changed: a stamp in node_modules records the lock file's hash and the mode, so a second call returns at once.
# A flock serialises parallel callers (test runs, image builds) so two npm ci never clash in one node_modules.
#   bash install.sh               # with devDependencies (jsdom for tools/render-check.mjs and the tests)
#   bash install.sh --production  # production image: --omit=dev
set -Eeuo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

mode=dev
npm_args=(ci --no-audit --no-fund --loglevel=error)
case "${1:-}" in
  --production) mode=production; npm_args+=(--omit=dev) ;;
  "") ;;
  *) echo "usage: $0 [--production]" >&2; exit 2 ;;
esac

# The stamp holds the lock hash rather than relying on mtimes: a git checkout gives every file a fresh mtime.
stamp=node_modules/.workers-install
wanted="$mode $(sha256sum package-lock.json | cut -d' ' -f1)"

exec 9>.install.lock
flock 9
if [[ -f "$stamp" && "$(cat "$stamp")" == "$wanted" ]]; then
  exit 0
fi
echo "install.sh: npm ${npm_args[*]} in $(pwd)" >&2
npm "${npm_args[@]}"
echo "$wanted" > "$stamp"
