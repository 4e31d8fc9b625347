using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Workers.TaskManager;
using Workers.Testing;

namespace Workers.Benchmarks;

// A worker host with one task type, "bench", consuming the given queue; logs only warnings and worse.
internal static class BenchHost
{
    public static IHost Create(string queueUrl, TestDatabase database, BenchWork work, int maxInFlight, bool recordTasks = true, int? pollers = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["TaskManager:QueueUrl"] = queueUrl,
            ["TaskManager:MaxInFlight"] = maxInFlight.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["TaskManager:RecordCompletedTasks"] = recordTasks ? "true" : "false",
            ["Fleet:QueueUrls:bench"] = queueUrl,
            ["ConnectionStrings:Workers"] = database.ConnectionString,
            ["Metrics:Emf"] = "false",
            ["TaskManager:Pollers"] = pollers?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(work);
        builder.AddTaskManager(TestFleet.Worker("bench", new TestTaskType("bench")))
            .AddTask<BenchBody, BenchHandler>("bench");
        return builder.Build();
    }
}
