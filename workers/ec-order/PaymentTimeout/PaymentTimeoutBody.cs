using System.ComponentModel.DataAnnotations;
using Workers.Domain;

namespace Workers.EcOrder.PaymentTimeout;

// {"storeCode":"S001","platform":"ochanoko","orderId":"10001"}: an EC order whose payment deadline has come. The
// external-ec worker writes it to the outbox when it imports an unpaid order, due at the deadline.
internal sealed record PaymentTimeoutBody(
    [property: Required, StringLength(PosDbContext.CodeLength, MinimumLength = 1)] string StoreCode,
    // Ochanoko is the one platform whose orders can be cancelled (cancelOchanokoOrder on external-ec).
    [property: Required, RegularExpression("^ochanoko$", ErrorMessage = "platform must be \"ochanoko\"")] string Platform,
    [property: Required, StringLength(PosDbContext.CodeLength, MinimumLength = 1)] string OrderId);
