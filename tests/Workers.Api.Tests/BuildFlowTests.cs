using System.Net;
using System.Net.Http.Headers;
using Workers.Api.Tests.Infrastructure;

namespace Workers.Api.Tests;

public sealed class BuildFlowTests : ApiTest
{
    [Fact]
    public async Task A_posted_build_is_built_by_the_build_worker_and_its_bundle_is_served_with_an_etag()
    {
        var api = StartApi();
        using var client = await ClientAsync(api, "enqueue", "read");
        StartBuildWorker();

        using var posted = await client.PostAsync("/api/builds", Json.Body(new { source = "export default function App() { return null; }", options = new { engine = "esbuild" } }), Cancellation);
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        var buildId = (await Json.ReadAsync(posted)).GetProperty("buildId").GetString();

        // The long poll returns when the worker's task notification arrives (well before 30 s).
        var build = await OutcomeAsync(client, buildId);
        Assert.Equal("succeeded", build.GetProperty("status").GetString());
        var result = build.GetProperty("result");
        Assert.True(result.GetProperty("success").GetBoolean());
        var sha256 = result.GetProperty("artifact").GetProperty("sha256").GetString();
        Assert.Equal($"/api/builds/{buildId}/bundle", build.GetProperty("links").GetProperty("bundle").GetString());

        using var bundle = await client.GetAsync($"/api/builds/{buildId}/bundle", Cancellation);
        Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
        Assert.Equal($"\"{sha256}\"", bundle.Headers.ETag?.Tag);
        Assert.False(bundle.Headers.ETag!.IsWeak);
        Assert.Equal("public, max-age=31536000, immutable", bundle.Headers.CacheControl?.ToString());
        Assert.Contains("fake bundle", await bundle.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);

        using var conditional = new HttpRequestMessage(HttpMethod.Get, $"/api/builds/{buildId}/bundle");
        conditional.Headers.IfNoneMatch.Add(bundle.Headers.ETag);
        using var notModified = await client.SendAsync(conditional, Cancellation);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        using var compressed = new HttpRequestMessage(HttpMethod.Get, $"/api/builds/{buildId}/bundle");
        compressed.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        using var gzip = await client.SendAsync(compressed, Cancellation);
        Assert.Equal("gzip", Assert.Single(gzip.Content.Headers.ContentEncoding));
    }

    [Fact]
    public async Task A_source_above_the_inline_limit_travels_by_claim_check_and_still_builds()
    {
        var api = StartApi(new Dictionary<string, string?> { ["ClaimCheck:ThresholdBytes"] = "1024" });
        using var client = await ClientAsync(api, "enqueue", "read");
        StartBuildWorker();

        var source = "export default function App() { return null; }\n" + string.Join('\n', Enumerable.Repeat("// padding line of a large component", 100));
        using var posted = await client.PostAsync("/api/builds", Json.Body(new { source }), Cancellation);
        var accepted = await Json.ReadAsync(posted);
        Assert.True(accepted.GetProperty("claimCheck").GetBoolean());

        var build = await OutcomeAsync(client, accepted.GetProperty("buildId").GetString());
        Assert.Equal("succeeded", build.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_failed_build_reports_its_error_and_has_no_bundle()
    {
        var api = StartApi();
        using var client = await ClientAsync(api, "enqueue", "read");
        StartBuildWorker();

        using var posted = await client.PostAsync("/api/builds", Json.Body(new { source = "syntax" }), Cancellation);
        var buildId = (await Json.ReadAsync(posted)).GetProperty("buildId").GetString();
        var build = await OutcomeAsync(client, buildId);
        Assert.Equal("failed", build.GetProperty("status").GetString());
        Assert.Equal("BUILD_ERROR", build.GetProperty("result").GetProperty("errorType").GetString());

        using var bundle = await client.GetAsync($"/api/builds/{buildId}/bundle", Cancellation);
        Assert.Equal(HttpStatusCode.NotFound, bundle.StatusCode);
    }
}
