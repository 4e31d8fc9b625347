using Workers.Fleet;

namespace Workers.Infra.Render.Shared;

// copilot/deploy.sh and infra/cloudformation/deploy.sh: deploy one worker or service, or all of them: the workers
// in DeployOrder, then the services (the API enqueues to every worker's queue, so those exist first), and stop at
// the first failure (set -e: the first failing deploy ends the script with its exit status).
internal static class DeployScripts
{
    public static string Copilot(FleetDeclaration fleet, IReadOnlyList<FleetWorker> ordered) => Script(
        "copilot/deploy.sh",
        "Deploys the fleet with AWS Copilot from the repository root: the environment, each worker service, then the web services.",
        ordered,
        Services(fleet),
        cloudFormation: false,
        environmentStep: """copilot env deploy --name "$env" """,
        workerStep: """copilot svc deploy --name "worker-$worker" --env "$env" """,
        serviceStep: """copilot svc deploy --name "$service" --env "$env" """);

    public static string CloudFormation(FleetDeclaration fleet, IReadOnlyList<FleetWorker> ordered) => Script(
        "infra/cloudformation/deploy.sh",
        "Deploys the fleet's bucket, queues, policies, load balancer and alarms with plain CloudFormation (no Copilot).",
        ordered,
        Services(fleet),
        cloudFormation: true,
        environmentStep: $"""aws cloudformation deploy --stack-name "{fleet.Application}-$env-environment" --template-file "$here/environment.yml" --parameter-overrides "Env=$env" --no-fail-on-empty-changeset""",
        workerStep: $"""aws cloudformation deploy --stack-name "{fleet.Application}-$env-worker-$worker" --template-file "$here/worker-$worker.yml" --capabilities CAPABILITY_IAM --parameter-overrides "Env=$env" "ClusterName=$cluster" --no-fail-on-empty-changeset""",
        serviceStep: $"""aws cloudformation deploy --stack-name "{fleet.Application}-$env-service-$service" --template-file "$here/service-$service.yml" --capabilities CAPABILITY_IAM --parameter-overrides "Env=$env" "VpcId=$vpc" "PublicSubnets=$subnets" --no-fail-on-empty-changeset""");

    private static IReadOnlyList<string> Services(FleetDeclaration fleet) =>
        [.. fleet.Services.Values.Select(ServiceNaming.ServiceName).Order(StringComparer.Ordinal)];

    private static string Script(string path, string purpose, IReadOnlyList<FleetWorker> ordered, IReadOnlyList<string> services, bool cloudFormation, string environmentStep, string workerStep, string serviceStep)
    {
        var names = string.Join(' ', ordered.Select(w => w.Name));
        var serviceNames = string.Join(' ', services);
        var clusterUsage = cloudFormation ? " --cluster <ecs-cluster> [--vpc <vpc-id> --subnets <subnet,subnet>]" : "";
        var clusterCase = cloudFormation
            ? "\n    --cluster) cluster=\"${2:-}\"; shift 2 ;;\n    --vpc) vpc=\"${2:-}\"; shift 2 ;;\n    --subnets) subnets=\"${2:-}\"; shift 2 ;;"
            : "";
        var clusterCheck = cloudFormation
            ? "\n[[ ${#workers[@]} -eq 0 || -n \"$cluster\" ]] || usage \"--cluster is required: the ECS cluster the worker services run in (running-task alarms)\""
              + "\n[[ ${#services[@]} -eq 0 || ( -n \"$vpc\" && -n \"$subnets\" ) ]] || usage \"--vpc and --subnets are required for the web services (their load balancer)\""
            : "";
        var moveToRoot = cloudFormation ? "" : "\ncd \"$here/..\" # copilot finds copilot/ in the current directory";
        return $$"""
            #!/usr/bin/env bash
            {{Yaml.Header}}
            # {{purpose}}
            # Usage: {{path}} --env <staging|production>{{clusterUsage}} [--worker <name> | --service <name>] [--skip-environment]
            # Workers, in deploy order (a worker after those it publishes to): {{names}}; then the services: {{serviceNames}}
            set -Eeuo pipefail
            here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"{{moveToRoot}}

            workers=({{names}})
            services=({{serviceNames}})
            env="" worker="" service="" cluster="" vpc="" subnets="" skip_environment=false
            usage() { echo "error: $1" >&2; sed -n '4p' "$here/deploy.sh" >&2; exit 2; }
            while [[ $# -gt 0 ]]; do
              case "$1" in
                --env) env="${2:-}"; shift 2 ;;
                --worker) worker="${2:-}"; shift 2 ;;
                --service) service="${2:-}"; shift 2 ;;{{clusterCase}}
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
            fi{{clusterCheck}}

            if [[ "$skip_environment" == false ]]; then
              echo "==> environment $env"
              {{environmentStep.TrimEnd()}}
            fi
            for worker in "${workers[@]}"; do
              echo "==> worker $worker ($env)"
              {{workerStep.TrimEnd()}}
            done
            for service in "${services[@]}"; do
              echo "==> service $service ($env)"
              {{serviceStep.TrimEnd()}}
            done
            echo "==> deployed ${workers[*]} ${services[*]} to $env"

            """;
    }
}
