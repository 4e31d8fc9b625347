using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Workers.TaskManager.Dispatch;

namespace Workers.TaskManager.Tests.Units;

public sealed class TaskBodiesTests
{
    public sealed record Line([property: Required, MinLength(1)] string Sku, [property: Range(-1000, 1000)] int Delta);

    public sealed record Order([property: Required] string StoreCode, [property: Required, MinLength(1)] IReadOnlyList<Line> Items, string? Note = null);

    [Fact]
    public void A_valid_body_is_read()
    {
        var order = TaskBodies.Read<Order>(Json("""{"storeCode":"S1","items":[{"sku":"A","delta":3}]}"""), "updateStock", Policies.For());

        Assert.Equal("A", order.Items[0].Sku);
    }

    [Theory]
    [InlineData("""{"items":[{"sku":"A","delta":3}]}""", "missing required properties")]
    [InlineData("""{"storeCode":null,"items":[{"sku":"A","delta":3}]}""", "storeCode: must not be null")]
    [InlineData("""{"storeCode":"S1","items":[{"sku":"A","delta":"3"}]}""", "items[0].delta: ")]
    [InlineData("""{"storeCode":"S1","items":[]}""", "items: ")]
    [InlineData("""{"storeCode":"S1","items":[{"sku":"","delta":3}]}""", "items[0].sku: The sku field is required.")]
    [InlineData("""{"storeCode":"S1","items":[{"sku":"A","delta":3},{"sku":"B","delta":5000}]}""", "items[1].delta: The field delta must be between -1000 and 1000.")]
    [InlineData("""{"storeCode":"S1","items":[null]}""", "items[0]: must not be null")]
    [InlineData("""{"storeCode":"S1","items":[{"sku":"A","delta":3},{"sku":null,"delta":3}]}""", "items[1].sku: must not be null")]
    public void A_body_that_does_not_fit_its_type_or_rules_fails_permanently_naming_the_field(string json, string field)
    {
        var failure = Assert.Throws<PermanentTaskException>(() => TaskBodies.Read<Order>(Json(json), "updateStock", Policies.For()));

        Assert.Equal(FailureKind.InvalidBody, failure.Kind);
        Assert.Contains(field, failure.Message, StringComparison.Ordinal);
    }

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement;
}
