using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Workers.TaskManager.Options;

namespace Workers.TaskManager.Telemetry;

// Listens to this host's TaskManager instruments and writes one EMF line per task type per interval with
// TasksSucceeded, TasksFailed, TasksDeadLettered and TaskDuration, under dimension sets [Environment, Worker] and
// [Environment, Worker, TaskType], and one per dependency that was down with DependencyUnavailableSeconds. infra/ alarms compute the error rate from these names.
// Options are read in StartAsync, not the constructor: hosted services are created before the host validates
// options at start, and an early read would report one options class instead of every error.
internal sealed class EmfMetricsWriter(
    IMeterFactory meterFactory,
    IOptions<MetricsOptions> metricsOptions,
    IOptions<TaskManagerOptions> taskManager,
    IOptions<FleetOptions> fleet,
    TimeProvider time,
    ILogger<EmfMetricsWriter> logger) : BackgroundService
{
    private readonly MeterListener _listener = new();
    private ConcurrentDictionary<string, EmfAggregate> _current = new(StringComparer.Ordinal);
    private ConcurrentDictionary<string, double> _unavailable = new(StringComparer.Ordinal);
    private MetricsOptions _options = new();
    private string _worker = "";
    private string _environment = "";

    public TextWriter Output { get; init; } = Console.Out;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _options = metricsOptions.Value;
        _worker = taskManager.Value.Worker;
        _environment = fleet.Value.Environment;
        if (!_options.Emf)
        {
            return Task.CompletedTask;
        }

        // Meters are per host (IMeterFactory): in a process with several hosts, each writer reads only its own.
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Scope == meterFactory && instrument.Meter.Name == TaskManagerMetrics.MeterName
                && instrument.Name is TaskManagerMetrics.TasksName or TaskManagerMetrics.DurationName or TaskManagerMetrics.UnavailableName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>(OnCount);
        _listener.SetMeasurementEventCallback<double>(OnDuration);
        _listener.Start();
        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_options.Emf)
        {
            Flush();
        }
    }

    public override void Dispose()
    {
        _listener.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.FlushInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                Flush();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; StopAsync writes what is left.
        }
    }

    private void OnCount(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        var (taskType, outcome) = Read(tags);
        var aggregate = _current.GetOrAdd(taskType, static _ => new EmfAggregate());
        switch (outcome)
        {
            case "succeeded": Interlocked.Add(ref aggregate.Succeeded, value); break;
            case "failed": Interlocked.Add(ref aggregate.Failed, value); break;
            case "dead_lettered":
                Interlocked.Add(ref aggregate.Failed, value);
                Interlocked.Add(ref aggregate.DeadLettered, value);
                break;
            case "duplicate": Interlocked.Add(ref aggregate.Duplicates, value); break;
            default: break;
        }
    }

    private void OnDuration(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        if (instrument.Name == TaskManagerMetrics.UnavailableName)
        {
            var dependency = "";
            foreach (var tag in tags)
            {
                if (tag.Key == "dependency")
                {
                    dependency = tag.Value as string ?? "";
                }
            }

            _unavailable.AddOrUpdate(dependency, value, (_, sum) => sum + value);
            return;
        }

        var (taskType, outcome) = Read(tags);
        if (outcome is "succeeded" or "failed" or "dead_lettered")
        {
            _current.GetOrAdd(taskType, static _ => new EmfAggregate()).AddDuration(value);
        }
    }

    private static (string TaskType, string Outcome) Read(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        string taskType = "", outcome = "";
        foreach (var tag in tags)
        {
            if (tag.Key == "task_type")
            {
                taskType = tag.Value as string ?? "";
            }
            else if (tag.Key == "outcome")
            {
                outcome = tag.Value as string ?? "";
            }
        }

        return (taskType, outcome);
    }

    private void Flush()
    {
        var flushed = Interlocked.Exchange(ref _current, new ConcurrentDictionary<string, EmfAggregate>(StringComparer.Ordinal));
        var unavailable = Interlocked.Exchange(ref _unavailable, new ConcurrentDictionary<string, double>(StringComparer.Ordinal));
        var timestamp = time.GetUtcNow().ToUnixTimeMilliseconds();
        try
        {
            foreach (var (taskType, aggregate) in flushed)
            {
                Output.WriteLine(EmfLine.Format(_options.Namespace, timestamp, _worker, _environment, taskType, aggregate));
            }

            foreach (var (dependency, seconds) in unavailable)
            {
                Output.WriteLine(EmfLine.FormatUnavailable(_options.Namespace, timestamp, _worker, _environment, dependency, seconds));
            }

            Output.Flush();
        }
#pragma warning disable CA1031 // Losing one minute of metrics must not take the worker down.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.MetricsFailed(logger, ex);
        }
    }
}
