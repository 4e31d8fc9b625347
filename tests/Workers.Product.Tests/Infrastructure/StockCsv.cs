using System.Text;

namespace Workers.Product.Tests.Infrastructure;

// A stock CSV being written by a test, keeping count of its lines: the header is line 1.
internal sealed class StockCsv(string header = "store,sku,quantity")
{
    private readonly StringBuilder _text = new(header + "\n");

    public long Rows { get; private set; }

    // Appends a row; returns its line number.
    public long Add(string row)
    {
        _text.Append(row).Append('\n');
        return ++Rows + 1;
    }

    public override string ToString() => _text.ToString();
}
