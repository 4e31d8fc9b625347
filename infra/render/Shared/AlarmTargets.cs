namespace Workers.Infra.Render.Shared;

// How a template names what the alarms watch. Values are YAML scalars or one-line flow nodes, because the
// Copilot addon and the plain template reach the cluster, the service and the task minimum differently.
internal sealed record AlarmTargets(string Environment, string ClusterName, string ServiceName, string MinTasks);
