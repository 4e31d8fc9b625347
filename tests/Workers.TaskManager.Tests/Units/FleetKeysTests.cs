using Workers.TaskManager.References;

namespace Workers.TaskManager.Tests.Units;

public sealed class FleetKeysTests
{
    public static TheoryData<string> AwkwardTaskIds =>
    [
        "../../product/stolen", "a/b", "a\\b", ".", "..", "%2e%2e", "%252F", "with space", "tab\there", "nul\0", "\u202Eevil",
        "ünïcödé", new string('z', 128), "colon:separated",
    ];

    [Fact]
    public void A_plain_task_id_and_file_name_are_used_as_they_are()
    {
        Assert.Equal("claim-checks/product/0193-abc.json", FleetKeys.ClaimCheck("product", "0193-abc"));
        Assert.Equal("uploads/product/task_1/stock.csv", FleetKeys.Upload("product", "task_1", "stock.csv"));
        Assert.Equal("claim-checks/build/", FleetKeys.Prefix(ReferenceKind.ClaimCheck, "build"));
        Assert.Equal("uploads/build/", FleetKeys.Prefix(ReferenceKind.Upload, "build"));
    }

    [Theory]
    [MemberData(nameof(AwkwardTaskIds))]
    public void Every_key_the_fleet_writes_is_one_its_workers_honour(string taskId)
    {
        var policy = Policies.For("test");

        Assert.Null(policy.Broken(Policies.Bucket, FleetKeys.ClaimCheck("test", taskId), ReferenceKind.ClaimCheck));
        Assert.Null(policy.Broken(Policies.Bucket, FleetKeys.Upload("test", taskId, "stock.csv"), ReferenceKind.Upload));
        Assert.Null(policy.Broken(Policies.Bucket, FleetKeys.Upload("test", "t", taskId), ReferenceKind.Upload));
    }

    [Fact]
    public void Task_ids_that_differ_only_in_unsafe_characters_get_different_keys()
    {
        Assert.NotEqual(FleetKeys.ClaimCheck("test", "a/b"), FleetKeys.ClaimCheck("test", "a_b"));
        Assert.NotEqual(FleetKeys.ClaimCheck("test", "a/b"), FleetKeys.ClaimCheck("test", "a\\b"));
    }

    [Fact]
    public void An_awkward_file_name_keeps_its_extension()
    {
        Assert.Equal("uploads/product/t/my_stock__1_.csv", FleetKeys.Upload("product", "t", "my stock (1).csv"));
    }
}
