using System.Net;
using System.Net.Http.Headers;
using Workers.Api.Tests.Infrastructure;

namespace Workers.Api.Tests;

public sealed class AuthTests : ApiTest
{
    [Fact]
    public async Task A_request_without_a_key_is_refused_with_a_problem_and_health_needs_none()
    {
        var api = StartApi();
        using var anonymous = api.CreateClient();

        using var build = await anonymous.GetAsync("/api/builds/b-1", Cancellation);
        Assert.Equal(HttpStatusCode.Unauthorized, build.StatusCode);
        Assert.Equal("application/problem+json", build.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Bearer", build.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);

        using var metrics = await anonymous.GetAsync("/api/metrics", Cancellation);
        Assert.Equal(HttpStatusCode.Unauthorized, metrics.StatusCode);

        using var health = await anonymous.GetAsync("/api/health", Cancellation);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task An_unknown_or_revoked_key_is_refused()
    {
        var api = StartApi();
        using var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "wk_0123456789abcdef_notarealsecretnotarealsecretnotareal");
        using var unknown = await client.GetAsync("/api/metrics", Cancellation);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);

        using var admin = await ClientAsync(api, "admin");
        using var created = await admin.PostAsync("/api/keys", Json.Body(new { name = "reader", scopes = new[] { "read" } }), Cancellation);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var key = await Json.ReadAsync(created);
        using var reader = api.CreateClient();
        reader.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key.GetProperty("key").GetString());
        using (var allowed = await reader.GetAsync("/api/metrics", Cancellation))
        {
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var revoked = await admin.DeleteAsync($"/api/keys/{key.GetProperty("keyId").GetString()}", Cancellation);
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        using var refused = await reader.GetAsync("/api/metrics", Cancellation);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task A_key_without_the_endpoints_scope_is_forbidden_and_admin_has_every_scope()
    {
        var api = StartApi();
        using var reader = await ClientAsync(api, "read");
        using var post = await reader.PostAsync("/api/builds", Json.Body(new { source = "x" }), Cancellation);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal("application/problem+json", post.Content.Headers.ContentType?.MediaType);

        using var keys = await reader.PostAsync("/api/keys", Json.Body(new { name = "x", scopes = new[] { "admin" } }), Cancellation);
        Assert.Equal(HttpStatusCode.Forbidden, keys.StatusCode);

        using var enqueuer = await ClientAsync(api, "enqueue");
        using var read = await enqueuer.GetAsync("/api/builds/b-1", Cancellation);
        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);

        using var admin = await ClientAsync(api, "admin");
        using var missing = await admin.GetAsync("/api/builds/b-none", Cancellation);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
