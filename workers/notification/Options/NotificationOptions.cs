using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Workers.Notification.Options;

// Section Notification: where mail and push notifications go. Both endpoints are required: with neither set the
// worker refuses to start (ValidateOnStart), so nothing is ever sent to a default address. In AWS the values
// come from the Copilot secrets declared in shared/fleet.json; locally from `infra/local/stack.sh env`.
internal sealed class NotificationOptions
{
    public const string SectionName = "Notification";

    [Required]
    [ValidateObjectMembers]
    public SmtpOptions Smtp { get; set; } = new();

    [Required]
    [ValidateObjectMembers]
    public PushOptions Push { get; set; } = new();
}
