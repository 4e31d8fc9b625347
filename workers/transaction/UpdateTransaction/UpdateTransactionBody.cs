using System.ComponentModel.DataAnnotations;

namespace Workers.Transaction.UpdateTransaction;

// {"changes":[{"storeCode":"S001","code":"R1-0001","action":"cancel"}]}: state changes of recorded transactions,
// applied in order, one database transaction each (the task type's chunk size is 1).
internal sealed record UpdateTransactionBody(
    [property: Required, Length(1, UpdateTransactionBody.MaxChanges)] IReadOnlyList<TransactionChange> Changes)
{
    public const int MaxChanges = 10_000;
}
