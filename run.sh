#!/usr/bin/env bash
# The main job, on the local stack: start fauxqs and PostgreSQL (installing what is missing), build, migrate,
# run the product worker, import a generated 100,000-row stock CSV through the TaskManager with a progress bar,
# and print the result. Re-running it is safe; the worker stops when the script ends.
set -Eeuo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

stores="${STORES:-10}" products="${PRODUCTS:-10000}"
work=".local/run"
mkdir -p "$work"

echo "==> Starting the local stack (fauxqs + PostgreSQL)"
bash infra/local/stack.sh start
eval "$(bash infra/local/stack.sh env)"

echo "==> Building"
dotnet build Workers.sln -c Release -nologo -clp:ErrorsOnly -v:q
product=(dotnet workers/product/bin/Release/net10.0/Workers.Product.dll)
workers=(dotnet infra/cli/bin/Release/net10.0/workers.dll)

echo "==> Applying migrations and seeding $stores stores × $products products"
"${product[@]}" migrate > "$work/migrate.log"
"${product[@]}" demo-data --stores "$stores" --products "$products" --csv "$work/stock.csv"

echo "==> Starting the product worker (JSON logs: $work/worker.log)"
"${product[@]}" > "$work/worker.log" 2>&1 &
worker=$!
trap 'kill -TERM "$worker" 2>/dev/null && wait "$worker" 2>/dev/null; echo "==> Worker stopped"' EXIT

echo "==> Importing $work/stock.csv as a csvStock task"
"${workers[@]}" enqueue product csvStock --file "$work/stock.csv" --wait --timeout 10m
echo "==> Queues now"
"${workers[@]}" queues
