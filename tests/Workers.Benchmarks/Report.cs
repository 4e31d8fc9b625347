using System.Globalization;

namespace Workers.Benchmarks;

// Collects figures and prints them as a Markdown table.
internal sealed class Report(int runs)
{
    private readonly List<(string What, string Value, string Unit)> _rows = [];

    public async Task<double> MedianAsync(string what, string unit, Func<Task<double>> measure)
    {
        var values = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            values.Add(await measure());
            Console.WriteLine($"  {what}: run {i + 1}: {values[^1].ToString("0.0", CultureInfo.InvariantCulture)} {unit}");
        }

        values.Sort();
        var median = values[values.Count / 2];
        Value(what, median.ToString(median >= 100 ? "0" : "0.0", CultureInfo.InvariantCulture), unit);
        return median;
    }

    public void Ratio(string what, double ratio, string target) => Value(what, ratio.ToString("0.00", CultureInfo.InvariantCulture), target);

    public void Value(string what, string value, string unit) => _rows.Add((what, value, unit));

    public void Print()
    {
        Console.WriteLine();
        Console.WriteLine("| measurement | value | unit |");
        Console.WriteLine("|---|---:|---|");
        foreach (var (what, value, unit) in _rows)
        {
            Console.WriteLine($"| {what} | {value} | {unit} |");
        }
    }
}
