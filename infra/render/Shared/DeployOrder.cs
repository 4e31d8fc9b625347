using Workers.Fleet;

namespace Workers.Infra.Render.Shared;

// The order workers are deployed in: a worker after every worker it publishes to, so the queue it sends
// follow-up tasks to exists (and runs the new version) before it does; otherwise by name. Workers that publish to
// each other are deployed by name: a missing queue only fails a publish (looked up lazily), never a start.
internal static class DeployOrder
{
    public static IReadOnlyList<FleetWorker> Of(FleetDeclaration fleet)
    {
        var ordered = new List<FleetWorker>();
        var placed = new HashSet<string>(StringComparer.Ordinal);
        var remaining = fleet.Workers.Values.OrderBy(w => w.Name, StringComparer.Ordinal).ToList();
        while (remaining.Count > 0)
        {
            var next = remaining.FirstOrDefault(w => w.PublishesTo.All(placed.Contains)) ?? remaining[0];
            ordered.Add(next);
            placed.Add(next.Name);
            remaining.Remove(next);
        }

        return ordered;
    }
}
