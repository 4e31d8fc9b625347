using System.Globalization;

namespace Workers.Product.DemoData;

// The demo catalogue's codes: stores S001…, products SKU-000001….
internal static class DemoNames
{
    public static string StoreCode(int number) => string.Create(CultureInfo.InvariantCulture, $"S{number:D3}");

    public static string Sku(int number) => string.Create(CultureInfo.InvariantCulture, $"SKU-{number:D6}");
}
