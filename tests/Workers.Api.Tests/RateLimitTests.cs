using System.Net;
using Workers.Api.Tests.Infrastructure;

namespace Workers.Api.Tests;

public sealed class RateLimitTests : ApiTest
{
    [Fact]
    public async Task A_key_over_its_rate_gets_429_with_Retry_After_and_other_keys_are_unaffected()
    {
        // A bucket of 3 refilled at 1 per second: the 4th request in a row is over, whatever the machine's speed
        // (it would need a whole second between requests to earn a token).
        var api = StartApi(new Dictionary<string, string?> { ["Api:RateLimitBurst"] = "3", ["Api:RateLimitPerSecond"] = "1" });
        using var busy = await ClientAsync(api, "read");
        using var quiet = await ClientAsync(api, "read");

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 4; i++)
        {
            var response = await busy.GetAsync("/api/metrics", Cancellation);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limited = response;
                break;
            }

            response.Dispose();
        }

        Assert.NotNull(limited);
        using (limited)
        {
            Assert.True(limited.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), $"Retry-After: {limited.Headers.RetryAfter}");
            Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        }

        Assert.Equal(3, statuses.Count(s => s == HttpStatusCode.OK));
        using var other = await quiet.GetAsync("/api/metrics", Cancellation);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);

        using var anonymous = api.CreateClient();
        using var health = await anonymous.GetAsync("/api/health", Cancellation);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }
}
