using System.Net;
using System.Net.Sockets;
using Workers.Api.Tests.Infrastructure;

namespace Workers.Api.Tests;

public sealed class HealthTests : ApiTest
{
    [Fact]
    public async Task Readiness_checks_postgresql_sqs_and_s3()
    {
        var api = StartApi();
        using var client = api.CreateClient();
        using var ready = await client.GetAsync("/api/health/ready", Cancellation);
        var report = await Json.ReadAsync(ready);
        Assert.True(ready.StatusCode == HttpStatusCode.OK, report.ToString());
        Assert.Equal(["postgresql", "s3", "sqs"], report.GetProperty("checks").EnumerateObject().Select(c => c.Name).Order());
    }

    [Fact]
    public async Task With_the_database_down_readiness_is_503_naming_it_and_liveness_stays_200()
    {
        var api = StartApi(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Workers"] = $"Host=127.0.0.1;Port={ClosedPort()};Database=none;Username=none;Timeout=2",
        });
        using var client = api.CreateClient();

        using var ready = await client.GetAsync("/api/health/ready", Cancellation);
        var report = await Json.ReadAsync(ready);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(["postgresql"], report.GetProperty("down").EnumerateArray().Select(d => d.GetString()));
        Assert.Contains("PostgreSQL", report.GetProperty("checks").GetProperty("postgresql").GetProperty("description").GetString(), StringComparison.Ordinal);

        using var live = await client.GetAsync("/api/health", Cancellation);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    // A port nothing listens on: bound, read, released.
    private static int ClosedPort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
