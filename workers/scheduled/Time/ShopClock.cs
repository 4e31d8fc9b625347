using Microsoft.Extensions.Options;

namespace Workers.Scheduled.Time;

// "Now" for the handlers, and the shops' local date. Handlers evaluate everything as of now, so a late or
// repeated run reaches the same state as a punctual one.
internal sealed class ShopClock(TimeProvider time, IOptions<ScheduledOptions> options)
{
    public TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public DateTimeOffset Now() => time.GetUtcNow();

    // The shops' date at <now>: a bundle starting on 12-08 is due from 00:00 in Tokyo, 15:00 UTC the day before.
    public DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Zone).DateTime);
}
