using System.ComponentModel.DataAnnotations;

namespace Workers.ExternalEc.Ochanoko;

// Where the Ochanoko shop API is and how the worker talks to it (section ExternalEc:Ochanoko). In production the
// endpoint and the tokens come from Copilot `secrets:` (shared/fleet.json deploy.secrets); with no endpoint the
// worker refuses to start, so nothing is sent anywhere by accident.
internal sealed class OchanokoOptions
{
    public const string SectionName = "ExternalEc:Ochanoko";

    // The API's base address, e.g. https://api.ochanoko.example/ (the stand-in: http://127.0.0.1:4580).
    [Required(ErrorMessage = "ExternalEc:Ochanoko:Endpoint (env ExternalEc__Ochanoko__Endpoint) is not set: the worker needs the Ochanoko shop API's address.")]
    public Uri? Endpoint { get; set; }

    // A JSON object: store code → that store's Ochanoko shop bearer token ({"S001":"tok-…"}). Each store is one shop.
    public string ShopTokens { get; set; } = "{}";

    // The API takes at most 1,000 products per PUT (DOMAIN.md); a larger chunk is split, never sent whole.
    [Range(1, 1000)]
    public int MaxItemsPerRequest { get; set; } = 1000;

    // Retries of one request (429, 503, 5xx, connection failures) before the task is handed back to the
    // TaskManager as a dependency outage (held, no receive spent).
    [Range(0, 20)]
    public int MaxRetries { get; set; } = 6;

    // The first backoff when the server gives no Retry-After; doubles, with jitter.
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    // The longest wait for one retry, Retry-After included: a longer Retry-After is not waited out in the handler
    // but handed to the TaskManager, which holds the message that long and probes again.
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    // One HTTP attempt's limit.
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(20);

    // Where notices about orders that could not be imported go besides the customer (the shop's staff address);
    // empty: only the customer is told.
    [EmailAddress]
    public string? NoticeEmail { get; set; }
}
