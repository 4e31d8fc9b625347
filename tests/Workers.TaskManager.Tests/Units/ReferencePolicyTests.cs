using Workers.TaskManager.References;

namespace Workers.TaskManager.Tests.Units;

public sealed class ReferencePolicyTests
{
    [Theory]
    [InlineData("claim-checks/test/1.json", ReferenceKind.ClaimCheck)]
    [InlineData("uploads/test/t-1/stock.csv", ReferenceKind.Upload)]
    public void A_reference_to_what_the_fleet_wrote_for_this_worker_is_honoured(string key, ReferenceKind kind) =>
        Policies.For("test").Check("field", Policies.Bucket, key, kind);

    [Theory]
    [InlineData("another-bucket", "claim-checks/test/1.json", ReferenceKind.ClaimCheck, "the bucket is not the fleet's bucket workers-local-artifacts")]
    [InlineData(Policies.Bucket, "claim-checks/product/1.json", ReferenceKind.ClaimCheck, "the key is not under claim-checks/test/")]
    [InlineData(Policies.Bucket, "claim-checks/test-other/1.json", ReferenceKind.ClaimCheck, "the key is not under claim-checks/test/")]
    [InlineData(Policies.Bucket, "claim-checks/test/", ReferenceKind.ClaimCheck, "empty path segment")]
    [InlineData(Policies.Bucket, "claim-checks/test", ReferenceKind.ClaimCheck, "the key is not under claim-checks/test/")]
    [InlineData(Policies.Bucket, "uploads/test/t/1.json", ReferenceKind.ClaimCheck, "the key is not under claim-checks/test/")]
    [InlineData(Policies.Bucket, "claim-checks/test/1.json", ReferenceKind.Upload, "the key is not under uploads/test/")]
    [InlineData(Policies.Bucket, "uploads/build/b-1/App.jsx", ReferenceKind.Upload, "the key is not under uploads/test/")]
    [InlineData(Policies.Bucket, "bundles/x.js", ReferenceKind.Upload, "the key is not under uploads/test/")]
    [InlineData(Policies.Bucket, "Uploads/test/t/1.csv", ReferenceKind.Upload, "the key is not under uploads/test/")]
    [InlineData(Policies.Bucket, "uploads/test/../build/b-1/App.jsx", ReferenceKind.Upload, "'..' path segment")]
    public void Any_other_reference_is_refused_naming_the_field_and_the_rule(string bucket, string key, ReferenceKind kind, string rule)
    {
        var refused = Assert.Throws<PermanentTaskException>(() => Policies.For("test").Check("items[2].file", bucket, key, kind));

        Assert.Equal(FailureKind.ForeignReference, refused.Kind);
        Assert.Contains("items[2].file", refused.Message, StringComparison.Ordinal);
        Assert.Contains(rule, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refused_key_is_echoed_bounded_and_without_line_breaks()
    {
        var key = "claim-checks/product/" + new string('k', 200) + "\nFORGED LOG LINE" + new string('x', 200);

        var refused = Assert.Throws<PermanentTaskException>(() => Policies.For("test").Check("bodyRef", Policies.Bucket, key, ReferenceKind.ClaimCheck));

        Assert.DoesNotContain("FORGED", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', refused.Message);
        Assert.True(refused.Message.Length < 400, refused.Message);
    }

    [Fact]
    public void A_stored_file_is_checked_as_an_upload()
    {
        var policy = Policies.For("product");

        policy.Check("file", new StoredFile(Policies.Bucket, "uploads/product/t/stock.csv"));
        var refused = Assert.Throws<PermanentTaskException>(() => policy.Check("file", new StoredFile(Policies.Bucket, "claim-checks/product/t.json")));
        Assert.Equal(FailureKind.ForeignReference, refused.Kind);
    }
}
