using System.Net;
using Workers.Api.Tests.Infrastructure;

namespace Workers.Api.Tests;

public sealed class IdempotencyTests : ApiTest
{
    [Fact]
    public async Task A_retried_request_with_the_same_key_returns_the_same_build()
    {
        var api = StartApi();
        using var client = await ClientAsync(api, "enqueue", "read");

        var first = await PostAsync(client, "retry-1", new { source = "export default () => null;" });
        var again = await PostAsync(client, "retry-1", new { options = (object?)null, source = "export default () => null;" });
        var other = await PostAsync(client, "retry-2", new { source = "export default () => null;" });
        Assert.Equal(HttpStatusCode.Accepted, first.Status);
        Assert.Equal(HttpStatusCode.Accepted, again.Status);
        Assert.Equal(first.BuildId, again.BuildId);
        Assert.False(first.Replayed);
        Assert.True(again.Replayed);
        Assert.NotEqual(first.BuildId, other.BuildId);

        // The build exists from the 202 on: queued until a worker records it.
        using var read = await client.GetAsync($"/api/builds/{first.BuildId}", Cancellation);
        Assert.Equal("queued", (await Json.ReadAsync(read)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_same_key_with_another_request_is_a_conflict_and_keys_are_scoped_per_api_key()
    {
        var api = StartApi();
        using var client = await ClientAsync(api, "enqueue");
        using var someoneElse = await ClientAsync(api, "enqueue");

        var first = await PostAsync(client, "shared-key", new { source = "A" });
        var changed = await PostAsync(client, "shared-key", new { source = "B" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, changed.Status);

        var theirs = await PostAsync(someoneElse, "shared-key", new { source = "A" });
        Assert.Equal(HttpStatusCode.Accepted, theirs.Status);
        Assert.False(theirs.Replayed);
        Assert.NotEqual(first.BuildId, theirs.BuildId);
    }

    private static async Task<(HttpStatusCode Status, string? BuildId, bool Replayed)> PostAsync(HttpClient client, string key, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/builds") { Content = Json.Body(body) };
        request.Headers.Add("Idempotency-Key", key);
        using var response = await client.SendAsync(request, Cancellation);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            return (response.StatusCode, null, false);
        }

        var accepted = await Json.ReadAsync(response);
        Assert.Equal($"/api/builds/{accepted.GetProperty("buildId").GetString()}", response.Headers.Location?.ToString());
        return (response.StatusCode, accepted.GetProperty("buildId").GetString(), accepted.GetProperty("replayed").GetBoolean());
    }
}
