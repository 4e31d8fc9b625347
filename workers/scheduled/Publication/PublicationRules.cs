using Workers.Domain;
using Workers.Domain.Promotions;

namespace Workers.Scheduled.Publication;

// Set deals and bundles by the shops' local date: published from their first day, withdrawn once their last day
// (expires_on) has passed. Withdrawn is final.
internal static class PublicationRules
{
    public static PublicationStatus Next(PublicationStatus status, DateOnly startsOn, DateOnly? expiresOn, DateOnly today) => status switch
    {
        PublicationStatus.Withdrawn => PublicationStatus.Withdrawn,
        _ when expiresOn < today => PublicationStatus.Withdrawn,
        PublicationStatus.Draft when startsOn <= today => PublicationStatus.Published,
        _ => status,
    };

    // Sets the statuses of rows of <table> (set_deals or bundle_items, a constant of the caller's), each only
    // if it still has the status read, so a concurrent or redelivered run changes nothing twice. Returns the rows
    // changed.
    public static Task<int> UpdateAsync(
        PosDbContext db,
        string table,
        IReadOnlyCollection<(int Id, PublicationStatus Seen, PublicationStatus Next)> changes,
        CancellationToken cancellationToken) =>
        changes.Count == 0
            ? Task.FromResult(0)
            : PosSql.ExecuteAsync(
                db,
                $"""
                UPDATE pos.{table} AS t SET status = x.next
                FROM unnest($1::int[], $2::text[], $3::text[]) AS x(id, seen, next)
                WHERE t.id = x.id AND t.status = x.seen
                """,
                cancellationToken,
                changes.Select(c => c.Id).ToArray(),
                changes.Select(c => c.Seen.ToString()).ToArray(),
                changes.Select(c => c.Next.ToString()).ToArray());
}
