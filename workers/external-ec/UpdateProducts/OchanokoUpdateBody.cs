using System.ComponentModel.DataAnnotations;
using Workers.Domain;

namespace Workers.ExternalEc.UpdateProducts;

// {"storeCode":"S001","items":[{"sku":"SV4a-001-mint"}, …]}: the body of ochanokoUpdateStock and ochanokoUpdatePrice.
// It names products, not values: the values pushed are read when each chunk is sent, so the latest always wins
// and a replay is harmless. The EC sync writes these; an operator may too.
internal sealed record OchanokoUpdateBody(
    [property: Required, StringLength(PosDbContext.CodeLength, MinimumLength = 1)] string StoreCode,
    [property: Required, Length(1, OchanokoUpdateBody.MaxItems)] IReadOnlyList<OchanokoSku> Items)
{
    public const int MaxItems = 20_000;
}

internal sealed record OchanokoSku([property: Required, StringLength(PosDbContext.CodeLength, MinimumLength = 1)] string Sku);
