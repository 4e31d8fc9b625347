using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Workers.TaskManager.Tests.Infrastructure;

// Counts one host's measurements of a TaskManager instrument, and lets a test await a number of them.
public sealed class MeasurementCounter : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly Lock _gate = new();
    private readonly List<(long Target, TaskCompletionSource Done)> _waiters = [];
    private long _total;

    public MeasurementCounter(IHost host, string instrument)
    {
        var factory = host.Services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (i, listener) =>
        {
            if (i.Meter.Scope == factory && i.Name == instrument)
            {
                listener.EnableMeasurementEvents(i);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Add(value));
        _listener.Start();
    }

    public long Total => Interlocked.Read(ref _total);

    public Task AtLeastAsync(long count)
    {
        lock (_gate)
        {
            if (_total >= count)
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, done));
            return done.Task;
        }
    }

    public void Dispose() => _listener.Dispose();

    private void Add(long value)
    {
        lock (_gate)
        {
            _total += value;
            foreach (var waiter in _waiters.Where(w => w.Target <= _total).ToList())
            {
                waiter.Done.SetResult();
                _waiters.Remove(waiter);
            }
        }
    }
}
