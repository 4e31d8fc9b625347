using Microsoft.Extensions.Configuration;
using Workers.TaskManager.Options;

namespace Workers.Cli.Composition;

// The CLI reads the keys the workers read (AWS_ENDPOINT_URL, ConnectionStrings__Workers, Fleet__Environment,
// Fleet__QueueUrls__<worker>, ...) from the environment. The caller's settings come next (tests point the CLI
// at their own queue and database this way), and --env last, as typed options beat the environment.
internal static class CliConfiguration
{
    public static IConfiguration Build(IDictionary<string, string?> settings, string? environment)
    {
        var builder = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddInMemoryCollection(settings);
        if (environment is not null)
        {
            builder.AddInMemoryCollection([new($"{FleetOptions.SectionName}:{nameof(FleetOptions.Environment)}", environment)]);
        }

        return builder.Build();
    }
}
