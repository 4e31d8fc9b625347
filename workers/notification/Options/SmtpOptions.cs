using System.ComponentModel.DataAnnotations;

namespace Workers.Notification.Options;

// The SMTP service (Amazon SES's SMTP interface in production: STARTTLS on 587, per-region SMTP credentials).
internal sealed class SmtpOptions
{
    [Required(ErrorMessage = "Notification:Smtp:Host is not set: the worker sends mail nowhere by default (set Notification__Smtp__Host).")]
    public string Host { get; set; } = "";

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    public string? Username { get; set; }

    public string? Password { get; set; }

    // The sender of every mail unless an item names its own; SES sends only from verified identities.
    [Required(ErrorMessage = "Notification:Smtp:From is not set (the sender address, a verified SES identity).")]
    public string From { get; set; } = "";

    // A PEM certificate trusted in addition to the system's roots (the local stand-in's self-signed one). The
    // server's certificate is always validated; this adds one trust anchor, it never turns validation off.
    public string? TrustedCertificate { get; set; }

    // One connect + STARTTLS + AUTH + send, and each command, must finish within this or count as an outage.
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    // Open, authenticated connections kept for reuse across items and messages (SES allows many; each costs a
    // TLS handshake and AUTH to open).
    [Range(1, 64)]
    public int MaxConnections { get; set; } = 4;
}
