#!/usr/bin/env bash
# Rendered from shared/fleet.json by `workers infra render`; edit the fleet or the generator (infra/render), not this file.
# Deploys the fleet with AWS Copilot from the repository root: the environment, each worker service, then the web services.
# Usage: copilot/deploy.sh --env <staging|production> [--worker <name> | --service <name>] [--skip-environment]
# Workers, in deploy order (a worker after those it publishes to): build notification product item scheduled transaction ec-order external-ec; then the services: api
set -Eeuo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here/.." # copilot finds copilot/ in the current directory

workers=(build notification product item scheduled transaction ec-order external-ec)
services=(api)
env="" worker="" service="" cluster="" vpc="" subnets="" skip_environment=false
usage() { echo "error: $1" >&2; sed -n '4p' "$here/deploy.sh" >&2; exit 2; }
while [[ $# -gt 0 ]]; do
  case "$1" in
    --env) env="${2:-}"; shift 2 ;;
    --worker) worker="${2:-}"; shift 2 ;;
    --service) service="${2:-}"; shift 2 ;;
    --skip-environment) skip_environment=true; shift ;;
    *) usage "unknown argument '$1'" ;;
  esac
done
[[ "$env" == staging || "$env" == production ]] || usage "--env must be staging or production"
[[ -z "$worker" || -z "$service" ]] || usage "--worker and --service deploy one of them; give one"
if [[ -n "$worker" ]]; then
  [[ " ${workers[*]} " == *" $worker "* ]] || usage "unknown worker '$worker' (declared: ${workers[*]})"
  workers=("$worker")
  services=()
fi
if [[ -n "$service" ]]; then
  [[ " ${services[*]} " == *" $service "* ]] || usage "unknown service '$service' (declared: ${services[*]})"
  workers=()
  services=("$service")
fi

if [[ "$skip_environment" == false ]]; then
  echo "==> environment $env"
  copilot env deploy --name "$env"
fi
for worker in "${workers[@]}"; do
  echo "==> worker $worker ($env)"
  copilot svc deploy --name "worker-$worker" --env "$env"
done
for service in "${services[@]}"; do
  echo "==> service $service ($env)"
  copilot svc deploy --name "$service" --env "$env"
done
echo "==> deployed ${workers[*]} ${services[*]} to $env"
