using Workers.Fleet;

namespace Workers.Infra.Render.Copilot;

// The manifest's secrets beyond DB_SECRET: each deploy.secrets entry of the fleet as a Secrets Manager secret of
// the environment, which Copilot's execution role may read once it carries the copilot-application and
// copilot-environment tags (copilot/README.md, "Secrets").
internal static class Secrets
{
    // Each entry on lines of its own after DB_SECRET's, so a worker without extra secrets renders nothing.
    public static string Render(string application, FleetDeployment deployment) =>
        string.Concat(deployment.Secrets.Select(pair =>
            $"\n  {pair.Key}:\n    secretsmanager: '{application}/${{COPILOT_ENVIRONMENT_NAME}}/{pair.Value}'"));
}
