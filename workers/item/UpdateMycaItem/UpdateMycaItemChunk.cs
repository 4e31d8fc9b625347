using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Workers.Domain;
using Workers.TaskManager;

namespace Workers.Item.UpdateMycaItem;

// Applies one chunk of market prices in the chunk's transaction: two statements whatever the chunk's size.
internal sealed class UpdateMycaItemChunk(PosDbContext db, TimeProvider time)
{
    // Item rows that took a newer price, over every chunk this attempt ran (for the log).
    public long Applied { get; private set; }

    public async Task ApplyAsync(Chunk<MycaPrice> chunk, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var transaction = (NpgsqlTransaction)db.Database.CurrentTransaction!.GetDbTransaction();
        var known = new HashSet<long>();
        await using (var lockKnown = MycaPriceSql.LockKnown(connection, transaction, [.. chunk.Items.Select(p => p.MycaItemId).Distinct()]))
        await using (var reader = await lockKnown.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                known.Add(reader.GetInt64(1));
            }
        }

        var prices = new List<MycaPrice>(chunk.Items.Count);
        for (var i = 0; i < chunk.Items.Count; i++)
        {
            var price = chunk.Items[i];
            if (known.Contains(price.MycaItemId))
            {
                prices.Add(price);
            }
            else
            {
                // Myca knows a card the catalogue does not link (yet): retrying will not link it.
                chunk.Reject(price.MycaItemId.ToString(System.Globalization.CultureInfo.InvariantCulture), $"item {chunk.FirstItemNumber + i}: no item is linked to Myca item {price.MycaItemId}");
            }
        }

        if (prices.Count > 0)
        {
            await using var apply = MycaPriceSql.ApplyNewer(connection, transaction, prices, time.GetUtcNow());
            Applied += await apply.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
