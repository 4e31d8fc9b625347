using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Workers.TaskManager.Consuming;

namespace Workers.TaskManager.Tests.Units;

// The batching rule of SqsBatchSender (deletes, visibility changes): alone when nothing is in flight; behind a
// call in flight, gathered until it returns, ten are waiting, or 20 ms have passed. The calls here are held
// open by the test, so "in flight" lasts exactly as long as each test needs; the sender's clock is fake and
// tells the test when the sender starts to wait.
public sealed class SqsBatchSenderTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Entries_that_arrive_while_a_call_is_in_flight_go_out_together_when_it_returns()
    {
        var time = new WatchedTime();
        await using var sender = new HeldSender(time);
        var first = sender.SendAsync(1);
        var call1 = await sender.NextCallAsync();
        Assert.Equal([1], call1.Entries);

        // Entry 2 does not go out alone in a second call: the sender waits behind call 1.
        var waiting = time.NextTimer();
        var second = sender.SendAsync(2);
        var next = sender.NextCallAsync();
        Assert.Same(waiting, await Task.WhenAny(waiting, next).WaitAsync(Patience, TestContext.Current.CancellationToken));

        var third = sender.SendAsync(3);
        call1.Release();
        var call2 = await next.WaitAsync(Patience, TestContext.Current.CancellationToken);
        Assert.Equal([2, 3], call2.Entries);
        call2.Release();

        Assert.All(await Task.WhenAll(first, second, third), r => Assert.True(r.Succeeded));
    }

    [Fact]
    public async Task A_call_that_hangs_holds_the_next_entries_back_for_at_most_20_ms()
    {
        var time = new WatchedTime();
        await using var sender = new HeldSender(time);
        _ = sender.SendAsync(1);
        var call1 = await sender.NextCallAsync();

        var waiting = time.NextTimer();
        var second = sender.SendAsync(2);
        await waiting.WaitAsync(Patience, TestContext.Current.CancellationToken);
        time.Advance(TimeSpan.FromMilliseconds(20));

        // Call 1 is still open: entry 2 went out on its own once the 20 ms had passed.
        var call2 = await sender.NextCallAsync().WaitAsync(Patience, TestContext.Current.CancellationToken);
        Assert.Equal([2], call2.Entries);
        call2.Release();
        Assert.True((await second).Succeeded);
        call1.Release();
    }

    [Fact]
    public async Task Ten_waiting_entries_go_out_without_waiting_for_the_call_in_flight()
    {
        var time = new WatchedTime();
        await using var sender = new HeldSender(time);
        _ = sender.SendAsync(0);
        var call1 = await sender.NextCallAsync();

        var ten = Enumerable.Range(1, 10).Select(sender.SendAsync).ToList();
        var call2 = await sender.NextCallAsync().WaitAsync(Patience, TestContext.Current.CancellationToken);
        Assert.Equal(Enumerable.Range(1, 10), call2.Entries);
        call2.Release();
        Assert.All(await Task.WhenAll(ten), r => Assert.True(r.Succeeded));
        call1.Release();
    }

    // Each batch call stays open until the test releases it. Disposing releases every call first, so a test
    // that fails with a call still open ends instead of waiting on it.
    private sealed class HeldSender(TimeProvider time)
        : SqsBatchSender<int>(maxConcurrentCalls: 4, time, NullLogger.Instance), IAsyncDisposable
    {
        private readonly Channel<HeldCall> _calls = Channel.CreateUnbounded<HeldCall>();
        private readonly System.Collections.Concurrent.ConcurrentQueue<HeldCall> _made = new();

        public Task<HeldCall> NextCallAsync() => _calls.Reader.ReadAsync(TestContext.Current.CancellationToken).AsTask();

        public new async ValueTask DisposeAsync()
        {
            foreach (var call in _made)
            {
                call.Release();
            }

            await base.DisposeAsync();
        }

        protected override async Task<IReadOnlyList<BatchEntryResult>> SendBatchAsync(IReadOnlyList<int> entries)
        {
            var call = new HeldCall([.. entries]);
            _made.Enqueue(call);
            await _calls.Writer.WriteAsync(call);
            await call.Released.Task;
            return [.. entries.Select(_ => BatchEntryResult.Success)];
        }
    }

    private sealed record HeldCall(List<int> Entries)
    {
        public TaskCompletionSource Released { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release() => Released.TrySetResult();
    }

    // A fake clock that says when the next timer is created: the sender's 20 ms bound starts as it begins to wait.
    private sealed class WatchedTime : FakeTimeProvider
    {
        private TaskCompletionSource _created = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task NextTimer()
        {
            _created = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _created.Task;
        }

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            _created.TrySetResult();
            return timer;
        }
    }
}
