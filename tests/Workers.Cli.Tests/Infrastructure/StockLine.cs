namespace Workers.Cli.Tests.Infrastructure;

public sealed record StockLine(string Sku, int Quantity);
