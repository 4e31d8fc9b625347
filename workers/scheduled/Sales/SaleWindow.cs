using Cronos;
using Workers.Domain.Promotions;

namespace Workers.Scheduled.Sales;

// The rules that place a sale in its window as of a moment; pure, so a late run reaches the state a punctual one
// would have.
internal static class SaleWindow
{
    // Reads a repeating sale's rule: a 5-field cron expression in the shops' time zone. Rule and length go together.
    public static string? TryParseRule(Sale sale, out CronExpression? rule)
    {
        rule = null;
        if (sale.RepeatRule is null && sale.RepeatMinutes is null)
        {
            return null;
        }

        if (sale.RepeatRule is null || sale.RepeatMinutes is not > 0)
        {
            return "a repeating sale needs both a repeat rule and a positive repeat length in minutes";
        }

        try
        {
            rule = CronExpression.Parse(sale.RepeatRule, CronFormat.Standard);
            return null;
        }
        catch (CronFormatException ex)
        {
            return $"repeat rule '{sale.RepeatRule}' is not a 5-field cron expression: {ex.Message}";
        }
    }

    public static SaleState Next(Sale sale, CronExpression? rule, DateTimeOffset now, TimeZoneInfo zone)
    {
        if (sale.EndsAt <= now)
        {
            return new(SaleStatus.Finished, sale.HeldFrom, false);
        }

        if (now < sale.StartsAt)
        {
            return new(SaleStatus.NotHeld, sale.HeldFrom, false);
        }

        if (rule is null)
        {
            // A one-shot sale that sold its limit is over: it has no later repeat to wait for.
            return new(SoldOut(sale) ? SaleStatus.Finished : SaleStatus.OnHeld, sale.HeldFrom, false);
        }

        if (CurrentRepeat(sale, rule, now, zone) is not { } repeat)
        {
            return new(SaleStatus.NotHeld, sale.HeldFrom, false);
        }

        if (repeat != sale.HeldFrom)
        {
            return new(SaleStatus.OnHeld, repeat, true);
        }

        // Within the repeat already started: sold out waits for the next repeat.
        return new(SoldOut(sale) ? SaleStatus.NotHeld : SaleStatus.OnHeld, repeat, false);
    }

    private static bool SoldOut(Sale sale) => sale.QuantityLimit is { } limit && sale.SoldCount >= limit;

    // The latest rule occurrence at or before <now> whose repeat [occurrence, occurrence + minutes) holds now, and
    // that is not before the sale's start; null between repeats. Only the last <minutes> need looking at.
    private static DateTimeOffset? CurrentRepeat(Sale sale, CronExpression rule, DateTimeOffset now, TimeZoneInfo zone)
    {
        var from = now.AddMinutes(-sale.RepeatMinutes!.Value);
        var fromInclusive = false;
        if (from < sale.StartsAt)
        {
            (from, fromInclusive) = (sale.StartsAt, true);
        }

        DateTimeOffset? latest = null;
        foreach (var occurrence in rule.GetOccurrences(from, now, zone, fromInclusive, toInclusive: true))
        {
            latest = occurrence;
        }

        // UTC: PostgreSQL's timestamptz takes only offset 0 from Npgsql, and the comparison with held_from is exact.
        return latest?.ToUniversalTime();
    }
}
