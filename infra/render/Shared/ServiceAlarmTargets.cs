namespace Workers.Infra.Render.Shared;

// How a template names the load balancer and target group its alarms watch (the ALB metrics' dimensions: the
// "full names", app/<name>/<id> and targetgroup/<name>/<id>). YAML scalars or one-line flow nodes.
internal sealed record ServiceAlarmTargets(string Environment, string LoadBalancer, string TargetGroup);
