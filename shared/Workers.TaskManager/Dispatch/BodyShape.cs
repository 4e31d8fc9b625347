using System.ComponentModel.DataAnnotations;

namespace Workers.TaskManager.Dispatch;

// What the body walk needs to know about one object type; built once per type (BodyShapes) and cached.
internal sealed class BodyShape(Type type)
{
    public Type Type { get; } = type;

    public BodyMember[] Members { get; set; } = [];

    // Class-level DataAnnotations and IValidatableObject.
    public ValidationAttribute[] TypeRules { get; set; } = [];

    public bool Validatable { get; set; }

    public bool IsStoredFile => Type == typeof(StoredFile);

    // Members to check or descend into on every visit; the rest are skipped.
    public BodyMember[] Visited { get; set; } = [];

    public bool HasRules { get; set; }

    // Whether a value of this type has anything to check below it: rules, a reference, a null to catch.
    // Computed over the whole type graph at once (a type may contain itself).
    public bool NeedsWalk { get; set; }

    public string JsonName(string clrName) =>
        Array.Find(Members, m => m.ClrName == clrName)?.JsonName ?? clrName;
}
