using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Workers.Notification.Options;
using Workers.TaskManager;

namespace Workers.Notification.Push;

// Expo's push API: POST /--/api/v2/push/send with at most 100 messages. Returns one ticket per message. A 429,
// a 5xx, a rejected access token, a timeout or a connection failure is an outage of the push service
// (TransientDependencyException, with the server's Retry-After); any other refusal of the whole request is a
// failure of this task (retried, then dead-lettered).
internal sealed class PushClient(HttpClient http, TimeProvider time) : IDisposable
{
    public const string Dependency = "push";

    // Expo's limit per request: https://docs.expo.dev/push-notifications/sending-notifications/#request-errors
    public const int MaxMessagesPerRequest = 100;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static HttpClient CreateHttpClient(PushOptions options)
    {
        var client = new HttpClient(new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5), // follow DNS changes of exp.host
        })
        {
            BaseAddress = new Uri(options.Endpoint.TrimEnd('/') + "/"),
            Timeout = options.Timeout,
        };
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (!string.IsNullOrEmpty(options.AccessToken))
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.AccessToken);
        }

        return client;
    }

    // Expo's limit per receipts request.
    public const int MaxReceiptsPerRequest = 1000;

    public async Task<IReadOnlyList<PushTicket>> SendAsync(IReadOnlyList<PushItem> messages, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(messages.Count, MaxMessagesPerRequest);
        var (status, body) = await PostAsync<PushSendResponse>("--/api/v2/push/send", messages, cancellationToken);
        if (status >= 300 || body?.Data is not { } tickets || tickets.Count != messages.Count)
        {
            throw Refused(status, body?.Errors, $"{body?.Data?.Count ?? 0} ticket(s) for {messages.Count} message(s)");
        }

        return tickets;
    }

    // The receipts Expo has for these ids, by id (a receipt has a ticket's shape without the id); an id Expo does
    // not have is absent.
    public async Task<IReadOnlyDictionary<string, PushTicket>> GetReceiptsAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ids.Count, MaxReceiptsPerRequest);
        var (status, body) = await PostAsync<PushReceiptsResponse>("--/api/v2/push/getReceipts", new { ids }, cancellationToken);
        return status < 300 && body?.Data is { } receipts ? receipts : throw Refused(status, body?.Errors, "no receipts");
    }

    private async Task<(int Status, T? Body)> PostAsync<T>(string path, object request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.PostAsJsonAsync(path, request, Json, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new TransientDependencyException(Dependency, $"Push service unreachable: {e.Message}", innerException: e);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            if (status is 429 or >= 500 or 401 or 403)
            {
                var text = await response.Content.ReadAsStringAsync(cancellationToken);
                throw new TransientDependencyException(Dependency, $"Push service answered {status}: {text}", RetryAfter(response));
            }

            return (status, await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken));
        }
    }

    private static InvalidOperationException Refused(int status, IReadOnlyList<PushError>? errors, string otherwise)
    {
        var text = string.Join("; ", errors?.Select(e => $"{e.Code}: {e.Message}") ?? []);
        return new InvalidOperationException($"Push service refused the request ({status}): {(text.Length > 0 ? text : otherwise)}");
    }

    public void Dispose() => http.Dispose();

    private TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - time.GetUtcNow() is var left && left > TimeSpan.Zero ? left : TimeSpan.Zero,
        _ => null,
    };
}
