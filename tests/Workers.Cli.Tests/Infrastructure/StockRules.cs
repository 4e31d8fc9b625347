using Workers.TaskManager;

namespace Workers.Cli.Tests.Infrastructure;

// The test worker applies nothing; it only rejects what a stock worker would refuse.
internal static class StockRules
{
    public static Task ApplyAsync(Chunk<StockLine> chunk, CancellationToken cancellationToken)
    {
        foreach (var line in chunk.Items.Where(line => line.Quantity < 0))
        {
            chunk.Reject(line.Sku, $"quantity {line.Quantity} is negative");
        }

        return Task.CompletedTask;
    }
}
