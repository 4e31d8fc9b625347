using System.ComponentModel.DataAnnotations;
using Workers.Domain;

namespace Workers.ExternalEc.CancelOrder;

// {"storeCode":"S001","orderId":"10001"}: an order of the store's Ochanoko shop to cancel with its payment. The
// ec-order worker sends it when the order's payment deadline passed unpaid.
internal sealed record CancelOchanokoOrderBody(
    [property: Required, StringLength(PosDbContext.CodeLength, MinimumLength = 1)] string StoreCode,
    [property: Required, StringLength(PosDbContext.CodeLength, MinimumLength = 1)] string OrderId);
