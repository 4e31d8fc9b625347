using System.ComponentModel.DataAnnotations;

namespace Workers.Api.Options;

// The API's settings (section Api).
internal sealed class ApiOptions
{
    public const string SectionName = "Api";

    // A source above this is refused with a problem naming `source`. The build worker's own limit
    // (Build:MaxSourceBytes, 256 KiB) is the default: accepting more would only queue a build that fails.
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxSourceBytes { get; set; } = 256 * 1024;

    // The longest ?wait= a client may ask for. Below the ALB's 60 s idle timeout, which would cut the
    // connection first: https://docs.aws.amazon.com/elasticloadbalancing/latest/application/edit-load-balancer-attributes.html
    [Range(typeof(TimeSpan), "00:00:01", "00:00:55")]
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromSeconds(30);

    // How long a key lookup is cached (and so how long a revocation takes to reach other instances).
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan KeyCacheLifetime { get; set; } = TimeSpan.FromSeconds(30);

    // Per API key token bucket: a burst of RateLimitBurst requests, refilled at RateLimitPerSecond.
    [Range(1, 100_000)]
    public int RateLimitBurst { get; set; } = 100;

    [Range(1, 100_000)]
    public int RateLimitPerSecond { get; set; } = 50;

    // The key that signs preview tokens (base64, at least 32 bytes), the same on every instance behind the load
    // balancer: a Copilot secret in AWS. Empty: each instance signs with a random key of its own, so a link works
    // only on the instance that made it (one local instance, tests).
    [RegularExpression("^[A-Za-z0-9+/]{43,}={0,2}$", ErrorMessage = "Api:PreviewTokenKey is base64 of at least 32 bytes.")]
    public string? PreviewTokenKey { get; set; }

    // How long a preview link works. Short, because it travels in URLs (history, logs): long enough to open it.
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan PreviewTokenLifetime { get; set; } = TimeSpan.FromHours(1);
}
