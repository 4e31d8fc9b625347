namespace Workers.Notification.Tests.Infrastructure;

// The push stand-in's admin API.
public sealed class PushAdmin() : AdminClient("WORKERS_PUSH_PORT", 4590)
{
    public Task<List<ReceivedPush>> MessagesAsync(string tokenPrefix) =>
        GetAsync<List<ReceivedPush>>($"messages?prefix={Uri.EscapeDataString(tokenPrefix)}", "messages");

    public Task<List<PushRequest>> RequestsAsync(string tokenPrefix) =>
        GetAsync<List<PushRequest>>($"requests?prefix={Uri.EscapeDataString(tokenPrefix)}", "requests");

    public Task UnregisterAsync(params string[] tokens) => PostAsync("unregistered", new { tokens });

    // Sends to these tokens get an "ok" ticket, but a DeviceNotRegistered receipt.
    public Task UndeliverableAsync(params string[] tokens) => PostAsync("undeliverable", new { tokens });

    // A project of the test's own (its access token), with its own per-second limit.
    public Task ProjectAsync(string accessToken, int perSecond) => PostAsync("projects", new { accessToken, perSecond });
}

public sealed record ReceivedPush(string Id, string To, string? Title, string? Body, Dictionary<string, string>? Data, string AccessToken);

public sealed record PushRequest(DateTimeOffset At, string AccessToken, int Count, List<string> Tokens, int Status);
