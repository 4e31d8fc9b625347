using System.ComponentModel.DataAnnotations;

namespace Workers.TaskManager.Dispatch;

// A property of a body type as the walk sees it: its JSON name, a compiled getter, whether its type says
// non-null, its DataAnnotations (RequiredAttribute first) and what its value holds.
internal sealed record BodyMember(
    string JsonName,
    string ClrName,
    Func<object, object?> Get,
    bool NotNull,
    ValidationAttribute[] Rules,
    ValueSlot Slot);
