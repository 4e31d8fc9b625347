using System.Globalization;

namespace Workers.Product.DemoData;

// The arguments of `demo-data`: --stores N --products N --csv PATH [--bad-rows N].
internal sealed record DemoDataOptions(int Stores, int Products, string CsvPath, int BadRows)
{
    public const string Usage = "demo-data --stores 10 --products 10000 --csv PATH [--bad-rows 5]";

    // Store codes are S001…S999 and SKUs SKU-000001…SKU-999999.
    private const int MaxStores = 999;
    private const int MaxProducts = 999_999;

    public static DemoDataOptions? Parse(string[] args, out string? error)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (args[i] is not ("--stores" or "--products" or "--csv" or "--bad-rows") || i + 1 >= args.Length)
            {
                error = $"unexpected argument '{args[i]}'";
                return null;
            }

            values[args[i]] = args[i + 1];
        }

        error = null;
        var stores = Number(values, "--stores", 10, 1, MaxStores, ref error);
        var products = Number(values, "--products", 10_000, 1, MaxProducts, ref error);
        var badRows = Number(values, "--bad-rows", 5, 0, 1000, ref error);
        if (!values.TryGetValue("--csv", out var csv) || csv.Length == 0)
        {
            error ??= "--csv PATH is required";
        }

        return error is null ? new DemoDataOptions(stores, products, csv!, badRows) : null;
    }

    private static int Number(Dictionary<string, string> values, string name, int fallback, int min, int max, ref string? error)
    {
        if (!values.TryGetValue(name, out var text))
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        error ??= $"{name} must be a whole number from {min} to {max}, not '{text}'";
        return fallback;
    }
}
