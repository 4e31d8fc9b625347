using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Workers.Cli.Commands;
using Workers.Fleet;
using Workers.TaskManager;
using Workers.TaskManager.Options;

namespace Workers.Cli.Composition;

// The composition root, built once per command after parsing (so --env is known): the TaskManager's publisher
// (with the AWS clients and the database it registers), queue directory and readers, and each group's services.
internal static class CliServices
{
    public static ServiceProvider Build(IConfiguration configuration, FleetDeclaration fleet, Consoles consoles, IEnumerable<ICommandGroup> groups)
    {
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddSingleton(consoles);
        services.AddSingleton(consoles.Out);
        services.AddTaskPublisher(fleet, "workers-cli");
        foreach (var group in groups)
        {
            group.AddServices(services);
        }

        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        try
        {
            // Validated at start, as a worker's host does, so a bad Fleet__Environment or queue URL fails before
            // any call. The database is left to the commands that use it: `queues` and a plain `enqueue` work without
            // one, and a missing configuration surfaces as an OptionsValidationException when it is first needed.
            _ = provider.GetRequiredService<IOptions<FleetOptions>>().Value;
            _ = provider.GetRequiredService<IOptions<ClaimCheckOptions>>().Value;
            return provider;
        }
        catch
        {
            provider.Dispose();
            throw;
        }
    }
}
