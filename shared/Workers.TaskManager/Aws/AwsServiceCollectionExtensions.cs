using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.SQS;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Workers.TaskManager.Aws;

/// <summary>Registers the AWS clients the fleet uses.</summary>
public static class AwsServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IAmazonSQS"/> and <see cref="IAmazonS3"/> configured from the SDK's standard settings, read
    /// through <see cref="IConfiguration"/> (so environment variables and in-process settings both work):
    /// <c>AWS_ENDPOINT_URL</c> (or <c>AWS_ENDPOINT_URL_SQS</c>/<c>_S3</c>) with <c>AWS_REGION</c> and keys point
    /// them at a local emulator. With no endpoint setting they talk to real AWS with the SDK's default region and
    /// credential chain (the ECS task role).
    /// </summary>
    public static IServiceCollection AddWorkersAws(this IServiceCollection services)
    {
        services.TryAddSingleton<IAmazonSQS>(sp =>
        {
            var configuration = sp.GetRequiredService<IConfiguration>();

            // Long polls hold a connection for up to 20 s each; allow the pollers their own connections.
            var config = Configure(new AmazonSQSConfig { MaxConnectionsPerServer = 64 }, configuration, "SQS");
            return Credentials(configuration) is { } credentials ? new AmazonSQSClient(credentials, config) : new AmazonSQSClient(config);
        });
        services.TryAddSingleton<IAmazonS3>(sp =>
        {
            var configuration = sp.GetRequiredService<IConfiguration>();

            // Emulators serve buckets by path (http://host:port/bucket), not by virtual host.
            var config = Configure(new AmazonS3Config { ForcePathStyle = Endpoint(configuration, "S3") is not null }, configuration, "S3");
            return Credentials(configuration) is { } credentials ? new AmazonS3Client(credentials, config) : new AmazonS3Client(config);
        });
        return services;
    }

    private static TConfig Configure<TConfig>(TConfig config, IConfiguration configuration, string service)
        where TConfig : ClientConfig
    {
        var region = Value(configuration, "AWS_REGION") ?? Value(configuration, "AWS_DEFAULT_REGION");
        if (Endpoint(configuration, service) is { } endpoint)
        {
            // ServiceURL and RegionEndpoint exclude each other; an emulator still needs a region to sign with.
            config.ServiceURL = endpoint;
            config.AuthenticationRegion = region;
        }
        else if (region is not null)
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }

        return config;
    }

    private static string? Endpoint(IConfiguration configuration, string service) =>
        Value(configuration, "AWS_ENDPOINT_URL_" + service) ?? Value(configuration, "AWS_ENDPOINT_URL");

    private static AWSCredentials? Credentials(IConfiguration configuration)
    {
        if (Value(configuration, "AWS_ACCESS_KEY_ID") is not { } accessKey || Value(configuration, "AWS_SECRET_ACCESS_KEY") is not { } secretKey)
        {
            return null;
        }

        return Value(configuration, "AWS_SESSION_TOKEN") is { } token
            ? new SessionAWSCredentials(accessKey, secretKey, token)
            : new BasicAWSCredentials(accessKey, secretKey);
    }

    // The process environment backs configuration up: a host built without the environment configuration
    // source must still reach the endpoint the SDK itself would read from there.
    private static string? Value(IConfiguration configuration, string key) =>
        configuration[key] is { Length: > 0 } value ? value
        : Environment.GetEnvironmentVariable(key) is { Length: > 0 } environment ? environment
        : null;
}
