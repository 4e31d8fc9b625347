namespace Workers.Domain.Transactions;

/// <summary>One line of a transaction (pos.transaction_lines): a product, how many, at what price.</summary>
public sealed class TransactionLine
{
    /// <summary>The line's id.</summary>
    public long Id { get; set; }

    /// <summary>The transaction.</summary>
    public long TransactionId { get; set; }

    /// <summary>The line's position in the transaction, from 1; unique per transaction.</summary>
    public int LineNumber { get; set; }

    /// <summary>The product.</summary>
    public int ProductId { get; set; }

    /// <summary>How many, more than 0.</summary>
    public int Quantity { get; set; }

    /// <summary>The unit price in yen, before the line's discount.</summary>
    public int UnitPrice { get; set; }

    /// <summary>The discount on the line in yen.</summary>
    public long Discount { get; set; }

    /// <summary>Quantity × unit price − discount, in yen.</summary>
    public long Total { get; set; }

    /// <summary>The sale whose price the line took, if any (its sold count includes this line).</summary>
    public int? SaleId { get; set; }
}
