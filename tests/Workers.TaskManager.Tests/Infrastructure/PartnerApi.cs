using System.Net;

namespace Workers.TaskManager.Tests.Infrastructure;

// A real HTTP server on loopback standing in for an external API a handler calls: it answers 503 with a
// Retry-After until it has refused `refusals` requests (or for ever), then 200.
public sealed class PartnerApi : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly int _refusals;
    private readonly Task _serving;
    private int _requests;

    public PartnerApi(int refusals)
    {
        _refusals = refusals;
        for (var attempt = 0; ; attempt++)
        {
            Url = new Uri($"http://127.0.0.1:{Random.Shared.Next(20_000, 60_000)}/");
            _listener.Prefixes.Clear();
            _listener.Prefixes.Add(Url.ToString());
            try
            {
                _listener.Start();
                break;
            }
            catch (HttpListenerException) when (attempt < 20)
            {
                // The port was taken; try another.
            }
        }

        _serving = Task.Run(ServeAsync);
    }

    public Uri Url { get; private set; } = null!;

    public int Refused => Math.Min(Volatile.Read(ref _requests), _refusals);

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _ = _serving;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var refuse = Interlocked.Increment(ref _requests) <= _refusals;
            context.Response.StatusCode = refuse ? 503 : 200;
            if (refuse)
            {
                context.Response.Headers["Retry-After"] = "0";
            }

            context.Response.Close();
        }
    }
}
