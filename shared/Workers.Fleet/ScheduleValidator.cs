using System.Text.Json;
using System.Text.RegularExpressions;

namespace Workers.Fleet;

// The rules of "schedules": the target worker and task type are declared, the expression parses, the zone exists,
// and an occurrence's task id and group fit SQS's 128 characters.
internal static partial class ScheduleValidator
{
    // An occurrence's task id is "<name>@<yyyyMMddTHHmmssZ>" (OccurrenceIds in the TaskManager): 17 characters after
    // the name, so a name of 64 leaves room in SQS's 128.
    public const int MaxNameLength = 64;

    public static void Check(List<string> errors, FleetDocument fleet)
    {
        foreach (var (name, schedule) in fleet.Schedules ?? new Dictionary<string, ScheduleDocument>())
        {
            var field = $"schedules.{name}";
            if (!Name().IsMatch(name))
            {
                errors.Add($"{field}: the name must be lower-case letters, digits and hyphens, at most {MaxNameLength} characters.");
            }

            if (!fleet.Workers.TryGetValue(schedule.Worker, out var worker))
            {
                errors.Add($"{field}: worker '{schedule.Worker}' is not declared (declared: {string.Join(", ", fleet.Workers.Keys.Order())}).");
            }
            else if (!worker.TaskTypes.ContainsKey(schedule.TaskType))
            {
                errors.Add($"{field}: task type '{schedule.TaskType}' is not declared on worker '{schedule.Worker}' (declared: {string.Join(", ", worker.TaskTypes.Keys)}).");
            }

            if (ScheduleCron.Problem(schedule.Cron) is { } problem)
            {
                errors.Add($"{field}: cron '{schedule.Cron}' does not parse: {problem}");
            }

            if (!TimeZoneInfo.TryFindSystemTimeZoneById(schedule.TimeZone, out _))
            {
                errors.Add($"{field}: time zone '{schedule.TimeZone}' does not exist on this machine (an IANA name such as Asia/Tokyo; the image needs tzdata).");
            }

            if (schedule.Group is { } group && (group.Length is 0 or > 128 || !Group().IsMatch(group)))
            {
                errors.Add($"{field}: group '{group}' must be 1–128 characters SQS allows in a MessageGroupId.");
            }

            if (schedule.CatchUp is not (null or "each" or "latest"))
            {
                errors.Add($"{field}: catchUp '{schedule.CatchUp}' must be \"each\" (every missed occurrence) or \"latest\" (only the latest).");
            }

            if (schedule.Body is { ValueKind: not JsonValueKind.Object })
            {
                errors.Add($"{field}: body must be a JSON object.");
            }
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{0,63}$")]
    private static partial Regex Name();

    // SQS: alphanumerics and !"#$%&'()*+,-./:;<=>?@[\]^_`{|}~
    [GeneratedRegex("^[A-Za-z0-9!-/:-@\\[-`{-~]+$")]
    private static partial Regex Group();
}
