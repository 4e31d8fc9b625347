using System.ComponentModel.DataAnnotations;

namespace Workers.Notification.Email;

// One mail: its recipient, subject, plain text and optional HTML alternative; optionally its own sender and
// reply-to address (the worker's Notification:Smtp:From otherwise). 320 characters is the longest address
// RFC 5321 allows (64 local part + @ + 255 domain).
internal sealed record EmailItem(
    [property: Required, EmailAddress, MaxLength(320)] string To,
    [property: Required, MaxLength(998)] string Subject,
    [property: Required, MaxLength(EmailItem.MaxBodyChars)] string Text,
    [property: MaxLength(EmailItem.MaxBodyChars)] string? Html = null,
    [property: MaxLength(320)] string? From = null,
    [property: EmailAddress, MaxLength(320)] string? ReplyTo = null)
{
    // Far below SES's 10 MB message limit, with room for the HTML alternative and the encoding's growth.
    public const int MaxBodyChars = 1_000_000;
}
