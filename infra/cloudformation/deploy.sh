#!/usr/bin/env bash
# Rendered from shared/fleet.json by `workers infra render`; edit the fleet or the generator (infra/render), not this file.
# Deploys the fleet's bucket, queues, policies, load balancer and alarms with plain CloudFormation (no Copilot).
# Usage: infra/cloudformation/deploy.sh --env <staging|production> --cluster <ecs-cluster> [--vpc <vpc-id> --subnets <subnet,subnet>] [--worker <name> | --service <name>] [--skip-environment]
# Workers, in deploy order (a worker after those it publishes to): build notification product item scheduled transaction ec-order external-ec; then the services: api
set -Eeuo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

workers=(build notification product item scheduled transaction ec-order external-ec)
services=(api)
env="" worker="" service="" cluster="" vpc="" subnets="" skip_environment=false
usage() { echo "error: $1" >&2; sed -n '4p' "$here/deploy.sh" >&2; exit 2; }
while [[ $# -gt 0 ]]; do
  case "$1" in
    --env) env="${2:-}"; shift 2 ;;
    --worker) worker="${2:-}"; shift 2 ;;
    --service) service="${2:-}"; shift 2 ;;
    --cluster) cluster="${2:-}"; shift 2 ;;
    --vpc) vpc="${2:-}"; shift 2 ;;
    --subnets) subnets="${2:-}"; shift 2 ;;
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
[[ ${#workers[@]} -eq 0 || -n "$cluster" ]] || usage "--cluster is required: the ECS cluster the worker services run in (running-task alarms)"
[[ ${#services[@]} -eq 0 || ( -n "$vpc" && -n "$subnets" ) ]] || usage "--vpc and --subnets are required for the web services (their load balancer)"

if [[ "$skip_environment" == false ]]; then
  echo "==> environment $env"
  aws cloudformation deploy --stack-name "workers-$env-environment" --template-file "$here/environment.yml" --parameter-overrides "Env=$env" --no-fail-on-empty-changeset
fi
for worker in "${workers[@]}"; do
  echo "==> worker $worker ($env)"
  aws cloudformation deploy --stack-name "workers-$env-worker-$worker" --template-file "$here/worker-$worker.yml" --capabilities CAPABILITY_IAM --parameter-overrides "Env=$env" "ClusterName=$cluster" --no-fail-on-empty-changeset
done
for service in "${services[@]}"; do
  echo "==> service $service ($env)"
  aws cloudformation deploy --stack-name "workers-$env-service-$service" --template-file "$here/service-$service.yml" --capabilities CAPABILITY_IAM --parameter-overrides "Env=$env" "VpcId=$vpc" "PublicSubnets=$subnets" --no-fail-on-empty-changeset
done
echo "==> deployed ${workers[*]} ${services[*]} to $env"
