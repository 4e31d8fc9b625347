using Microsoft.Extensions.Options;

namespace Workers.Notification.Options;

// Checks the DataAnnotations on NotificationOptions and its sections (generated at compile time), every error at once.
[OptionsValidator]
internal sealed partial class NotificationOptionsValidator : IValidateOptions<NotificationOptions>;
