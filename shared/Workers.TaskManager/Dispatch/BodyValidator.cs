using System.Collections;
using System.ComponentModel.DataAnnotations;

namespace Workers.TaskManager.Dispatch;

// Checks a deserialized body to its last element, for every task type alike: a null where the C# type says
// non-null (collection elements and dictionary values included, which System.Text.Json lets through), the
// DataAnnotations of every nested object, and collects every StoredFile so its reference can be checked before
// any handler reads it. Paths and messages use the JSON names. Only what BodyShapes marks as worth visiting is
// visited, so a 100k-item body of plain records costs one pass over the list.
internal static class BodyValidator
{
    // Far deeper than any body type here; a deeper (recursive) body is refused rather than left half checked,
    // since an unchecked level could hide a StoredFile.
    private const int MaxDepth = 32;

    public static BodyFindings Validate(object body)
    {
        var findings = new BodyFindings();
        var slot = BodyShapes.RootOf(body.GetType());
        if (slot.NeedsWalk)
        {
            Visit(body, slot, BodyPath.Root, 0, findings);
        }

        return findings;
    }

    private static void Visit(object value, ValueSlot slot, BodyPath path, int depth, BodyFindings findings)
    {
        if (depth > MaxDepth)
        {
            findings.Error(path, $"is nested deeper than {MaxDepth} levels");
            return;
        }

        switch (slot.Kind)
        {
            case SlotKind.Object:
                // A derived type (polymorphic JSON) has its own members to check.
                var shape = value.GetType() == slot.Shape!.Type ? slot.Shape : BodyShapes.RootOf(value.GetType()).Shape ?? slot.Shape;
                VisitObject(value, shape, path, depth, findings);
                break;
            case SlotKind.Sequence:
                var i = 0;
                foreach (var item in (IEnumerable)value)
                {
                    VisitElement(item, slot, path.At(i++), depth, findings);
                    if (findings.Full)
                    {
                        return;
                    }
                }

                break;
            case SlotKind.Dictionary:
                foreach (var (key, item) in slot.Entries!(value))
                {
                    VisitElement(item, slot, path.Key(key), depth, findings);
                    if (findings.Full)
                    {
                        return;
                    }
                }

                break;
            default:
                break;
        }
    }

    private static void VisitElement(object? item, ValueSlot collection, BodyPath path, int depth, BodyFindings findings)
    {
        if (item is null)
        {
            if (collection.ElementNotNull)
            {
                findings.Error(path, "must not be null");
            }
        }
        else if (collection.Element!.NeedsWalk)
        {
            Visit(item, collection.Element, path, depth + 1, findings);
        }
    }

    private static void VisitObject(object value, BodyShape shape, BodyPath path, int depth, BodyFindings findings)
    {
        if (shape.IsStoredFile)
        {
            findings.Files.Add((path.ToString(), (StoredFile)value));
        }

        if (shape.HasRules)
        {
            CheckRules(value, shape, path, findings);
        }

        foreach (var member in shape.Visited)
        {
            if (findings.Full)
            {
                return;
            }

            var child = member.Get(value);
            if (child is null)
            {
                if (member.NotNull)
                {
                    findings.Error(path.Member(member.JsonName), "must not be null");
                }
            }
            else if (member.Slot.NeedsWalk)
            {
                Visit(child, member.Slot, path.Member(member.JsonName), depth + 1, findings);
            }
        }
    }

    private static void CheckRules(object value, BodyShape shape, BodyPath path, BodyFindings findings)
    {
        var before = findings.Errors.Count;
        var context = new ValidationContext(value);
        foreach (var member in shape.Members)
        {
            if (member.Rules.Length == 0)
            {
                continue;
            }

            // DisplayName is what the attributes' messages show: the JSON name the sender wrote.
            context.MemberName = member.ClrName;
            context.DisplayName = member.JsonName;
            var memberValue = member.Get(value);
            foreach (var rule in member.Rules)
            {
                if (rule.GetValidationResult(memberValue, context) is { } failed)
                {
                    findings.Error(path.Member(member.JsonName), failed.ErrorMessage);
                    if (rule is RequiredAttribute)
                    {
                        break;
                    }
                }
            }
        }

        context.MemberName = null;
        context.DisplayName = shape.Type.Name;
        foreach (var rule in shape.TypeRules)
        {
            if (rule.GetValidationResult(value, context) is { } failed)
            {
                findings.Error(path, failed.ErrorMessage);
            }
        }

        // As Validator.TryValidateObject: an object's own Validate runs only when its members passed.
        if (shape.Validatable && findings.Errors.Count == before)
        {
            foreach (var result in ((IValidatableObject)value).Validate(context))
            {
                var members = string.Join(",", result.MemberNames.Select(shape.JsonName));
                findings.Error(members.Length == 0 ? path : path.Member(members), result.ErrorMessage);
            }
        }
    }
}
