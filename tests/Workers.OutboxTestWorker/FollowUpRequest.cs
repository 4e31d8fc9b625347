using System.ComponentModel.DataAnnotations;

namespace Workers.OutboxTestWorker;

// The follow-up to enqueue: its task id and the text it carries.
public sealed record FollowUpRequest([property: Required] string Text, string? FollowUpTaskId = null);
