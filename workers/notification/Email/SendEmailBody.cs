using System.ComponentModel.DataAnnotations;

namespace Workers.Notification.Email;

// {"items":[{"to":"customer@example.com","subject":"…","text":"…","html":"…"}]}: one mail per item, one recipient
// each, so a refusal of one address rejects only its item. A contract: the external-ec worker sends these
// through its outbox.
internal sealed record SendEmailBody([property: Required, Length(1, SendEmailBody.MaxItems)] IReadOnlyList<EmailItem> Items)
{
    public const int MaxItems = 10_000;
}
