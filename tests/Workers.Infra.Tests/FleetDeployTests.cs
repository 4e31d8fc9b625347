using System.Text.Json.Nodes;
using Workers.Fleet;
using Workers.Testing;

namespace Workers.Infra.Tests;

// The fleet's deploy block and publishesTo: what the generator relies on is validated when the fleet is read.
public sealed class FleetDeployTests
{
    [Fact]
    public void A_worker_inherits_the_default_task_size_and_range()
    {
        var product = Parse(_ => { }).Worker("product");

        Assert.Equal(new FleetDeployment(256, 512, null, 1, 3), product.Deployment);
        Assert.Empty(product.PublishesTo);
        Assert.Equal(TimeSpan.FromSeconds(900), product.SlowestTaskTimeout);
    }

    [Theory]
    [InlineData(256, 4096, "is not a Fargate task size")]
    [InlineData(1024, 2048, "deploy.reason: cpu 1024 / memory 2048 is above the fleet default; say why")]
    public void A_task_size_must_be_fargate_and_explained_when_above_the_default(int cpu, int memory, string error)
    {
        var exception = Assert.Throws<FleetDeclarationException>(() => Parse(product => product["deploy"] = new JsonObject { ["cpu"] = cpu, ["memory"] = memory }));

        Assert.Contains(exception.Errors, e => e.StartsWith("workers.product.deploy", StringComparison.Ordinal) && e.Contains(error, StringComparison.Ordinal));
    }

    [Fact]
    public void A_larger_worker_with_a_reason_is_accepted()
    {
        var product = Parse(p => p["deploy"] = new JsonObject { ["cpu"] = 1024, ["memory"] = 2048, ["reason"] = "Node.js beside .NET", ["maxTasks"] = 5 }).Worker("product");

        Assert.Equal(new FleetDeployment(1024, 2048, "Node.js beside .NET", 1, 5), product.Deployment);
    }

    [Theory]
    [InlineData(0, 3)]
    [InlineData(4, 3)]
    public void The_task_range_must_be_ordered_and_at_least_one(int min, int max)
    {
        var exception = Assert.Throws<FleetDeclarationException>(() => Parse(p => p["deploy"] = new JsonObject { ["minTasks"] = min, ["maxTasks"] = max }));

        Assert.Contains(exception.Errors, e => e.Contains("1 <= minTasks <= maxTasks", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("product")]
    [InlineData("nobody")]
    public void A_worker_publishes_only_to_other_declared_workers(string target)
    {
        var exception = Assert.Throws<FleetDeclarationException>(() => Parse(p => p["publishesTo"] = new JsonArray(target)));

        Assert.Contains($"workers.product.publishesTo: '{target}' must be another declared worker.", exception.Errors);
    }

    [Fact]
    public void An_unknown_deploy_member_is_rejected()
    {
        var exception = Assert.Throws<FleetDeclarationException>(() => Parse(p => p["deploy"] = new JsonObject { ["cpus"] = 512 }));

        Assert.Contains("cpus", Assert.Single(exception.Errors), StringComparison.Ordinal);
    }

    private static FleetDeclaration Parse(Action<JsonObject> changeProduct)
    {
        var fleet = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "shared", "fleet.json")))!.AsObject();
        changeProduct(fleet["workers"]!["product"]!.AsObject());
        return FleetDeclaration.Parse(fleet.ToJsonString());
    }
}
