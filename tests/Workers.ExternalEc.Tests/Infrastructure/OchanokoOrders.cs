namespace Workers.ExternalEc.Tests.Infrastructure;

// Orders as the Ochanoko stand-in stores them (GET /v1/orders/{id} answers them), for its admin API to seed.
internal static class OchanokoOrders
{
    public static object Order(string id, params (string ProductId, string? ModelNumber, int Quantity)[] lines) =>
        Order(id, "card", null, lines);

    public static object Order(string id, string paymentMethod, DateTimeOffset? paymentDeadline, params (string ProductId, string? ModelNumber, int Quantity)[] lines) => new
    {
        id,
        created_at = DateTimeOffset.UtcNow,
        total_price = 1234,
        payment_method = paymentMethod,
        payment_deadline = paymentDeadline,
        cancelled = false,
        customer = new { name = "Buyer", email = "buyer@example.com" },
        shipping = new[] { new { products = lines.Select(l => new { product_id = l.ProductId, model_number = l.ModelNumber, l.Quantity, price = 500 }).ToArray() } },
    };
}
