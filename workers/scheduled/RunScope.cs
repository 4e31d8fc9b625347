using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Workers.Domain;
using Workers.TaskManager;

namespace Workers.Scheduled;

// What one run covers: every store, or the one its body names, and the rows it looks at.
internal static class RunScope
{
    // The store the body names (null: every store). An unknown code fails the task for good: retrying cannot make
    // a misspelt code exist, and running for every store instead is not what the operator asked.
    public static async Task<int?> StoreIdAsync(PosDbContext db, TaskContext<ScheduledBody> task, CancellationToken cancellationToken)
    {
        if (task.Body.StoreCode is not { } code)
        {
            return null;
        }

        var id = await db.Stores.Where(s => s.Code == code).Select(s => (int?)s.Id).SingleOrDefaultAsync(cancellationToken);
        return id ?? throw new PermanentTaskException($"unknown store '{code}'");
    }

    // The name of a run's item list (the candidate row ids, in id order), for the step ledger. The candidates are
    // read when the run starts, and a run changes them (a finished sale is no longer one), so a redelivery after
    // a partly committed run may cut other chunks from another list; under the list's own name it then runs all of
    // them again, which changes nothing twice (every change is conditional on the status read, as of now), instead of
    // skipping chunks by position that hold other rows. The same list (the usual case) keeps the name, and its
    // committed chunks are skipped.
    public static string ListName(string kind, List<int> ids)
    {
        var hash = SHA256.HashData(MemoryMarshal.AsBytes(CollectionsMarshal.AsSpan(ids)));
        return $"{kind}-{Convert.ToHexStringLower(hash.AsSpan(0, 8))}";
    }
}
