using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Workers.TaskManager.Consuming;

// Sends entries in SQS batch calls of up to 10. With no call in flight an entry goes out at once, alone if
// nothing else is waiting, so latency at light load is one call. While a call is in flight, a batch that is not
// full waits until that call returns or ten entries are waiting, whichever comes first (Nagle's rule for TCP,
// applied to SQS calls), and never longer than MaxLinger: entries gather behind the call in flight instead of
// going out in a call each. Before this rule a busy worker made 1.18–1.32 delete calls per 10 messages against
// the 1.0 that full batches need (1.09–1.15 with it); every call is CPU here and a billed request on AWS.
// Up to maxConcurrentCalls full batches go out at once.
internal abstract class SqsBatchSender<TEntry> : IAsyncDisposable
{
    private const int MaxBatch = 10; // SQS batch APIs take at most 10 entries.
    private const int MaxAttempts = 3;

    // The longest a batch that is not full waits behind a call in flight: a call that hangs (until the SDK's
    // timeout) must not hold back the deletes of other messages while their visibility timeout runs.
    private static readonly TimeSpan MaxLinger = TimeSpan.FromMilliseconds(20);

    private readonly Channel<Pending> _channel =
        Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SemaphoreSlim _calls;
    private readonly int _maxConcurrentCalls;
    private readonly TimeProvider _time;
    private readonly Task _loop;
    private TaskCompletionSource _wake = NewSignal();
    private int _callsInFlight;
    private int _waiting; // entries written and not yet read: the single-reader channel keeps no count

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
        else if (Interlocked.Increment(ref _waiting) >= MaxBatch)
        {
            Volatile.Read(ref _wake).TrySetResult();
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
            await WhenWorthSendingAsync();
            var batch = new List<Pending>(MaxBatch);
            while (batch.Count < MaxBatch && reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            Interlocked.Add(ref _waiting, -batch.Count);

            if (batch.Count == 0)
            {
                _calls.Release();
                continue;
            }

            Interlocked.Increment(ref _callsInFlight);
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
            Interlocked.Decrement(ref _callsInFlight);
            _calls.Release();
            Volatile.Read(ref _wake).TrySetResult();
        }
    }

    // Returns once a full batch is waiting, no call is in flight, or MaxLinger has passed. A signal that fires
    // between reading `_wake` and checking the state is not lost: the check sees what the signal announced.
    private async Task WhenWorthSendingAsync()
    {
        while (true)
        {
            var wake = Volatile.Read(ref _wake);
            if (Volatile.Read(ref _waiting) >= MaxBatch || Volatile.Read(ref _callsInFlight) == 0)
            {
                return;
            }

            if (await Task.WhenAny(wake.Task, Task.Delay(MaxLinger, _time)) != wake.Task)
            {
                return; // The call in flight is slow (or hung): this batch does not wait for it.
            }

            Interlocked.CompareExchange(ref _wake, NewSignal(), wake);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed record Pending(TEntry Entry, TaskCompletionSource<BatchEntryResult> Done);
}
