#!/usr/bin/env bash
# The main job, on the local stack: start fauxqs and PostgreSQL (installing what is missing), build, migrate,
# start the fleet (the build worker with its pool of warm Node build servers, and the product worker), bundle
# the sample React component
# (workers/build/samples/App.jsx) as a `build` task, and print the build's status, duration and where the
# bundle is, with a page to open it. Re-running it is safe; the workers stop when the script ends.
#   ./run.sh                       # the build
#   ./run.sh --with-stock-import   # also the product worker's 100,000-row stock CSV import
set -Eeuo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

stock_import=false
case "${1:-}" in
  --with-stock-import) stock_import=true ;;
  "") ;;
  *) echo "usage: $0 [--with-stock-import]" >&2; exit 2 ;;
esac
stores="${STORES:-10}" products="${PRODUCTS:-10000}"
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
workers=(dotnet infra/cli/bin/Release/net10.0/workers.dll)

echo "==> Applying migrations"
"${build[@]}" migrate > "$work/migrate.log"
"${product[@]}" migrate >> "$work/migrate.log"

pids=()
stop_workers() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  echo "==> Workers stopped"
}
trap stop_workers EXIT

echo "==> Starting the fleet: build and product workers (JSON logs: $work/build-worker.log, $work/product-worker.log)"
"${build[@]}" > "$work/build-worker.log" 2>&1 &
pids+=($!)
"${product[@]}" > "$work/product-worker.log" 2>&1 &
pids+=($!)

build_id="sample-$(date -u +%Y%m%d-%H%M%S)"
echo "==> Bundling workers/build/samples/App.jsx as build $build_id"
"${workers[@]}" enqueue build workers/build/samples/App.jsx --build-id "$build_id" --wait --timeout 3m
echo "==> Fetching the bundle"
"${workers[@]}" build "$build_id" --output "$work/preview/bundle.js" | grep -E '^(wrote|open) '

if [[ "$stock_import" == true ]]; then
  echo "==> Seeding $stores stores × $products products for the stock import"
  "${product[@]}" demo-data --stores "$stores" --products "$products" --csv "$work/stock.csv"
  echo "==> Importing $work/stock.csv as a csvStock task"
  "${workers[@]}" enqueue product csvStock --file "$work/stock.csv" --wait --timeout 10m
fi

echo "==> Queues now"
"${workers[@]}" queues
