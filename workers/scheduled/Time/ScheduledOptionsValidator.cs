using Microsoft.Extensions.Options;

namespace Workers.Scheduled.Time;

// The time zone must exist on this machine: without its rules every date and repeat would be computed wrongly,
// so the worker refuses to start instead (a container image without time zone data fails here, at start).
internal sealed class ScheduledOptionsValidator : IValidateOptions<ScheduledOptions>
{
    public ValidateOptionsResult Validate(string? name, ScheduledOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.TimeZone))
        {
            return ValidateOptionsResult.Fail($"{ScheduledOptions.SectionName}:TimeZone is required (an IANA time zone id such as Asia/Tokyo).");
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out _)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{ScheduledOptions.SectionName}:TimeZone '{options.TimeZone}' is not a time zone this machine knows (is its time zone data installed?).");
    }
}
