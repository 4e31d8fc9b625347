using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Workers.TaskManager.Consuming;

// Sends entries in SQS batch calls of up to 10. There is no timer: an entry goes out as soon as a call slot is
// free, alone if nothing else is waiting; while every slot is busy entries pile up and the next call carries ten.
// That keeps latency at light load and turns ten calls into one at high load.
internal abstract class SqsBatchSender<TEntry> : IAsyncDisposable
{
    private const int MaxBatch = 10; // SQS batch APIs take at most 10 entries.
    private const int MaxAttempts = 3;

    private readonly Channel<Pending> _channel =
        Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SemaphoreSlim _calls;
    private readonly int _maxConcurrentCalls;
    private readonly TimeProvider _time;
    private readonly Task _loop;

    protected SqsBatchSender(int maxConcurrentCalls, TimeProvider time, ILogger logger)
    {
        _maxConcurrentCalls = maxConcurrentCalls;
        _calls = new SemaphoreSlim(maxConcurrentCalls, maxConcurrentCalls);
        _time = time;
        Logger = logger;
        _loop = Task.Run(RunAsync);
    }

    protected ILogger Logger { get; }

    public Task<BatchEntryResult> SendAsync(TEntry entry)
    {
        var pending = new Pending(entry, new TaskCompletionSource<BatchEntryResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_channel.Writer.TryWrite(pending))
        {
            pending.Done.TrySetResult(BatchEntryResult.Failure("Closed", "The sender is shut down.", transient: false));
        }

        return pending.Done.Task;
    }

    // Sends what is queued, waits for every call in flight, and stops.
    public async ValueTask DisposeAsync()
    {
        _channel.Writer.TryComplete();
        await _loop;
        GC.SuppressFinalize(this);
    }

    // Sends one call; returns each entry's result in the order given.
    protected abstract Task<IReadOnlyList<BatchEntryResult>> SendBatchAsync(IReadOnlyList<TEntry> entries);

    private async Task RunAsync()
    {
        var reader = _channel.Reader;
        while (await reader.WaitToReadAsync())
        {
            await _calls.WaitAsync();
            var batch = new List<Pending>(MaxBatch);
            while (batch.Count < MaxBatch && reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            if (batch.Count == 0)
            {
                _calls.Release();
                continue;
            }

            _ = SendAndReleaseAsync(batch);
        }

        // Wait for the calls still in flight.
        for (var i = 0; i < _maxConcurrentCalls; i++)
        {
            await _calls.WaitAsync();
        }
    }

    // Retries run inline, holding the call slot, so disposing waits for them too.
    private async Task SendAndReleaseAsync(List<Pending> batch)
    {
        try
        {
            var remaining = batch;
            for (var attempt = 1; remaining.Count > 0; attempt++)
            {
                IReadOnlyList<BatchEntryResult> results;
                var callFailed = false;
                try
                {
                    results = await SendBatchAsync(remaining.ConvertAll(p => p.Entry));
                }
#pragma warning disable CA1031 // A failed call fails its entries; their owners log and recover.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    callFailed = true;
                    results = remaining.ConvertAll(_ => BatchEntryResult.Failure(ex.GetType().Name, ex.Message, transient: true));
                }

                var retry = new List<Pending>();
                for (var i = 0; i < remaining.Count; i++)
                {
                    var result = results[i];
                    if (!result.Succeeded && attempt < MaxAttempts && (callFailed || result.Transient))
                    {
                        retry.Add(remaining[i]);
                    }
                    else
                    {
                        remaining[i].Done.TrySetResult(result);
                    }
                }

                if (retry.Count > 0)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt), _time);
                }

                remaining = retry;
            }
        }
        finally
        {
            _calls.Release();
        }
    }

    private sealed record Pending(TEntry Entry, TaskCompletionSource<BatchEntryResult> Done);
}
