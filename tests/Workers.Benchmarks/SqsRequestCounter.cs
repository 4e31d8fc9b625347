using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Workers.Benchmarks;

// Counts the SQS requests this process sends, by action (the X-Amz-Target header of the JSON protocol), from
// HttpClient's diagnostic events. On the emulator every request costs about the same whatever it carries, so
// requests per message explain most of a throughput figure; printed beside it.
internal sealed class SqsRequestCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly IDisposable _subscription;
    private IDisposable? _http;

    public SqsRequestCounter() => _subscription = DiagnosticListener.AllListeners.Subscribe(this);

    public void Reset() => _counts.Clear();

    // "Receive 2.0, DeleteBatch 2.1 per 10 messages" for the actions counted since the last reset.
    public string PerTenMessages(int messages) =>
        string.Join(", ", _counts.OrderByDescending(c => c.Value).Select(c =>
            string.Create(CultureInfo.InvariantCulture, $"{c.Key} {c.Value * 10.0 / messages:0.00}")));

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == "HttpHandlerDiagnosticListener")
        {
            _http = value.Subscribe(this);
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key != "System.Net.Http.HttpRequestOut.Start" || value.Value is null)
        {
            return;
        }

        // The event's payload is an anonymous type with a Request property.
        var request = value.Value.GetType().GetProperty("Request")?.GetValue(value.Value) as HttpRequestMessage;
        if (request is not null && request.Headers.TryGetValues("X-Amz-Target", out var targets))
        {
            var action = targets.First().Replace("AmazonSQS.", "", StringComparison.Ordinal);
            _counts.AddOrUpdate(action, 1, (_, n) => n + 1);
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        _http?.Dispose();
        _subscription.Dispose();
    }
}
