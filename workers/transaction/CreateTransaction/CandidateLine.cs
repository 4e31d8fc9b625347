namespace Workers.Transaction.CreateTransaction;

// A line resolved to its product and, when it names one, its sale.
internal sealed record CandidateLine(int Number, int ProductId, int Quantity, int UnitPrice, long Discount, int? SaleId)
{
    public long Total => ((long)Quantity * UnitPrice) - Discount;
}
