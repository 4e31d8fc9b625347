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
    public static IHost Create(string queueUrl, TestDatabase database, BenchWork work, int? maxInFlight, bool recordTasks = true, int? pollers = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var settings = new Dictionary<string, string?>
        {
            ["TaskManager:QueueUrl"] = queueUrl,
            ["TaskManager:RecordCompletedTasks"] = recordTasks ? "true" : "false",
            ["Fleet:QueueUrls:bench"] = queueUrl,
            ["ConnectionStrings:Workers"] = database.ConnectionString,
            ["Metrics:Emf"] = "false",
        };

        // Unset means the TaskManager's own default (a key with no value would bind as 0).
        if (maxInFlight is { } inFlight)
        {
            settings["TaskManager:MaxInFlight"] = inFlight.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (pollers is { } count)
        {
            settings["TaskManager:Pollers"] = count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(work);
        builder.AddTaskManager(TestFleet.Worker("bench", new TestTaskType("bench")))
            .AddTask<BenchBody, BenchHandler>("bench");
        return builder.Build();
    }
}
