using System.ComponentModel.DataAnnotations;

namespace Workers.Transaction.CreateTransaction;

// {"transactions":[{"storeCode":"S001","code":"R1-0001","kind":"sell","lines":[{"sku":"SKU-1","quantity":2,"unitPrice":500}]}]}:
// register transactions to record, each an item of the task's chunks (50 per transaction of the database).
internal sealed record CreateTransactionBody(
    [property: Required, Length(1, CreateTransactionBody.MaxTransactions)] IReadOnlyList<RegisterTransaction> Transactions)
{
    // A register uploads its day in one task at most; larger batches go in several tasks.
    public const int MaxTransactions = 10_000;
}
