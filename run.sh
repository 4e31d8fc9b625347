#!/usr/bin/env bash
# The main job, on the local stack, through the front door: start fauxqs and PostgreSQL (installing what is
# missing), build, migrate, start the fleet (the build worker with its pool of warm Node build servers, and the
# product worker) and the HTTP API (workers/api) as its own process, make an API key for this run, POST the sample
# React component (workers/build/samples/App.jsx) to /api/builds, wait for it with GET /api/builds/{id}?wait=30,
# and print the build's outcome and the preview URL to open. Re-running it is safe; the workers and the API stop
# when the script ends (from a terminal, after you press Enter, so the preview can be opened first).
#   ./run.sh                       # the build
#   ./run.sh --with-stock-import   # also the product worker's 100,000-row stock CSV import
#   API_PORT=5080 ./run.sh         # the API's port on 127.0.0.1 (5080 by default)
set -Eeuo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

stock_import=false
case "${1:-}" in
  --with-stock-import) stock_import=true ;;
  "") ;;
  *) echo "usage: $0 [--with-stock-import]" >&2; exit 2 ;;
esac
stores="${STORES:-10}" products="${PRODUCTS:-10000}" api_port="${API_PORT:-5080}"
work=".local/run"
mkdir -p "$work"

echo "==> Starting the local stack (fauxqs + PostgreSQL)"
bash infra/local/stack.sh start
eval "$(bash infra/local/stack.sh env)"

echo "==> Installing the build server's npm packages (workers/build/node)"
bash workers/build/node/install.sh

echo "==> Building"
dotnet build Workers.sln -c Release -nologo -clp:ErrorsOnly -v:q
build=(dotnet workers/build/bin/Release/net10.0/Workers.Build.dll)
product=(dotnet workers/product/bin/Release/net10.0/Workers.Product.dll)
api=(dotnet workers/api/bin/Release/net10.0/Workers.Api.dll)
workers=(dotnet infra/cli/bin/Release/net10.0/workers.dll)

echo "==> Applying migrations"
"${build[@]}" migrate > "$work/migrate.log"
"${product[@]}" migrate >> "$work/migrate.log"
"${api[@]}" migrate >> "$work/migrate.log"

pids=()
stop_workers() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  echo "==> Workers and API stopped"
}
trap stop_workers EXIT

echo "==> Starting the fleet: build and product workers (JSON logs: $work/build-worker.log, $work/product-worker.log)"
"${build[@]}" > "$work/build-worker.log" 2>&1 &
pids+=($!)
"${product[@]}" > "$work/product-worker.log" 2>&1 &
pids+=($!)

api_url="http://127.0.0.1:$api_port"
echo "==> Starting the API on $api_url (JSON logs: $work/api.log)"
ASPNETCORE_URLS="$api_url" "${api[@]}" > "$work/api.log" 2>&1 &
pids+=($!)
# Polling is fine here: the script waits for a process it just started, for at most 30 s.
for _ in $(seq 1 60); do
  curl -fsS "$api_url/api/health" > /dev/null 2>&1 && break
  kill -0 "${pids[-1]}" 2>/dev/null || { echo "error: the API exited; see $work/api.log" >&2; exit 1; }
  sleep 0.5
done
curl -fsS "$api_url/api/health" > /dev/null || { echo "error: the API did not answer /api/health in 30 s; see $work/api.log" >&2; exit 1; }

echo "==> Making an API key for this run (enqueue, read)"
key="$("${workers[@]}" api-keys create --name "run.sh $(date -u +%FT%TZ)" --scopes enqueue,read | sed -n 's/^key  *//p')"
[[ -n "$key" ]] || { echo "error: no API key was printed" >&2; exit 1; }

# JSON in and out with node (the build worker needs it anyway): no jq on these machines.
json() { node -e "$1" "${@:2}"; }
echo "==> POST /api/builds with workers/build/samples/App.jsx"
accepted="$(json 'process.stdout.write(JSON.stringify({source: require("fs").readFileSync(process.argv[1], "utf8")}))' workers/build/samples/App.jsx \
  | curl -fsS -X POST "$api_url/api/builds" -H "Authorization: Bearer $key" -H "Content-Type: application/json" \
      -H "Idempotency-Key: run-$(date -u +%Y%m%d-%H%M%S)" --data-binary @-)"
build_id="$(json 'process.stdout.write(JSON.parse(process.argv[1]).buildId)' "$accepted")"
echo "    accepted: build $build_id"

echo "==> GET /api/builds/$build_id?wait=30 until it has finished"
for _ in 1 2 3 4 5 6; do
  record="$(curl -fsS "$api_url/api/builds/$build_id?wait=30" -H "Authorization: Bearer $key")"
  status="$(json 'process.stdout.write(JSON.parse(process.argv[1]).status)' "$record")"
  [[ "$status" == succeeded || "$status" == failed ]] && break
  echo "    $status"
done
json '
  const b = JSON.parse(process.argv[1]), r = b.result || {}, i = r.buildInfo || {}, a = r.artifact || {};
  console.log(`    status    ${b.status} (attempts ${b.attempts}, engine ${b.engine ?? "-"})`);
  if (r.success) console.log(`    bundle    ${a.size} bytes at ${a.location}, built in ${Math.round(i.durationMs)} ms${i.cacheHit ? " (cache hit)" : ""}`);
  else if (b.result) console.log(`    error     ${r.errorType}: ${r.error}`);' "$record"
[[ "$status" == succeeded ]] || { echo "error: build $build_id did not succeed ($status)" >&2; exit 1; }

echo "==> Fetching the bundle (GET /api/builds/$build_id/bundle)"
mkdir -p "$work/preview"
curl -fsS --compressed "$api_url/api/builds/$build_id/bundle" -H "Authorization: Bearer $key" -o "$work/preview/bundle.js"
echo "wrote $work/preview/bundle.js ($(wc -c < "$work/preview/bundle.js") bytes)"
# The API's preview link carries a short-lived read token: a browser opens it without the run's API key.
echo "open  $api_url$(json 'process.stdout.write(JSON.parse(process.argv[1]).preview)' "$accepted")"

if [[ "$stock_import" == true ]]; then
  echo "==> Seeding $stores stores × $products products for the stock import"
  "${product[@]}" demo-data --stores "$stores" --products "$products" --csv "$work/stock.csv"
  echo "==> Importing $work/stock.csv as a csvStock task"
  "${workers[@]}" enqueue product csvStock --file "$work/stock.csv" --wait --timeout 10m
fi

echo "==> Queues now"
"${workers[@]}" queues

if [[ -t 0 ]]; then
  read -r -p "==> The API serves the preview until you press Enter. " _
fi
