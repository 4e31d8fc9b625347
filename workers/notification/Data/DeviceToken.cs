namespace Workers.Notification.Data;

// A device's push token (Expo's ExponentPushToken[…]) of a staff member or customer. Registered by the apps
// through the POS; the worker deactivates one when the push service says the device is no longer registered,
// and rejects items addressed to an inactive token without sending them.
internal sealed class DeviceToken
{
    public long Id { get; set; }

    public required string Token { get; set; }

    // Whose device: "staff:<code>" or "customer:<id>", as the POS registered it.
    public string? Owner { get; set; }

    public bool Active { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? DeactivatedAt { get; set; }

    // The push service's answer that deactivated it (DeviceNotRegistered and its message).
    public string? DeactivationReason { get; set; }
}
