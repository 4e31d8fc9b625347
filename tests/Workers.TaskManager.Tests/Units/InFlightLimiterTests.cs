using Workers.TaskManager.Consuming;

namespace Workers.TaskManager.Tests.Units;

public sealed class InFlightLimiterTests
{
    private static readonly TimeSpan Long = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Without_a_fill_wait_a_reservation_takes_only_the_slots_free_at_that_moment()
    {
        using var limiter = new InFlightLimiter(10);
        Assert.Equal(7, await limiter.ReserveAsync(7, Long, TimeSpan.Zero, TestContext.Current.CancellationToken));

        Assert.Equal(3, await limiter.ReserveAsync(10, Long, TimeSpan.Zero, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task With_a_fill_wait_a_reservation_collects_slots_as_they_come_back_until_its_batch_is_whole()
    {
        using var limiter = new InFlightLimiter(10);
        Assert.Equal(8, await limiter.ReserveAsync(8, Long, TimeSpan.Zero, TestContext.Current.CancellationToken));

        var reservation = limiter.ReserveAsync(10, Long, Long, TestContext.Current.CancellationToken);
        Assert.False(reservation.IsCompleted);
        for (var i = 0; i < 8; i++)
        {
            limiter.Release(1);
        }

        Assert.Equal(10, await reservation);
        Assert.Equal(0, limiter.Available);
    }

    [Fact]
    public async Task A_reservation_cancelled_while_filling_gives_back_what_it_had_taken()
    {
        using var limiter = new InFlightLimiter(10);
        Assert.Equal(6, await limiter.ReserveAsync(6, Long, TimeSpan.Zero, TestContext.Current.CancellationToken));
        using var stop = new CancellationTokenSource();

        var reservation = limiter.ReserveAsync(10, Long, Long, stop.Token);
        Assert.Equal(0, limiter.Available);
        await stop.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reservation);
        Assert.Equal(4, limiter.Available);
    }
}
