using Workers.Fleet;

namespace Workers.TaskManager.Tests.Units;

public sealed class FleetDeclarationTests
{
    [Fact]
    public void The_repository_fleet_declaration_is_valid_and_names_every_queue_from_one_pattern()
    {
        var product = FleetDeclaration.Current.Worker("product");

        Assert.Equal("workers-staging-product.fifo", product.QueueName("staging"));
        Assert.Equal("workers-staging-product-dlq.fifo", product.DeadLetterQueueName("staging"));
        Assert.Equal(3, product.MaxReceiveCount);
        Assert.Equal(100, product.TaskTypes["updateStock"].ChunkSize);
        Assert.Equal("workers-local-artifacts", FleetDeclaration.Current.BucketName("local"));
    }

    [Fact]
    public void A_declaration_that_breaks_rules_is_refused_with_every_broken_rule_listed()
    {
        var json = """
            {
              "application": "workers-for-a-company-whose-name-is-far-too-long-for-sqs",
              "queueNames": { "queue": "{application}-{environment}-{worker}", "deadLetterQueue": "{application}-{environment}-{worker}-dlq.fifo" },
              "bucket": "{application}-{environment}-artifacts",
              "defaults": { "maxReceiveCount": 0, "visibilityTimeoutSeconds": 60, "messageRetentionSeconds": 345600,
                            "deadLetterRetentionSeconds": 1209600, "maxInFlight": 20,
                            "taskType": { "chunkSize": 100, "timeoutSeconds": 30 } },
              "workers": {
                "Bad_Name": { "taskTypes": { "x": {} } },
                "notification": { "taskTypes": {} },
                "item": { "visibilityTimeoutSeconds": 50000, "taskTypes": { "createItem": { "chunkSize": 0, "timeoutSeconds": 0 } } }
              }
            }
            """;

        var failure = Assert.Throws<FleetDeclarationException>(() => FleetDeclaration.Parse(json));

        Assert.Contains(failure.Errors, e => e.Contains("must end with .fifo", StringComparison.Ordinal));
        Assert.Contains(failure.Errors, e => e.Contains("defaults.maxReceiveCount", StringComparison.Ordinal));
        Assert.Contains(failure.Errors, e => e.Contains("workers.Bad_Name", StringComparison.Ordinal));
        Assert.Contains(failure.Errors, e => e.Contains("at most 80 characters", StringComparison.Ordinal));
        Assert.Contains(failure.Errors, e => e.Contains("at least one task type", StringComparison.Ordinal));
        Assert.Contains(failure.Errors, e => e.Contains("workers.item.visibilityTimeoutSeconds", StringComparison.Ordinal));
        Assert.Contains(failure.Errors, e => e.Contains("createItem.chunkSize", StringComparison.Ordinal));
        Assert.Contains(failure.Errors, e => e.Contains("createItem.timeoutSeconds", StringComparison.Ordinal));
    }

    [Fact]
    public void A_task_type_takes_its_settings_from_the_worker_then_the_fleet_catalog_then_the_defaults()
    {
        var json = FleetJson.Replace(
            "\"csvStock\": {",
            "\"sendEmail\": {}, \"ochanokoUpdatePrice\": { \"timeoutSeconds\": 300 }, \"csvStock\": {",
            StringComparison.Ordinal);

        var product = FleetDeclaration.Parse(json).Worker("product");

        Assert.Equal((1, 30), (product.TaskTypes["sendEmail"].ChunkSize, (int)product.TaskTypes["sendEmail"].Timeout.TotalSeconds));
        Assert.Equal((800, 300), (product.TaskTypes["ochanokoUpdatePrice"].ChunkSize, (int)product.TaskTypes["ochanokoUpdatePrice"].Timeout.TotalSeconds));
        Assert.Equal(1000, product.TaskTypes["csvStock"].ChunkSize);
    }

    [Fact]
    public void A_misspelt_setting_is_an_error_rather_than_silently_ignored()
    {
        var json = FleetJson.Replace("\"chunkSize\": 1000,", "\"chunkSzie\": 1000, \"chunkSize\": 1000,", StringComparison.Ordinal);

        var failure = Assert.Throws<FleetDeclarationException>(() => FleetDeclaration.Parse(json));

        Assert.Contains("chunkSzie", failure.Message, StringComparison.Ordinal);
    }

    private static string FleetJson => File.ReadAllText(Path.Combine(Workers.Testing.RepositoryRoot.Path, "shared", "fleet.json"));
}
