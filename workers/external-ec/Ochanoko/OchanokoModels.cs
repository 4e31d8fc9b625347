using System.Text.Json.Serialization;

namespace Workers.ExternalEc.Ochanoko;

// The parts of Ochanoko's answers the worker reads (DOMAIN.md "External systems"); other fields are ignored.
internal sealed record OchanokoEnvelope<T>([property: JsonPropertyName("data")] T? Data);

internal sealed record OchanokoOrder(
    [property: JsonPropertyName("id"), JsonConverter(typeof(StringOrNumber))] string Id,
    [property: JsonPropertyName("created_at")] DateTimeOffset? CreatedAt,
    [property: JsonPropertyName("total_price")] long TotalPrice,
    [property: JsonPropertyName("payment_method")] string? PaymentMethod,
    [property: JsonPropertyName("cancelled")] bool Cancelled,
    [property: JsonPropertyName("payment_deadline")] DateTimeOffset? PaymentDeadline,
    [property: JsonPropertyName("customer")] OchanokoCustomer? Customer,
    [property: JsonPropertyName("shipping")] IReadOnlyList<OchanokoShipping>? Shipping);

internal sealed record OchanokoCustomer(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("email")] string? Email);

internal sealed record OchanokoShipping([property: JsonPropertyName("products")] IReadOnlyList<OchanokoOrderProduct>? Products);

internal sealed record OchanokoOrderProduct(
    [property: JsonPropertyName("product_id"), JsonConverter(typeof(StringOrNumber))] string? ProductId,
    [property: JsonPropertyName("model_number")] string? ModelNumber,
    [property: JsonPropertyName("quantity")] int Quantity,
    [property: JsonPropertyName("price")] int Price);

// One item of PUT /v1/products: an absolute stock or an absolute price.
internal sealed record OchanokoProductUpdate(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("stock"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Stock = null,
    [property: JsonPropertyName("price"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Price = null);

internal sealed record OchanokoPutRequest([property: JsonPropertyName("data")] IReadOnlyList<OchanokoProductUpdate> Data);

// Items the server refused (an unknown product id), with its message: those items are rejected, the rest applied.
internal sealed record OchanokoPutAnswer([property: JsonPropertyName("errors")] IReadOnlyList<OchanokoItemError>? Errors);

internal sealed record OchanokoItemError(
    [property: JsonPropertyName("id"), JsonConverter(typeof(StringOrNumber))] string? Id,
    [property: JsonPropertyName("message")] string? Message);
