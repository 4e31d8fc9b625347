namespace Workers.Notification.Push;

// Expo's answer to a send: one ticket per message, in order; or errors for the whole request.
internal sealed record PushSendResponse(IReadOnlyList<PushTicket>? Data, IReadOnlyList<PushError>? Errors);

// Expo's answer to getReceipts: a receipt per id it has (a ticket's shape without the id).
internal sealed record PushReceiptsResponse(IReadOnlyDictionary<string, PushTicket>? Data, IReadOnlyList<PushError>? Errors);

internal sealed record PushTicket(string Status, string? Id, string? Message, PushTicketDetails? Details)
{
    public const string DeviceNotRegistered = "DeviceNotRegistered";

    public bool IsOk => Status == "ok";

    public bool IsDeviceNotRegistered => Details?.Error == DeviceNotRegistered;

    public string Describe() => $"{Details?.Error ?? Status}: {Message}";
}

internal sealed record PushTicketDetails(string? Error);

internal sealed record PushError(string? Code, string? Message);
