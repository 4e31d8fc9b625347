using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Workers.Domain;
using Workers.Domain.Transactions;

namespace Workers.Transaction.CreateTransaction;

// One transaction as the register made it. (storeCode, code) is its idempotency key: the same code with the same
// content is recorded once, with other content it is rejected. Status is completed unless the register held it
// (pending: recorded and stock taken, payment not settled yet).
internal sealed record RegisterTransaction(
    [property: Required, StringLength(PosDbContext.CodeLength)] string StoreCode,
    [property: Required, StringLength(PosDbContext.CodeLength)] string Code,
    TransactionKind Kind,
    [property: Required, Length(1, RegisterTransaction.MaxLines)] IReadOnlyList<RegisterLine> Lines,
    TransactionStatus Status = TransactionStatus.Completed,
    [property: Range(0, long.MaxValue)] long Discount = 0,
    [property: StringLength(32)] string? PaymentMethod = null,
    DateTimeOffset? CreatedAt = null)
{
    public const int MaxLines = 500;

    [JsonIgnore]
    public string Key => $"{StoreCode}/{Code}";
}
