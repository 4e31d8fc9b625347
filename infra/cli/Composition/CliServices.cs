using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Workers.Cli.Commands;
using Workers.Fleet;
using Workers.TaskManager;
using Workers.TaskManager.Options;

namespace Workers.Cli.Composition;

// The composition root, built once per command after parsing (so --env is known): the CLI's own AWS clients
// and database, the TaskManager's publisher, queue directory and readers, and what each command group adds.
internal static class CliServices
{
    public static ServiceProvider Build(IConfiguration configuration, FleetDeclaration fleet, Consoles consoles, IEnumerable<ICommandGroup> groups)
    {
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddSingleton(consoles);
        services.AddSingleton(consoles.Out);
        services.AddCliAws(configuration);
        services.AddCliDatabase();
        services.AddTaskPublisher(fleet, CliDatabase.ApplicationName);
        foreach (var group in groups)
        {
            group.AddServices(services);
        }

        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        try
        {
            // Validated at start, as a worker's host does, so a bad Fleet__Environment or queue URL fails before
            // any call. The database options are left to the commands that use the database (see CliDatabase).
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
