using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Workers.Notification.Data;

namespace Workers.Notification.Push;

// One notification, in the shape of an Expo push message (it is sent as it is): the device's token, what the
// notification shows, and optional data for the app. Expo's limit is 4 KiB for the whole message.
internal sealed record PushItem(
    [property: Required, MaxLength(NotificationDbContext.TokenLength)] string To,
    [property: MaxLength(1000), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Title = null,
    [property: MaxLength(4000), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Body = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string>? Data = null,
    [property: MaxLength(100), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Sound = null,
    [property: MaxLength(100), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ChannelId = null);
