namespace Workers.TaskManager.Dispatch;

// How the body walk treats a value, as System.Text.Json reads it (JsonTypeInfoKind).
internal enum SlotKind
{
    // Strings, numbers, enums, dates, JsonElement, anything with its own converter: nothing inside to check.
    Leaf,
    Object,
    Sequence,
    Dictionary,
}
