using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Workers.Fleet;
using Workers.TaskManager;
using Workers.TaskManager.Persistence;

namespace Workers.Benchmarks;

// A worker host named "sink" in-process, consuming `queueUrl` (its own tasks go there too) with the TaskManager's
// own tables as its database, quiet but for warnings: what the outbox and time benchmarks measure against.
internal static class SinkHost
{
    public static IHost Create<TSink>(FleetDeclaration fleet, string queueUrl, string connectionString, TSink sink, Action<TaskManagerBuilder> tasks, bool scheduler = false)
        where TSink : class
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["TaskManager:QueueUrl"] = queueUrl,
            ["Fleet:QueueUrls:sink"] = queueUrl,
            ["ConnectionStrings:Workers"] = connectionString,
            ["Metrics:Emf"] = "false",
            ["TaskManager:Scheduler:Enabled"] = scheduler ? "true" : "false",
        });
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(sink);
        var taskManager = builder.AddTaskManager(fleet.Worker("sink"));
        tasks(taskManager);
        taskManager.UseDatabase<TaskStoreDbContext>(TaskStoreDbContext.Schema);
        return builder.Build();
    }
}
