using System.Globalization;
using System.Text;

namespace Workers.Product.DemoData;

// Writes the demo stock CSV: a new level for every store × product, with the bad rows spread through the file
// so they land in different chunks. Returns the bad rows' line numbers (the header is line 1) and what is wrong.
internal static class DemoStockCsv
{
    public static async Task<(long Rows, List<(long Line, string Problem)> BadRows)> WriteAsync(DemoDataOptions options, CancellationToken cancellationToken)
    {
        long total = (long)options.Stores * options.Products;
        var badAfter = Enumerable.Range(1, options.BadRows).Select(j => j * total / (options.BadRows + 1)).ToArray();
        var bad = new List<(long, string)>();
        var random = new Random(20_261_124);
        long line = 1, written = 0;

        await using var writer = new StreamWriter(options.CsvPath, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        await writer.WriteLineAsync("store,sku,quantity");
        for (var store = 1; store <= options.Stores; store++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var product = 1; product <= options.Products; product++)
            {
                await writer.WriteLineAsync(string.Create(
                    CultureInfo.InvariantCulture, $"{DemoNames.StoreCode(store)},{DemoNames.Sku(product)},{random.Next(0, 100)}"));
                line++;
                written++;
                while (bad.Count < badAfter.Length && badAfter[bad.Count] == written)
                {
                    var (row, problem) = BadRow(bad.Count, store, product);
                    await writer.WriteLineAsync(row);
                    bad.Add((++line, problem));
                }
            }
        }

        return (line - 1, bad);
    }

    // The kinds of mistake a real stock export makes, in turn.
    private static (string Row, string Problem) BadRow(int index, int store, int product) => (index % 4) switch
    {
        0 => ($"{DemoNames.StoreCode(store)},{DemoNames.Sku(product)},-5", "negative quantity"),
        1 => ($"{DemoNames.StoreCode(store)},SKU-UNKNOWN-{index},10", "unknown SKU"),
        2 => ($"{DemoNames.StoreCode(store)},{DemoNames.Sku(product)},lots", "quantity not a number"),
        _ => ($"S-UNKNOWN,{DemoNames.Sku(product)},10", "unknown store"),
    };
}
