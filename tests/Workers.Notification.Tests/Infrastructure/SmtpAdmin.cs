namespace Workers.Notification.Tests.Infrastructure;

// The SMTP stand-in's admin API.
public sealed class SmtpAdmin() : AdminClient("WORKERS_SMTP_ADMIN_PORT", 4588)
{
    // `to`: an address, or "@domain" for every address of a domain.
    public Task<List<ReceivedMail>> MailsAsync(string to) => GetAsync<List<ReceivedMail>>($"messages?to={Uri.EscapeDataString(to)}", "messages");

    public Task<List<SmtpRefusal>> RefusalsAsync(string to) => GetAsync<List<SmtpRefusal>>($"refusals?to={Uri.EscapeDataString(to)}", "refusals");

    // Answers `code` to these recipients (at RCPT TO, or at the end of DATA) for `seconds`, or until deleted.
    public async Task<int> RefuseAsync(int code, string message, string[] recipients, int? seconds = null, string phase = "rcpt") =>
        (await PostAsync("rules", new { code, message, recipients, seconds, phase })).GetProperty("id").GetInt32();

    public Task EndRuleAsync(int id) => DeleteAsync($"rules?id={id}");
}

public sealed record ReceivedMail(
    int Id,
    MailEnvelope Envelope,
    string User,
    bool Secure,
    string? MessageId,
    string? Subject,
    string? From,
    string? To,
    string? ReplyTo,
    Dictionary<string, string> Headers,
    string? Text,
    string? Html);

public sealed record MailEnvelope(string From, List<string> To);

public sealed record SmtpRefusal(string At, string Phase, List<string> Recipients, int Code, string Message);
