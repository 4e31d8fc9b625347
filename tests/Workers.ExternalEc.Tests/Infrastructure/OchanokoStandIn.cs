using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Workers.ExternalEc.Tests.Infrastructure;

// The Ochanoko stand-in's admin API (infra/local/standins/ochanoko): each test makes its own shop with its own
// token and rate limit, so tests running at once never share a bucket, a counter or an outage.
internal sealed class OchanokoStandIn : IDisposable
{
    private readonly HttpClient _http;

    public OchanokoStandIn()
    {
        Endpoint = Environment.GetEnvironmentVariable("ExternalEc__Ochanoko__Endpoint") is { Length: > 0 } e ? e : "http://127.0.0.1:4580";
        _http = new HttpClient { BaseAddress = new Uri(Endpoint.TrimEnd('/') + "/_admin/") };
        Shop = "shop-" + Guid.NewGuid().ToString("N")[..12];
        Token = "tok-" + Guid.NewGuid().ToString("N");
    }

    public string Endpoint { get; }

    public string Shop { get; }

    public string Token { get; }

    // A fresh shop with a full-scope token (Token), a read-only one (ReadOnlyToken) and the given rate limit.
    public async Task CreateShopAsync(double rate = 1000, int burst = 1000, CancellationToken cancellationToken = default) =>
        await PostAsync($"shops/{Shop}", new
        {
            rate,
            burst,
            tokens = new object[] { new { token = Token }, new { token = ReadOnlyToken, scopes = new[] { "read_orders", "read_products" } } },
        }, cancellationToken);

    public string ReadOnlyToken => Token + "-ro";

    public Task SeedProductsAsync(IEnumerable<object> products, CancellationToken cancellationToken) =>
        PostAsync($"shops/{Shop}/products", new { products }, cancellationToken);

    public Task SeedOrderAsync(object order, CancellationToken cancellationToken) =>
        PostAsync($"shops/{Shop}/orders", new { orders = new[] { order } }, cancellationToken);

    public Task OutageAsync(TimeSpan length, CancellationToken cancellationToken) =>
        PostAsync($"shops/{Shop}/outage", new { seconds = length.TotalSeconds }, cancellationToken);

    public async Task<Dictionary<string, JsonObject>> ProductsAsync(CancellationToken cancellationToken)
    {
        var answer = await _http.GetFromJsonAsync<JsonObject>($"shops/{Shop}/products", cancellationToken);
        return answer!["data"]!.AsArray().Select(p => p!.AsObject()).ToDictionary(p => (string)p["id"]!);
    }

    public async Task<List<(int Items, int Written)>> WritesAsync(CancellationToken cancellationToken)
    {
        var answer = await _http.GetFromJsonAsync<JsonObject>($"shops/{Shop}/writes", cancellationToken);
        return [.. answer!["data"]!.AsArray().Select(w => ((int)w!["items"]!, (int)w["written"]!))];
    }

    // The customer paid at the platform: Ochanoko then refuses to cancel the order (409).
    public Task MarkPaidAsync(string orderId, CancellationToken cancellationToken) =>
        PostAsync($"shops/{Shop}/orders/{Uri.EscapeDataString(orderId)}/paid", new { }, cancellationToken);

    // The order ids of the cancels Ochanoko accepted, one per call.
    public async Task<List<string>> CancellationsAsync(CancellationToken cancellationToken)
    {
        var answer = await _http.GetFromJsonAsync<JsonObject>($"shops/{Shop}/cancellations", cancellationToken);
        return [.. answer!["data"]!.AsArray().Select(c => (string)c!["id"]!)];
    }

    public async Task<Dictionary<string, long>> CountersAsync(CancellationToken cancellationToken) =>
        (await _http.GetFromJsonAsync<Dictionary<string, long>>($"shops/{Shop}/counters", cancellationToken))!;

    public void Dispose() => _http.Dispose();

    private async Task PostAsync(string path, object body, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsJsonAsync(path, body, JsonSerializerOptions.Web, cancellationToken);
        response.EnsureSuccessStatusCode();
    }
}
