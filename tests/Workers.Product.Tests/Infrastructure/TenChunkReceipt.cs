using Workers.Domain;
using Workers.Product.StockProduct;

namespace Workers.Product.Tests.Infrastructure;

// A stockProduct task of ten chunks (500 lines over 25 SKUs of store S001 from two suppliers, none rejected),
// and what it must leave: each line received exactly once.
internal static class TenChunkReceipt
{
    public const int Lines = 500;
    public const int Chunks = 10;
    private const int InitialQuantity = 10;

    private static readonly string[] Skus = [.. Enumerable.Range(1, 25).Select(i => $"SKU-{i:D2}")];

    public static StockProductBody Body { get; } = new(
        "S001",
        [.. Enumerable.Range(0, Lines).Select(i => new ReceivedLine(Skus[i % Skus.Length], (i % 5) + 1, 100 + i, i % 3 == 0 ? "SUP-B" : null))],
        "SUP-A");

    public static Dictionary<(string Store, string Sku), int> ExpectedLevels =>
        Body.Lines.GroupBy(l => l.Sku).ToDictionary(g => ("S001", g.Key), g => InitialQuantity + g.Sum(l => l.Quantity));

    public static List<(string Supplier, int Lines, long Quantity, long Cost)> ExpectedReceipts =>
    [
        .. Body.Lines.GroupBy(l => l.SupplierCode ?? "SUP-A").OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Count(), (long)g.Sum(l => l.Quantity), g.Sum(l => (long)l.Quantity * l.UnitCost))),
    ];

    // Chunks slow enough that a kill lands between two of them, and a crashed worker's message comes back within
    // seconds (the queue's visibility timeout must be as short).
    public static Dictionary<string, string?> SlowChunks(int visibilityTimeoutSeconds) => new()
    {
        ["TaskManager__TaskTypes__stockProduct__ChunkCooldownMilliseconds"] = "500",
        // These tests are about crashes and drains, not timeouts: on a machine loaded many times over, ten slow
        // chunks can outlast the fleet's timeout, which would add an error record the tests do not expect.
        ["TaskManager__TaskTypes__stockProduct__TimeoutSeconds"] = "600",
        ["TaskManager__VisibilityTimeout"] = $"00:00:{visibilityTimeoutSeconds:D2}",
        ["TaskManager__HeartbeatInterval"] = "00:00:01",
    };

    public static async Task SeedAsync(PosDbContext db, CancellationToken cancellationToken)
    {
        await Catalog.SeedAsync(db, ["S001"], Skus, Skus.ToDictionary(sku => ("S001", sku), _ => InitialQuantity), cancellationToken);
        await db.SeedSuppliersAsync(["SUP-A", "SUP-B"], cancellationToken);
    }
}
