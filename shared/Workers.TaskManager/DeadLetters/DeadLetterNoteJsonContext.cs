using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workers.TaskManager.DeadLetters;

// Web defaults give the camelCase names the note has always had; kinds are written by name (as FailureKind's
// ToString, the form task_errors.kind uses too), not camelCased like task bodies' enums. Reading is strict about
// what a note must carry (required members, non-null strings), so another producer's JSON is not mistaken for one.
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    UseStringEnumConverter = true,
    RespectNullableAnnotations = true)]
[JsonSerializable(typeof(DeadLetterNote))]
internal sealed partial class DeadLetterNoteJsonContext : JsonSerializerContext;
