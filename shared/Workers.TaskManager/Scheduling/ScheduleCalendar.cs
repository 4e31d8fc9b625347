using Workers.Fleet;

namespace Workers.TaskManager.Scheduling;

// Which occurrences a round enqueues: those in (watermark, now], the oldest first; those older than the catch-up
// window are skipped (counted, not enqueued), and so are all but the latest of a schedule that catches up only its
// latest. Pure: the tests drive it, and the scheduler, with a fake clock.
internal static class ScheduleCalendar
{
    public static DueOccurrences Due(ActiveSchedule schedule, DateTimeOffset watermark, DateTimeOffset now, TimeSpan catchUpWindow, int max)
    {
        if (now <= watermark)
        {
            // Nothing new, or the clock stepped back behind the last occurrence: it is not run again.
            return DueOccurrences.None;
        }

        var cutoff = now - catchUpWindow;
        var due = new List<DateTimeOffset>();
        var skipped = 0L;
        DateTimeOffset? firstSkipped = null, lastSkipped = null;
        var occurrences = schedule.Expression.GetOccurrences(
            watermark.UtcDateTime, now.UtcDateTime, schedule.Declared.TimeZone, fromInclusive: false, toInclusive: true);
        foreach (var utc in occurrences)
        {
            var occurrence = new DateTimeOffset(utc, TimeSpan.Zero);
            if (occurrence < cutoff)
            {
                skipped++;
                firstSkipped ??= occurrence;
                lastSkipped = occurrence;
                continue;
            }

            if (schedule.Declared.CatchUp == ScheduleCatchUp.Latest && due.Count == 1)
            {
                // Only the latest is enqueued: the one before it joins the skipped.
                skipped++;
                firstSkipped ??= due[0];
                lastSkipped = due[0];
                due.Clear();
            }

            due.Add(occurrence);
            if (due.Count == max && schedule.Declared.CatchUp == ScheduleCatchUp.Each)
            {
                break;
            }
        }

        return new DueOccurrences(due, skipped, firstSkipped, lastSkipped);
    }
}

// Skipped: how many occurrences were older than the catch-up window, from the first to the last of them.
internal sealed record DueOccurrences(IReadOnlyList<DateTimeOffset> Enqueue, long Skipped, DateTimeOffset? FirstSkipped, DateTimeOffset? LastSkipped)
{
    public static DueOccurrences None { get; } = new([], 0, null, null);

    public bool IsEmpty => Enqueue.Count == 0 && Skipped == 0;
}
