using System.Text.Json;
using Workers.TaskManager.Dispatch;

namespace Workers.TaskManager.Tests.Units;

public sealed class BodyWalkTests
{
    public sealed record Line(string Sku, int Delta, string? Note = null);

    public sealed record Basket(
        IReadOnlyList<Line> Items,
        IReadOnlyList<Line?>? Maybe = null,
        Dictionary<string, Line>? ByStore = null,
        Line[]? Extra = null,
        List<List<string>>? Tags = null,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? Aliases = null);

    public sealed record Attachment(string Title, StoredFile File, IReadOnlyList<StoredFile>? More = null, Dictionary<string, StoredFile>? Named = null, Wrapper? Inner = null);

    public sealed record Wrapper(IReadOnlyList<Attachment> Attachments);

    public sealed record Node(string Name, IReadOnlyList<Node> Children);

    public sealed class Settable
    {
        public string Name { get; init; } = null!;

        public string? Comment { get; init; }
    }

    [Theory]
    [InlineData("""{"items":[null]}""", "items[0]: must not be null")]
    [InlineData("""{"items":[{"sku":"a","delta":1},{"sku":"b","delta":2},{"sku":"c","delta":3},null]}""", "items[3]: must not be null")]
    [InlineData("""{"items":[{"sku":"a","delta":1},{"sku":null,"delta":2}]}""", "items[1].sku: must not be null")]
    [InlineData("""{"items":[],"byStore":{"S001":null}}""", "byStore['S001']: must not be null")]
    [InlineData("""{"items":[],"extra":[null]}""", "extra[0]: must not be null")]
    [InlineData("""{"items":[],"tags":[["a",null]]}""", "tags[0][1]: must not be null")]
    [InlineData("""{"items":[],"tags":[null]}""", "tags[0]: must not be null")]
    [InlineData("""{"items":[],"aliases":{"x":["a",null]}}""", "aliases['x'][1]: must not be null")]
    [InlineData("""{"items":null}""", "items: must not be null")]
    public void A_null_where_the_type_says_non_null_is_an_invalid_body_naming_its_JSON_path(string json, string expected)
    {
        var failure = Assert.Throws<PermanentTaskException>(() => Read<Basket>(json));

        Assert.Equal(FailureKind.InvalidBody, failure.Kind);
        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nulls_the_type_allows_are_accepted()
    {
        var basket = Read<Basket>("""{"items":[{"sku":"a","delta":1,"note":null}],"maybe":[null],"byStore":{},"extra":null}""");

        Assert.Null(basket.Maybe![0]);
    }

    [Fact]
    public void A_nested_stored_file_with_a_null_member_names_its_path()
    {
        var failure = Assert.Throws<PermanentTaskException>(() => Read<Attachment>("""{"title":"t","file":{"bucket":null,"key":"uploads/test/t/a.csv"}}"""));

        Assert.Equal(FailureKind.InvalidBody, failure.Kind);
        Assert.Contains("file.bucket: must not be null", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_member_the_body_left_unset_is_caught_when_its_type_says_non_null()
    {
        var failure = Assert.Throws<PermanentTaskException>(() => Read<Settable>("""{"comment":"no name"}"""));

        Assert.Contains("name: must not be null", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_body_with_thousands_of_null_items_reports_the_first_twenty()
    {
        var json = """{"items":[""" + string.Join(",", Enumerable.Repeat("null", 5000)) + "]}";

        var failure = Assert.Throws<PermanentTaskException>(() => Read<Basket>(json));

        Assert.Contains("items[19]: must not be null", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("items[20]", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_body_nested_deeper_than_the_walk_goes_is_refused_not_left_half_checked()
    {
        var json = "{\"name\":\"leaf\",\"children\":[]}";
        for (var i = 0; i < 20; i++)
        {
            json = $"{{\"name\":\"n{i}\",\"children\":[{json}]}}";
        }

        var failure = Assert.Throws<PermanentTaskException>(() => Read<Node>(json));

        Assert.Contains("nested deeper than", failure.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> ForeignFiles => new()
    {
        { """{"title":"t","file":{"bucket":"elsewhere","key":"uploads/test/t/a.csv"}}""", "file" },
        { """{"title":"t","file":{"bucket":"workers-local-artifacts","key":"uploads/test/t/a.csv"},"more":[{"bucket":"workers-local-artifacts","key":"uploads/test/t/b.csv"},{"bucket":"workers-local-artifacts","key":"uploads/product/t/c.csv"}]}""", "more[1]" },
        { """{"title":"t","file":{"bucket":"workers-local-artifacts","key":"uploads/test/t/a.csv"},"named":{"x":{"bucket":"workers-local-artifacts","key":"claim-checks/test/t.json"}}}""", "named['x']" },
        { """{"title":"t","file":{"bucket":"workers-local-artifacts","key":"uploads/test/t/a.csv"},"inner":{"attachments":[{"title":"u","file":{"bucket":"workers-local-artifacts","key":"uploads/test/../product/a.csv"}}]}}""", "inner.attachments[0].file" },
    };

    [Theory]
    [MemberData(nameof(ForeignFiles))]
    public void Every_stored_file_anywhere_in_a_body_is_checked_against_the_reference_policy(string json, string field)
    {
        var failure = Assert.Throws<PermanentTaskException>(() => Read<Attachment>(json));

        Assert.Equal(FailureKind.ForeignReference, failure.Kind);
        Assert.Contains($"The reference {field} ", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Stored_files_under_this_workers_uploads_are_accepted_wherever_they_are()
    {
        var attachment = Read<Attachment>("""{"title":"t","file":{"bucket":"workers-local-artifacts","key":"uploads/test/t/a.csv"},"more":[{"bucket":"workers-local-artifacts","key":"uploads/test/t/b.csv"}]}""");

        Assert.Equal("uploads/test/t/b.csv", attachment.More![0].Key);
    }

    [Fact]
    public void A_large_body_of_plain_items_is_walked_once_and_accepted()
    {
        var json = """{"items":[""" + string.Join(",", Enumerable.Range(0, 100_000).Select(i => $$"""{"sku":"S{{i}}","delta":1}""")) + "]}";

        Assert.Equal(100_000, Read<Basket>(json).Items.Count);
    }

    private static T Read<T>(string json)
        where T : class
    {
        using var document = JsonDocument.Parse(json);
        return TaskBodies.Read<T>(document.RootElement.Clone(), "test", Policies.For("test"));
    }
}
