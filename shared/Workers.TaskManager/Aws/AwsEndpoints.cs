namespace Workers.TaskManager.Aws;

/// <summary>Whether the SDK is pointed at an endpoint other than AWS's (the local stack).</summary>
public static class AwsEndpoints
{
    /// <summary>True when <c>AWS_ENDPOINT_URL</c> or <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c> is set.</summary>
    public static bool IsCustom(string service) =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL"))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL_" + service.ToUpperInvariant()));
}
