using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Workers.TaskManager.Tests.Infrastructure;
using Workers.Testing;

namespace Workers.TaskManager.Tests;

public sealed class OptionsValidationTests
{
    [Fact]
    public async Task Invalid_options_stop_the_worker_at_start_with_every_error_listed()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["TaskManager:WaitTimeSeconds"] = "25",
            ["TaskManager:BatchSize"] = "11",
            ["TaskManager:MaxInFlight"] = "0",
            ["TaskManager:VisibilityTimeout"] = "13:00:00",
            ["TaskManager:Retry:BaseDelay"] = "00:10:00",
            ["TaskManager:Retry:MaxDelay"] = "00:01:00",
            ["TaskManager:TaskTypes:shipRocket:ChunkSize"] = "5",
            ["ClaimCheck:ThresholdBytes"] = "5000000",
        });
        var taskManager = builder.AddTaskManager(TestFleet.Worker("test", new TestTaskType("echo"), new TestTaskType("other")));
        taskManager.AddTask<Echo, ScriptedHandler>("echo");
        using var host = builder.Build();

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync(TestContext.Current.CancellationToken));
        TestContext.Current.TestOutputHelper?.WriteLine(failure.ToString());

        var message = failure.ToString();
        Assert.Contains("WaitTimeSeconds", message, StringComparison.Ordinal);
        Assert.Contains("BatchSize", message, StringComparison.Ordinal);
        Assert.Contains("MaxInFlight", message, StringComparison.Ordinal);
        Assert.Contains("VisibilityTimeout", message, StringComparison.Ordinal);
        Assert.Contains("Retry:BaseDelay", message, StringComparison.Ordinal);
        Assert.Contains("Task type 'other' is declared", message, StringComparison.Ordinal);
        Assert.Contains("TaskManager:TaskTypes:shipRocket", message, StringComparison.Ordinal);
        Assert.Contains("ThresholdBytes", message, StringComparison.Ordinal);
        Assert.Contains("No database is configured", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_handler_for_a_task_type_the_fleet_does_not_declare_is_refused_at_registration()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var taskManager = builder.AddTaskManager(TestFleet.Worker("test", new TestTaskType("echo")));

        var failure = Assert.Throws<InvalidOperationException>(() => taskManager.AddTask<Echo, ScriptedHandler>("ehco"));

        Assert.Contains("'ehco' is not declared for worker 'test'", failure.Message, StringComparison.Ordinal);
    }
}
