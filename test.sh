#!/usr/bin/env bash
# Runs every test project against the real local stack (fauxqs + PostgreSQL), installing and starting it first
# when needed. Ends with one line: "N passed, N failed, N skipped", summed over every test project.
set -Eeuo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

configuration="${CONFIGURATION:-Release}"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT

bash infra/local/stack.sh start
dotnet build Workers.sln -c "$configuration" -warnaserror -nologo -clp:ErrorsOnly

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
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
