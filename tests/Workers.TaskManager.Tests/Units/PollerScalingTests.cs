using Workers.TaskManager.Consuming;

namespace Workers.TaskManager.Tests.Units;

public sealed class PollerScalingTests
{
    private const int Batch = 10;

    [Fact]
    public void Only_the_first_poller_polls_until_receives_come_back_full()
    {
        using var limiter = new InFlightLimiter(100);
        using var scaling = new PollerScaling(maxPollers: 5, Batch, limiter);

        Assert.Equal(1, scaling.Active);
        Assert.True(scaling.TurnAsync(0).IsCompleted);
        Assert.False(scaling.TurnAsync(1).IsCompleted);
    }

    [Fact]
    public void Each_full_receive_adds_a_poller_up_to_the_configured_number()
    {
        using var limiter = new InFlightLimiter(100);
        using var scaling = new PollerScaling(maxPollers: 3, Batch, limiter);
        var second = scaling.TurnAsync(1);

        scaling.Received(asked: Batch, received: Batch);
        Assert.Equal(2, scaling.Active);
        Assert.True(second.IsCompleted);

        scaling.Received(Batch, Batch);
        scaling.Received(Batch, Batch);
        Assert.Equal(3, scaling.Active);
        Assert.True(scaling.Backlog);
    }

    [Fact]
    public async Task No_poller_joins_while_the_in_flight_limit_has_no_room_for_another_whole_batch()
    {
        using var limiter = new InFlightLimiter(15);
        using var scaling = new PollerScaling(maxPollers: 3, Batch, limiter);
        Assert.Equal(10, await limiter.ReserveAsync(Batch, TimeSpan.Zero, TimeSpan.Zero, TestContext.Current.CancellationToken));

        scaling.Received(Batch, Batch);

        Assert.Equal(1, scaling.Active);
    }

    [Fact]
    public void A_receive_limited_by_free_slots_that_comes_back_full_adds_no_poller()
    {
        using var limiter = new InFlightLimiter(100);
        using var scaling = new PollerScaling(maxPollers: 3, Batch, limiter);

        scaling.Received(asked: 4, received: 4);

        Assert.Equal(1, scaling.Active);
        Assert.True(scaling.Backlog);
    }

    [Fact]
    public void An_empty_receive_brings_the_pollers_back_to_one()
    {
        using var limiter = new InFlightLimiter(100);
        using var scaling = new PollerScaling(maxPollers: 5, Batch, limiter);
        for (var i = 0; i < 4; i++)
        {
            scaling.Received(Batch, Batch);
        }

        var parked = scaling.TurnAsync(4);
        Assert.True(parked.IsCompleted);

        scaling.Received(Batch, 0);

        Assert.Equal(1, scaling.Active);
        Assert.False(scaling.Backlog);
        Assert.False(scaling.TurnAsync(1).IsCompleted);
    }

    [Fact]
    public void A_partial_receive_drops_one_poller_so_a_thinning_backlog_keeps_most_of_them()
    {
        using var limiter = new InFlightLimiter(100);
        using var scaling = new PollerScaling(maxPollers: 5, Batch, limiter);
        for (var i = 0; i < 4; i++)
        {
            scaling.Received(Batch, Batch);
        }

        scaling.Received(Batch, 6);

        Assert.Equal(4, scaling.Active);
        Assert.False(scaling.Backlog);
    }

    [Fact]
    public void A_whole_batch_is_never_larger_than_the_in_flight_limit()
    {
        using var limiter = new InFlightLimiter(4);
        using var scaling = new PollerScaling(maxPollers: 1, Batch, limiter);

        Assert.Equal(4, scaling.Batch);
    }

    [Fact]
    public void Halting_cancels_the_shared_token_once_and_only_the_first_caller_reports()
    {
        using var limiter = new InFlightLimiter(10);
        using var scaling = new PollerScaling(maxPollers: 2, Batch, limiter);

        Assert.True(scaling.Halt());
        Assert.False(scaling.Halt());
        Assert.True(scaling.Halted.IsCancellationRequested);
    }
}
