using Workers.Fleet;

namespace Workers.Infra.Render.Shared;

// copilot/deploy.sh and infra/cloudformation/deploy.sh: deploy one worker or all of them, in DeployOrder, and stop
// at the first failure (set -e: the first failing deploy ends the script with its exit status).
internal static class DeployScripts
{
    public static string Copilot(IReadOnlyList<FleetWorker> ordered) => Script(
        "copilot/deploy.sh",
        "Deploys the fleet with AWS Copilot from the repository root: the environment, then each worker service.",
        ordered,
        needsCluster: false,
        environmentStep: """copilot env deploy --name "$env" """,
        workerStep: """copilot svc deploy --name "worker-$worker" --env "$env" """);

    public static string CloudFormation(FleetDeclaration fleet, IReadOnlyList<FleetWorker> ordered) => Script(
        "infra/cloudformation/deploy.sh",
        "Deploys the fleet's bucket, queues, policies and alarms with plain CloudFormation (no Copilot).",
        ordered,
        needsCluster: true,
        environmentStep: $"""aws cloudformation deploy --stack-name "{fleet.Application}-$env-environment" --template-file "$here/environment.yml" --parameter-overrides "Env=$env" --no-fail-on-empty-changeset""",
        workerStep: $"""aws cloudformation deploy --stack-name "{fleet.Application}-$env-worker-$worker" --template-file "$here/worker-$worker.yml" --capabilities CAPABILITY_IAM --parameter-overrides "Env=$env" "ClusterName=$cluster" --no-fail-on-empty-changeset""");

    private static string Script(string path, string purpose, IReadOnlyList<FleetWorker> ordered, bool needsCluster, string environmentStep, string workerStep)
    {
        var names = string.Join(' ', ordered.Select(w => w.Name));
        var clusterUsage = needsCluster ? " --cluster <ecs-cluster>" : "";
        var clusterCase = needsCluster ? "\n    --cluster) cluster=\"${2:-}\"; shift 2 ;;" : "";
        var clusterCheck = needsCluster
            ? "\n[[ -n \"$cluster\" ]] || usage \"--cluster is required: the ECS cluster the worker services run in (running-task alarms)\""
            : "";
        var moveToRoot = needsCluster ? "" : "\ncd \"$here/..\" # copilot finds copilot/ in the current directory";
        return $$"""
            #!/usr/bin/env bash
            {{Yaml.Header}}
            # {{purpose}}
            # Usage: {{path}} --env <staging|production>{{clusterUsage}} [--worker <name>] [--skip-environment]
            # Workers, in deploy order (a worker after those it publishes to): {{names}}
            set -Eeuo pipefail
            here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"{{moveToRoot}}

            workers=({{names}})
            env="" worker="" cluster="" skip_environment=false
            usage() { echo "error: $1" >&2; sed -n '4p' "$here/deploy.sh" >&2; exit 2; }
            while [[ $# -gt 0 ]]; do
              case "$1" in
                --env) env="${2:-}"; shift 2 ;;
                --worker) worker="${2:-}"; shift 2 ;;{{clusterCase}}
                --skip-environment) skip_environment=true; shift ;;
                *) usage "unknown argument '$1'" ;;
              esac
            done
            [[ "$env" == staging || "$env" == production ]] || usage "--env must be staging or production"{{clusterCheck}}
            if [[ -n "$worker" ]]; then
              [[ " ${workers[*]} " == *" $worker "* ]] || usage "unknown worker '$worker' (declared: ${workers[*]})"
              workers=("$worker")
            fi

            if [[ "$skip_environment" == false ]]; then
              echo "==> environment $env"
              {{environmentStep.TrimEnd()}}
            fi
            for worker in "${workers[@]}"; do
              echo "==> worker $worker ($env)"
              {{workerStep.TrimEnd()}}
            done
            echo "==> deployed ${workers[*]} to $env"

            """;
    }
}
