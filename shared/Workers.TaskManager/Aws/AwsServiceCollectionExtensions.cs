using Amazon.S3;
using Amazon.SQS;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Workers.TaskManager.Aws;

/// <summary>Registers the AWS clients the fleet uses.</summary>
public static class AwsServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IAmazonSQS"/> and <see cref="IAmazonS3"/> configured the SDK's standard way: region and
    /// credentials from the environment (the ECS task role in AWS), and — only when <c>AWS_ENDPOINT_URL</c> (or a
    /// service-specific <c>AWS_ENDPOINT_URL_SQS</c>/<c>_S3</c>) is set — a local emulator. With no endpoint setting
    /// the same code talks to real AWS.
    /// </summary>
    public static IServiceCollection AddWorkersAws(this IServiceCollection services)
    {
        services.TryAddSingleton<IAmazonSQS>(_ => new AmazonSQSClient(new AmazonSQSConfig
        {
            // Long polls hold a connection for up to 20 s each; allow the pollers their own connections.
            MaxConnectionsPerServer = 64,
        }));
        services.TryAddSingleton<IAmazonS3>(_ => new AmazonS3Client(new AmazonS3Config
        {
            // Emulators serve buckets by path (http://host:port/bucket), not by virtual host.
            ForcePathStyle = AwsEndpoints.IsCustom("S3"),
        }));
        return services;
    }
}
