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

        var deploy = product.Deployment;
        Assert.Equal((256, 512, (string?)null, 1, 3), (deploy.Cpu, deploy.Memory, deploy.Reason, deploy.MinTasks, deploy.MaxTasks));
        Assert.Null(deploy.HandWrittenDockerfile);
        Assert.Empty(deploy.Secrets);
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

        var deploy = product.Deployment;
        Assert.Equal((1024, 2048, "Node.js beside .NET", 1, 5), (deploy.Cpu, deploy.Memory, deploy.Reason, deploy.MinTasks, deploy.MaxTasks));
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
    public void Deploy_secrets_name_environment_variables_and_secrets_of_the_environment()
    {
        var product = Parse(p => p["deploy"] = new JsonObject { ["secrets"] = new JsonObject { ["Smtp__Password"] = "smtp-password" } }).Worker("product");

        Assert.Equal("smtp-password", product.Deployment.Secrets["Smtp__Password"]);
    }

    [Theory]
    [InlineData("DB_SECRET", "db", "DB_SECRET is every worker's already")]
    [InlineData("Smtp Password", "smtp", "is not an environment variable name")]
    [InlineData("Smtp__Password", "../other-app/db", "is not a secret name")]
    public void Deploy_secrets_must_be_variables_and_names_of_this_environment(string variable, string secret, string error)
    {
        var exception = Assert.Throws<FleetDeclarationException>(() => Parse(p => p["deploy"] = new JsonObject { ["secrets"] = new JsonObject { [variable] = secret } }));

        Assert.Contains(exception.Errors, e => e.StartsWith("workers.product.deploy.secrets", StringComparison.Ordinal) && e.Contains(error, StringComparison.Ordinal));
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
