namespace Workers.Fleet;

/// <summary>
/// A declared service that is not a queue worker: a Copilot Load Balanced Web Service (today the HTTP entry
/// point, <c>workers/api</c>). Its folder under <c>workers/</c>, its Copilot service and its CloudFormation
/// template carry its name, like a worker's.
/// </summary>
/// <param name="Name">The service's name, e.g. <c>api</c>.</param>
/// <param name="Kind">The Copilot service type; only <see cref="LoadBalancedWebService"/>.</param>
/// <param name="Description">What it does.</param>
/// <param name="Port">The container port the load balancer forwards to.</param>
/// <param name="HealthPath">The path the load balancer's target group checks.</param>
/// <param name="Deployment">Task size and production range.</param>
public sealed record FleetService(string Name, string Kind, string Description, int Port, string HealthPath, FleetDeployment Deployment)
{
    /// <summary>The Copilot service type of an HTTP service behind the environment's Application Load Balancer.</summary>
    public const string LoadBalancedWebService = "Load Balanced Web Service";
}
