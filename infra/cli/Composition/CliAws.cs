using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.SQS;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Workers.Cli.Composition;

// The AWS clients, configured from the CLI's configuration rather than straight from the process environment
// (as AddWorkersAws does), so that settings handed to CliApplication.RunAsync reach them too. Same keys, same
// meaning: AWS_ENDPOINT_URL (or AWS_ENDPOINT_URL_SQS/_S3) and keys for the local stack; nothing for real AWS,
// where the SDK's default credential and region chain applies. Registered before AddTaskPublisher, whose
// TryAdd registrations then keep these.
internal static class CliAws
{
    public static IServiceCollection AddCliAws(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IAmazonSQS>(_ =>
        {
            var config = Configure(new AmazonSQSConfig(), configuration, "SQS");
            return Credentials(configuration) is { } credentials ? new AmazonSQSClient(credentials, config) : new AmazonSQSClient(config);
        });
        services.AddSingleton<IAmazonS3>(_ =>
        {
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

    private static string? Value(IConfiguration configuration, string key) =>
        configuration[key] is { Length: > 0 } value ? value : null;
}
