namespace Workers.Scheduled.Time;

// The scheduled worker's settings (section Scheduled).
internal sealed class ScheduledOptions
{
    public const string SectionName = "Scheduled";

    // The shops' time zone (an IANA id): set deals' and bundles' dates are its local dates, and sales' repeat
    // rules are cron expressions in it. Every shop of the chain is in Japan.
    public string TimeZone { get; set; } = "Asia/Tokyo";
}
