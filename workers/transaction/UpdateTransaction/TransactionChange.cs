using System.ComponentModel.DataAnnotations;
using Workers.Domain;

namespace Workers.Transaction.UpdateTransaction;

// One state change of the transaction (storeCode, code). A return records a return transaction under
// returnCode (required for a return, unique in the store like every transaction code).
internal sealed record TransactionChange(
    [property: Required, StringLength(PosDbContext.CodeLength)] string StoreCode,
    [property: Required, StringLength(PosDbContext.CodeLength)] string Code,
    TransactionAction Action,
    [property: StringLength(PosDbContext.CodeLength)] string? ReturnCode = null)
{
    public string Key => $"{StoreCode}/{Code}";
}
