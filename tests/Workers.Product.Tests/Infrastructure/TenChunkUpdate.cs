using Workers.Domain;

using Workers.Product.UpdateStock;

namespace Workers.Product.Tests.Infrastructure;

// An updateStock task of ten chunks (1000 items spread over 50 SKUs of store S001, every delta positive so none
// is rejected), and the levels it must leave: the initial 100 plus each of its deltas exactly once.
internal static class TenChunkUpdate
{
    public const int Items = 1000;
    public const int Chunks = 10;
    private const int InitialQuantity = 100;

    private static readonly string[] Skus = [.. Enumerable.Range(1, 50).Select(i => $"SKU-{i:D2}")];

    public static UpdateStockBody Body { get; } =
        new("S001", [.. Enumerable.Range(0, Items).Select(i => new StockDelta(Skus[i % Skus.Length], (i % 7) + 1))]);

    public static Dictionary<(string Store, string Sku), int> ExpectedLevels =>
        Body.Items.GroupBy(i => i.Sku).ToDictionary(g => ("S001", g.Key), g => InitialQuantity + g.Sum(i => i.Delta));

    // Chunks slow enough that a kill or SIGTERM lands between two of them, and a crashed worker's message comes
    // back within seconds (the queue's visibility timeout must be as short).
    public static Dictionary<string, string?> SlowChunks(int visibilityTimeoutSeconds) => new()
    {
        ["TaskManager__TaskTypes__updateStock__ChunkCooldownMilliseconds"] = "500",
        // These tests are about crashes and drains, not timeouts: on a machine loaded many times over, ten slow
        // chunks can outlast the fleet's timeout, which would add an error record the tests do not expect.
        ["TaskManager__TaskTypes__updateStock__TimeoutSeconds"] = "600",
        ["TaskManager__VisibilityTimeout"] = $"00:00:{visibilityTimeoutSeconds:D2}",
        ["TaskManager__HeartbeatInterval"] = "00:00:01",
    };

    public static Task SeedAsync(PosDbContext db, CancellationToken cancellationToken) =>
        Catalog.SeedAsync(db, ["S001"], Skus, Skus.ToDictionary(sku => ("S001", sku), _ => InitialQuantity), cancellationToken);
}
