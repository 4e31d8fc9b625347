using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Workers.Domain;
using Workers.Domain.Stock;
using Workers.TaskManager;

namespace Workers.Item.UpdateItem;

// Applies one chunk of partial updates in the chunk's transaction, in order (two updates of one item see each
// other); unknown and deleted items are rejected. Linked items whose price changed are marked for the EC sync.
internal sealed class UpdateItemChunk(PosDbContext db, TimeProvider time)
{
    public async Task ApplyAsync(Chunk<ItemUpdate> chunk, CancellationToken cancellationToken)
    {
        // Locked in id order: two tasks updating the same items in other groups wait for each other instead of
        // deadlocking, whatever order their bodies name the items in.
        var codes = chunk.Items.Select(u => u.Code).Distinct().ToArray();
        var items = await db.Items
            .FromSql($"SELECT * FROM pos.items WHERE code = ANY({codes}) ORDER BY id FOR UPDATE")
            .ToDictionaryAsync(i => i.Code, StringComparer.Ordinal, cancellationToken);

        var now = time.GetUtcNow();
        var sync = new Dictionary<int, bool>();
        for (var i = 0; i < chunk.Items.Count; i++)
        {
            var update = chunk.Items[i];
            var number = chunk.FirstItemNumber + i;
            if (!items.TryGetValue(update.Code, out var item))
            {
                chunk.Reject(update.Code, $"item {number}: unknown item '{update.Code}'");
                continue;
            }

            if (item.Deleted)
            {
                chunk.Reject(update.Code, $"item {number}: item '{update.Code}' is deleted");
                continue;
            }

            var change = ItemChanges.Apply(item, update, now, out var problem);
            if (problem is not null)
            {
                chunk.Reject(update.Code, $"item {number}: {problem}");
            }
            else if (change is EcChange.Price or EcChange.Linked)
            {
                sync[item.Id] = sync.GetValueOrDefault(item.Id) || change == EcChange.Linked;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        if (sync.Count > 0)
        {
            var transaction = (NpgsqlTransaction)db.Database.CurrentTransaction!.GetDbTransaction();
            await using var request = EcStockSyncTable.RequestItemSyncCommand(
                (NpgsqlConnection)db.Database.GetDbConnection(), transaction, [.. sync.Keys], [.. sync.Values], now);
            await request.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
