using Cronos;

namespace Workers.Fleet;

/// <summary>
/// The cron dialect of schedules: Cronos's, five fields (minute hour day month weekday) or six with seconds first,
/// with <c>L</c>, <c>W</c>, <c>#</c> and macros such as <c>@daily</c>.
/// </summary>
public static class ScheduleCron
{
    /// <summary>Parses <paramref name="cron"/>; throws <see cref="CronFormatException"/> when it is not valid.</summary>
    public static CronExpression Parse(string cron)
    {
        ArgumentNullException.ThrowIfNull(cron);
        var fields = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return CronExpression.Parse(cron, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
    }

    /// <summary>Null when <paramref name="cron"/> parses; otherwise why not.</summary>
    public static string? Problem(string cron)
    {
        try
        {
            Parse(cron);
            return null;
        }
        catch (CronFormatException ex)
        {
            return ex.Message;
        }
    }
}
