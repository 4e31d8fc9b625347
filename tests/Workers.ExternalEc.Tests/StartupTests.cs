using Workers.ExternalEc.Tests.Infrastructure;

namespace Workers.ExternalEc.Tests;

// Options are checked before anything runs: with no endpoint, or tokens that are not a JSON object, the worker
// refuses to start and says which setting is wrong, so nothing is sent anywhere.
public sealed class StartupTests : ExternalEcWorkerTest
{
    [Fact]
    public async Task Worker_without_an_Ochanoko_endpoint_refuses_to_start_and_names_the_setting()
    {
        var worker = StartExternalEcWorker(new Dictionary<string, string?> { ["ExternalEc__Ochanoko__Endpoint"] = null });

        Assert.Equal(1, await worker.WaitForExitAsync(Patience));
        Assert.Contains("ExternalEc__Ochanoko__Endpoint", worker.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Worker_whose_shop_tokens_are_not_a_json_object_refuses_to_start()
    {
        var worker = StartExternalEcWorker(new Dictionary<string, string?> { ["ExternalEc__Ochanoko__ShopTokens"] = "S001=secret" });

        Assert.Equal(1, await worker.WaitForExitAsync(Patience));
        Assert.Contains("ExternalEc:Ochanoko:ShopTokens", worker.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", worker.Output, StringComparison.Ordinal);
    }
}
