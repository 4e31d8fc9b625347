using System.ComponentModel.DataAnnotations;
using Workers.Domain;

namespace Workers.ExternalEc.ImportOrder;

// {"storeCode":"S001","orderId":"10001","event":"ordered"}: an order event of one store's Ochanoko shop. The
// order itself is fetched from Ochanoko; "paid" also marks an unpaid order paid, "shipped" completes it.
internal sealed record ImportOchanokoOrderBody(
    [property: Required, StringLength(PosDbContext.CodeLength, MinimumLength = 1)] string StoreCode,
    [property: Required, StringLength(PosDbContext.CodeLength, MinimumLength = 1)] string OrderId,
    [property: RegularExpression("^(ordered|paid|shipped)$", ErrorMessage = "event must be \"ordered\", \"paid\" or \"shipped\"")] string Event = "ordered")
{
    public bool Shipped => Event == "shipped";

    public bool Paid => Event == "paid";
}
