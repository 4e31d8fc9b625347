using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Workers.TaskManager.Consuming;

namespace Workers.TaskManager.DeadLetters;

/// <summary>
/// Why the TaskManager moved a message to the dead-letter queue itself (a failure retrying cannot fix, or retries
/// spent in place): the JSON it puts in the <see cref="DeadLetterMessages.FailureAttribute"/> message attribute.
/// Messages SQS moved after maxReceiveCount carry none; their errors are in <c>taskmanager.task_errors</c> under
/// the same message id.
/// </summary>
/// <remarks>
/// The JSON is <c>{"kind","reason","sourceQueue","messageId","receiveCount","attempts","failedAt"}</c>, with
/// <c>kind</c> a <see cref="FailureKind"/> name. Write it with <see cref="ToJson"/> and read it with
/// <see cref="TryParse"/>: the wire form is the one the TaskManager has always written.
/// </remarks>
public sealed record DeadLetterNote
{
    /// <summary>What kind of failure it was.</summary>
    public required FailureKind Kind { get; init; }

    /// <summary>The reason, for operators (the handler's rejection, the validation error, the last exception...).</summary>
    public required string Reason { get; init; }

    /// <summary>The URL of the worker queue the message was moved from.</summary>
    public required string SourceQueue { get; init; }

    /// <summary>
    /// The message's id in the worker queue, under which <c>taskmanager.task_errors</c> holds the full error (the
    /// copy in the dead-letter queue has an id of its own).
    /// </summary>
    public required string MessageId { get; init; }

    /// <summary>SQS's receive count of the delivery that failed.</summary>
    public required int ReceiveCount { get; init; }

    /// <summary>
    /// Attempts made: the receive count plus the retries made in place while later messages of the group were held.
    /// Notes written before in-place retries existed have none, and read it as <see cref="ReceiveCount"/>, which
    /// it then always was.
    /// </summary>
    public int Attempts { get; init; }

    /// <summary>When the TaskManager gave up on the message.</summary>
    public required DateTimeOffset FailedAt { get; init; }

    /// <summary>The note as the attribute's JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, DeadLetterNoteJsonContext.Default.DeadLetterNote);

    /// <summary>
    /// Reads a note. False, without throwing, for anything that is not one: no attribute (null), a value that is
    /// not JSON, or JSON another producer wrote under the same attribute name (a member missing, null or of the
    /// wrong type, or an unknown <see cref="FailureKind"/>).
    /// </summary>
    public static bool TryParse(string? json, [NotNullWhen(true)] out DeadLetterNote? note)
    {
        note = null;
        if (string.IsNullOrEmpty(json))
        {
            return false;
        }

        try
        {
            note = JsonSerializer.Deserialize(json, DeadLetterNoteJsonContext.Default.DeadLetterNote);
        }
        catch (JsonException)
        {
            return false;
        }

        if (note is { Attempts: 0 })
        {
            note = note with { Attempts = note.ReceiveCount };
        }

        return note is not null;
    }
}
