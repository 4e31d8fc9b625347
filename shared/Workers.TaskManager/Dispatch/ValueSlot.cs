namespace Workers.TaskManager.Dispatch;

// One value's place in a body type: a property's value, or the elements of a collection, or a dictionary's
// values. Elements carry their own nullability (IReadOnlyList<Line> vs IReadOnlyList<Line?>), which
// System.Text.Json does not check (RespectNullableAnnotations covers properties and constructor parameters).
internal sealed class ValueSlot(SlotKind kind)
{
    public static readonly ValueSlot Leaf = new(SlotKind.Leaf);

    public SlotKind Kind { get; } = kind;

    public BodyShape? Shape { get; init; }

    public ValueSlot? Element { get; init; }

    // The element (or dictionary value) is a reference type annotated non-nullable.
    public bool ElementNotNull { get; init; }

    // A dictionary's entries with their keys as text (the key types System.Text.Json accepts all format as text).
    public Func<object, IEnumerable<KeyValuePair<string, object?>>>? Entries { get; init; }

    // Whether anything below this slot is worth visiting; see BodyShapes.
    public bool NeedsWalk => Kind switch
    {
        SlotKind.Object => Shape!.NeedsWalk,
        SlotKind.Sequence or SlotKind.Dictionary => ElementNotNull || Element!.NeedsWalk,
        _ => false,
    };
}
