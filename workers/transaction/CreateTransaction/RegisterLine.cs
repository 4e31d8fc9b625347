using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Workers.Domain;

namespace Workers.Transaction.CreateTransaction;

// One line of a register transaction. SaleCode names the sale whose price the register applied: the line counts
// toward that sale's sold total and must fit its limit.
internal sealed record RegisterLine(
    [property: Required, StringLength(PosDbContext.CodeLength)] string Sku,
    [property: Range(1, int.MaxValue)] int Quantity,
    [property: Range(0, int.MaxValue)] int UnitPrice,
    [property: Range(0, long.MaxValue)] long Discount = 0,
    [property: StringLength(PosDbContext.CodeLength)] string? SaleCode = null)
{
    [JsonIgnore]
    public long Total => ((long)Quantity * UnitPrice) - Discount;
}
