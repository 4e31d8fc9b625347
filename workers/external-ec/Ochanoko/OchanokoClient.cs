using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Polly.Timeout;
using Microsoft.Extensions.Options;
using Workers.TaskManager;

namespace Workers.ExternalEc.Ochanoko;

// The Ochanoko shop API, one store's shop per call (its bearer token). Retries with Retry-After happen in the
// HttpClient's resilience pipeline (OchanokoResilience) within the deadline given; what is still failing after it
// becomes a TransientDependencyException (the TaskManager holds the message, no receive spent), a refused token a
// PermanentTaskException that says so, and a refused item a per-item error for the caller to reject.
internal sealed class OchanokoClient(HttpClient http, OchanokoShops shops, IOptions<OchanokoOptions> options)
{
    public const string Dependency = "ochanoko";

    // The task's deadline travels with each request: the retry strategy waits only when the wait ends before it.
    public static readonly HttpRequestOptionsKey<DateTimeOffset> Deadline = new("workers.ochanoko.deadline");

    // The order, or null when the shop has no such order (404).
    public async Task<OchanokoOrder?> GetOrderAsync(string storeCode, string orderId, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Get, $"v1/orders/{Uri.EscapeDataString(orderId)}", storeCode, deadline);
        using var response = await SendAsync(request, storeCode, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        var envelope = await response.Content.ReadFromJsonAsync<OchanokoEnvelope<OchanokoOrder>>(cancellationToken);
        return envelope?.Data ?? throw new InvalidOperationException($"Ochanoko answered order {orderId} without data.");
    }

    // Cancels the order and its payment (idempotent at Ochanoko: cancelling a cancelled order succeeds). Null when
    // cancelled; Ochanoko's answer when it refuses because the order is paid (409).
    public async Task<string?> CancelOrderAsync(string storeCode, string orderId, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Post, $"v1/orders/{Uri.EscapeDataString(orderId)}/cancel", storeCode, deadline);
        using var response = await SendAsync(request, storeCode, cancellationToken, passThrough: HttpStatusCode.Conflict);
        return response.StatusCode == HttpStatusCode.Conflict ? Truncate(await response.Content.ReadAsStringAsync(cancellationToken)) : null;
    }

    // Writes absolute stocks or prices, at most MaxItemsPerRequest per PUT; returns the items the server refused.
    public async Task<IReadOnlyList<OchanokoItemError>> PutProductsAsync(
        string storeCode, IReadOnlyList<OchanokoProductUpdate> items, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var refused = new List<OchanokoItemError>();
        foreach (var slice in items.Chunk(options.Value.MaxItemsPerRequest))
        {
            using var request = Request(HttpMethod.Put, "v1/products", storeCode, deadline);
            request.Content = JsonContent.Create(new OchanokoPutRequest(slice));
            using var response = await SendAsync(request, storeCode, cancellationToken);
            var answer = await response.Content.ReadFromJsonAsync<OchanokoPutAnswer>(cancellationToken);
            refused.AddRange(answer?.Errors ?? []);
        }

        return refused;
    }

    private HttpRequestMessage Request(HttpMethod method, string path, string storeCode, DateTimeOffset deadline)
    {
        if (!shops.TryGetToken(storeCode, out var token))
        {
            throw new PermanentTaskException($"Store '{storeCode}' has no Ochanoko shop: ExternalEc:Ochanoko:ShopTokens names no token for it.");
        }

        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Options.Set(Deadline, deadline);
        return request;
    }

    // A success, or the one refusal the caller handles itself (404 unless it names another), is returned; the other
    // answers are thrown as transient or permanent failures.
    private async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request, string storeCode, CancellationToken cancellationToken, HttpStatusCode passThrough = HttpStatusCode.NotFound)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException
            || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new TransientDependencyException(Dependency, $"Ochanoko could not be reached for store {storeCode}: {ex.Message}", innerException: ex);
        }

        if (response.IsSuccessStatusCode || response.StatusCode == passThrough)
        {
            return response;
        }

        using (response)
        {
            var answer = await response.Content.ReadAsStringAsync(cancellationToken);
            var what = $"Ochanoko answered {(int)response.StatusCode} {response.ReasonPhrase} to {request.Method} {request.RequestUri} for store {storeCode}: {Truncate(answer)}";
            throw response.StatusCode switch
            {
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new PermanentTaskException(
                    $"{what}. The shop's token in ExternalEc:Ochanoko:ShopTokens is {(response.StatusCode == HttpStatusCode.Unauthorized ? "not accepted" : "missing a scope (read_orders, write_orders, read_products, write_products)")}."),
                _ when OchanokoResilience.IsTransient(response.StatusCode) => new TransientDependencyException(Dependency, what, OchanokoResilience.RetryAfter(response)),
                _ => new PermanentTaskException(what),
            };
        }
    }

    private static string Truncate(string text) => text.Length <= 500 ? text : text[..500] + "…";
}
