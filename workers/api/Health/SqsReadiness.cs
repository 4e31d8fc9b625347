using Amazon.Runtime;
using Amazon.SQS;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Workers.TaskManager.Consuming;

namespace Workers.Api.Health;

// The build worker's queue answers GetQueueAttributes: the API can enqueue builds.
internal sealed class SqsReadiness(IAmazonSQS sqs, QueueDirectory queues) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var url = await queues.GetQueueUrlAsync(Builds.PostBuildHandler.Worker, cancellationToken);
            await sqs.GetQueueAttributesAsync(url, ["QueueArn"], cancellationToken);
            return HealthCheckResult.Healthy("SQS answers.");
        }
        catch (Exception ex) when (ex is AmazonServiceException or AmazonClientException or HttpRequestException or OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"SQS is unreachable: {ex.Message}");
        }
    }
}
