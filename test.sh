#!/usr/bin/env bash
# Runs every test project against the real local stack (fauxqs + PostgreSQL), installing and starting it first
# when needed, then the Node tests of the build server (workers/build/node). Ends with one line:
# "N passed, N failed, N skipped", summed over every test project and the Node tests.
set -Eeuo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

configuration="${CONFIGURATION:-Release}"
log="$(mktemp)"
node_log="$(mktemp)"
trap 'rm -f "$log" "$node_log"' EXIT

bash infra/local/stack.sh start
bash workers/build/node/install.sh # the build worker's npm packages (npm ci, skipped when already installed)
# The preview tests (tests/Workers.Api.Tests/Preview) drive Debian's Chromium through Playwright's own driver;
# browsers are never downloaded (`playwright install` cannot reach its CDN here).
if [[ ! -x /usr/bin/chromium ]]; then
  apt-get update -qq && apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=300 chromium
fi
dotnet build Workers.sln -c "$configuration" -warnaserror -nologo -clp:ErrorsOnly

# The build server's Node tests run beside the .NET ones (they share nothing but the CPU); their TAP output is
# read below, after the .NET summary.
(cd workers/build/node && exec node --test --test-reporter=tap test/*.test.mjs) >"$node_log" 2>&1 &
node_pid=$!

# Each test project is an executable (xunit v3 on Microsoft.Testing.Platform); dotnet test runs them all.
set +e
dotnet test --solution Workers.sln -c "$configuration" --no-build 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# The platform's summary ("total: / failed: / succeeded: / skipped:") covers every project of the run.
read -r passed failed skipped < <(awk '
  /^[[:space:]]*succeeded:/ { p = $2 } /^[[:space:]]*failed:/ { f = $2 } /^[[:space:]]*skipped:/ { s = $2 }
  END { print (p == "" ? 0 : p), (f == "" ? 0 : f), (s == "" ? 0 : s) }' "$log")
if [[ "$status" -ne 0 && "$failed" -eq 0 ]]; then
  failed=1 # the run failed without a failing test (a crash or a build error): never report it as green
fi

# Node tests of the build server, in TAP: its closing "# pass / # fail / # cancelled / # skipped" lines are summed in.
set +e
wait "$node_pid"
node_status=$?
set -e
read -r node_passed node_failed node_skipped < <(awk '
  /^# pass / { p = $3 } /^# fail / { f += $3 } /^# cancelled / { f += $3 } /^# skipped / { s = $3 }
  END { print (p == "" ? 0 : p), (f == "" ? 0 : f), (s == "" ? 0 : s) }' "$node_log")
if [[ "$node_status" -ne 0 ]]; then
  cat "$node_log" # the whole TAP stream, so the failing test's YAML block (error, stack) is in the output
  if [[ "$node_failed" -eq 0 ]]; then node_failed=1; fi
else
  grep -E '^# (tests|pass|fail|skipped|duration_ms|rss|heapUsed|build ms|vite)' "$node_log" | sed 's/^/node --test: /'
fi

passed=$((passed + node_passed)) failed=$((failed + node_failed)) skipped=$((skipped + node_skipped))
echo "$passed passed, $failed failed, $skipped skipped"
if [[ "$status" -ne 0 ]]; then exit "$status"; fi
exit "$node_status"
