using Workers.Domain;
using Workers.Domain.Catalog;
using Workers.Domain.Stores;

namespace Workers.Item.Tests.Infrastructure;

// Seeds stores and categories straight into a test's database: SINGLE cards come in two conditions, sealed
// BOXes list none (so they are sold "new").
internal static class Seed
{
    public static async Task<Dictionary<string, int>> CatalogueAsync(PosDbContext db, CancellationToken cancellationToken)
    {
        db.Stores.AddRange(new Store { Code = "S001", Name = "Akihabara" }, new Store { Code = "S002", Name = "Osaka" });
        var single = new Category { Code = "SINGLE", Name = "Single cards", Conditions = ["mint", "played"] };
        var box = new Category { Code = "BOX", Name = "Sealed boxes", Conditions = [] };
        db.Categories.AddRange(single, box);
        await db.SaveChangesAsync(cancellationToken);
        return new Dictionary<string, int> { ["SINGLE"] = single.Id, ["BOX"] = box.Id };
    }

    public static Domain.Catalog.Item Item(string code, int categoryId, int sellPrice = 100)
    {
        // One instant for both: two clock reads can straddle a microsecond, which PostgreSQL keeps apart, and the
        // tests compare them to tell "never updated" from "updated".
        var now = DateTimeOffset.UtcNow;
        return new()
        {
            Code = code,
            Name = $"Item {code}",
            CategoryId = categoryId,
            SellPrice = sellPrice,
            BuyPrice = sellPrice / 2,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }
}
