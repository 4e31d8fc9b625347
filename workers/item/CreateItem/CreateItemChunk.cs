using Workers.Domain;
using Workers.TaskManager;

namespace Workers.Item.CreateItem;

// Creates one chunk of items, with their products, in the chunk's transaction; rejects (and reports) the items
// that must not be created, and enqueues the initial stock of those that were.
internal sealed class CreateItemChunk(PosDbContext db, TimeProvider time, TaskInfo task)
{
    public async Task ApplyAsync(Chunk<NewItem> chunk, CancellationToken cancellationToken)
    {
        var lookups = await CatalogLookups.LoadAsync(db, chunk.Items, cancellationToken);
        var now = time.GetUtcNow();
        var created = new List<(Domain.Catalog.Item Item, NewItem Source, IReadOnlyList<string> Conditions)>();
        var stock = new InitialStockFollowUp();
        for (var i = 0; i < chunk.Items.Count; i++)
        {
            var source = chunk.Items[i];
            var number = chunk.FirstItemNumber + i;
            var problem = lookups.Check(source, out var category);
            if (problem is not null)
            {
                chunk.Reject(source.Code, $"item {number}: {problem}");
                continue;
            }

            var conditions = Conditions.Of(category!);
            var item = new Domain.Catalog.Item
            {
                Code = source.Code,
                Name = source.Name,
                CategoryId = category!.Id,
                Genre = source.Genre,
                SellPrice = source.SellPrice,
                BuyPrice = source.BuyPrice,
                MycaItemId = source.MycaItemId,
                EcLinked = source.EcProductId is not null,
                EcProductId = source.EcProductId,
                CreatedAt = now,
                UpdatedAt = now,
            };
            db.Items.Add(item);
            lookups.Created(source, conditions);
            created.Add((item, source, conditions));
            foreach (var initial in source.InitialStock ?? [])
            {
                stock.Add(initial.StoreCode, Conditions.Sku(source.Code, initial.Condition ?? conditions[0]), initial.Quantity);
            }
        }

        if (created.Count == 0)
        {
            return;
        }

        // The items' ids first: products name them, and Product has no navigation to fill them in.
        await db.SaveChangesAsync(cancellationToken);
        foreach (var (item, source, conditions) in created)
        {
            foreach (var condition in conditions)
            {
                var prices = source.ConditionPrices?.FirstOrDefault(p => p.Condition == condition);
                db.Products.Add(new Domain.Catalog.Product
                {
                    Sku = Conditions.Sku(item.Code, condition),
                    Name = $"{item.Name} ({condition})",
                    ItemId = item.Id,
                    Condition = condition,
                    SellPrice = prices?.SellPrice,
                    BuyPrice = prices?.BuyPrice,
                });
            }
        }

        stock.EnqueueAll(chunk, task);
    }
}
