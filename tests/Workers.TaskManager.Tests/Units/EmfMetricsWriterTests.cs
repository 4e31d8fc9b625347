using System.Diagnostics.Metrics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Workers.TaskManager.Options;
using Workers.TaskManager.Telemetry;

namespace Workers.TaskManager.Tests.Units;

public sealed class EmfMetricsWriterTests
{
    [Fact]
    public async Task Task_outcomes_become_one_embedded_metric_format_line_per_task_type()
    {
        var (metrics, writer, output) = Create();
        await writer.StartAsync(TestContext.Current.CancellationToken);

        metrics.Handled("updateStock", TaskOutcome.Succeeded, 12.5);
        metrics.Handled("updateStock", TaskOutcome.Succeeded, 7);
        metrics.Handled("updateStock", TaskOutcome.Failed, 30);
        metrics.Handled("updateStock", TaskOutcome.DeadLettered, 2);
        metrics.Handled("csvStock", TaskOutcome.Succeeded, 900);
        await writer.StopAsync(TestContext.Current.CancellationToken);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var update = Assert.Single(lines, l => l.GetProperty("TaskType").GetString() == "updateStock");
        var directive = update.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0];
        Assert.Equal("Workers", directive.GetProperty("Namespace").GetString());
        Assert.Equal("[[\"Environment\",\"Worker\"],[\"Environment\",\"Worker\",\"TaskType\"]]", directive.GetProperty("Dimensions").GetRawText());
        Assert.Equal(["TasksSucceeded", "TasksFailed", "TasksDeadLettered", "TaskDuration"], directive.GetProperty("Metrics").EnumerateArray().Select(m => m.GetProperty("Name").GetString()));
        Assert.Equal("product", update.GetProperty("Worker").GetString());
        Assert.Equal(2, update.GetProperty("TasksSucceeded").GetInt32());
        Assert.Equal(2, update.GetProperty("TasksFailed").GetInt32());
        Assert.Equal(1, update.GetProperty("TasksDeadLettered").GetInt32());
        Assert.Equal([12.5, 7, 30, 2], update.GetProperty("TaskDuration").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Single(lines, l => l.GetProperty("TaskType").GetString() == "csvStock");
    }

    [Fact]
    public async Task Durations_beyond_the_hundred_values_an_EMF_array_holds_are_sampled()
    {
        var (metrics, writer, output) = Create();
        await writer.StartAsync(TestContext.Current.CancellationToken);

        for (var i = 0; i < 5000; i++)
        {
            metrics.Handled("sendEmail", TaskOutcome.Succeeded, i);
        }

        await writer.StopAsync(TestContext.Current.CancellationToken);

        var line = JsonDocument.Parse(output.ToString().Trim()).RootElement;
        Assert.Equal(5000, line.GetProperty("TasksSucceeded").GetInt32());
        Assert.Equal(100, line.GetProperty("TaskDuration").GetArrayLength());
    }

    [Fact]
    public async Task Time_a_dependency_was_down_becomes_one_DependencyUnavailableSeconds_line_per_dependency()
    {
        var (metrics, writer, output) = Create();
        await writer.StartAsync(TestContext.Current.CancellationToken);

        metrics.DependencyUnavailable("postgresql", TimeSpan.FromSeconds(1.5));
        metrics.DependencyUnavailable("postgresql", TimeSpan.FromSeconds(15));
        metrics.DependencyUnavailable("smtp", TimeSpan.FromSeconds(2));
        metrics.Handled("updateStock", TaskOutcome.WaitingForDependency, 3);
        await writer.StopAsync(TestContext.Current.CancellationToken);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var postgres = Assert.Single(lines, l => l.TryGetProperty("Dependency", out var d) && d.GetString() == "postgresql");
        var directive = postgres.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0];
        Assert.Equal("[[\"Environment\",\"Worker\"],[\"Environment\",\"Worker\",\"Dependency\"]]", directive.GetProperty("Dimensions").GetRawText());
        Assert.Equal(16.5, postgres.GetProperty("DependencyUnavailableSeconds").GetDouble());
        Assert.Equal("staging", postgres.GetProperty("Environment").GetString());
        Assert.Single(lines, l => l.TryGetProperty("Dependency", out var d) && d.GetString() == "smtp");

        // A held task is neither a success nor a failure: the error-rate alarm does not count outages.
        var held = Assert.Single(lines, l => l.TryGetProperty("TaskType", out _));
        Assert.Equal(0, held.GetProperty("TasksFailed").GetInt32());
    }

    private static (TaskManagerMetrics Metrics, EmfMetricsWriter Writer, StringWriter Output) Create()
    {
        var meterFactory = new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();
        var output = new StringWriter();
        var writer = new EmfMetricsWriter(
            meterFactory,
            Microsoft.Extensions.Options.Options.Create(new MetricsOptions()),
            Microsoft.Extensions.Options.Options.Create(new TaskManagerOptions { Worker = "product" }),
            Microsoft.Extensions.Options.Options.Create(new FleetOptions { Environment = "staging" }),
            new FakeTimeProvider(),
            NullLogger<EmfMetricsWriter>.Instance)
        {
            Output = output,
        };
        return (new TaskManagerMetrics(meterFactory), writer, output);
    }
}
