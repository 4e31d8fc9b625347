namespace Workers.ExternalEc.ImportOrder;

// The notification worker's sendEmail body: {"items":[{"to":"…","subject":"…","text":"…"}]}, one recipient per item.
internal sealed record SendEmailBody(IReadOnlyList<EmailItem> Items);

internal sealed record EmailItem(string To, string Subject, string Text);
