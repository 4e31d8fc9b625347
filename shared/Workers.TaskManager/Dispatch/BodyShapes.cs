using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text.Json.Serialization.Metadata;

namespace Workers.TaskManager.Dispatch;

// Builds and caches, per body type, what the walk in BodyValidator visits. The metadata comes from the same
// System.Text.Json contract the body was read with (TaskJson.Options), so names are the JSON (camelCase) names
// and the members are exactly those the JSON could set; nullability comes from the C# annotations
// (NullabilityInfoContext), including collection elements and dictionary values. A type with nothing to check
// below it (no rules, no StoredFile, no non-nullable element or member) is never walked.
internal static class BodyShapes
{
    private static readonly ConcurrentDictionary<Type, ValueSlot> Roots = new();
    private static readonly ConcurrentDictionary<Type, BodyShape> Shapes = new();
    private static readonly Lock Gate = new();

    private static readonly MethodInfo EntriesMethod =
        typeof(BodyShapes).GetMethod(nameof(Entries), BindingFlags.NonPublic | BindingFlags.Static)!;

    public static ValueSlot RootOf(Type type) => Roots.TryGetValue(type, out var slot) ? slot : Build(type);

    // Built under one lock: a type graph may be cyclic, and shapes are published only once complete.
    private static ValueSlot Build(Type type)
    {
        lock (Gate)
        {
            if (Roots.TryGetValue(type, out var existing))
            {
                return existing;
            }

            var building = new Dictionary<Type, BodyShape>();
            var slot = Slot(type, null, building, new NullabilityInfoContext());
            Complete(building.Values);
            foreach (var shape in building.Values)
            {
                Shapes.TryAdd(shape.Type, shape);
            }

            Roots[type] = slot;
            return slot;
        }
    }

    private static ValueSlot Slot(Type type, NullabilityInfo? nullability, Dictionary<Type, BodyShape> building, NullabilityInfoContext context)
    {
        JsonTypeInfo info;
        try
        {
            info = TaskJson.Options.GetTypeInfo(type);
        }
        catch (NotSupportedException)
        {
            return ValueSlot.Leaf;
        }

        switch (info.Kind)
        {
            case JsonTypeInfoKind.Object:
                return new ValueSlot(SlotKind.Object) { Shape = Shape(type, building, context) };
            case JsonTypeInfoKind.Enumerable or JsonTypeInfoKind.Dictionary:
                var element = info.ElementType!;
                var elementNullability = ElementNullability(type, nullability, element);
                return new ValueSlot(info.Kind == JsonTypeInfoKind.Enumerable ? SlotKind.Sequence : SlotKind.Dictionary)
                {
                    Element = Slot(element, elementNullability, building, context),
                    ElementNotNull = NotNull(element, elementNullability),
                    Entries = info.Kind == JsonTypeInfoKind.Dictionary
                        ? EntriesMethod.MakeGenericMethod(info.KeyType!, element).CreateDelegate<Func<object, IEnumerable<KeyValuePair<string, object?>>>>()
                        : null,
                };
            default:
                return ValueSlot.Leaf;
        }
    }

    private static BodyShape Shape(Type type, Dictionary<Type, BodyShape> building, NullabilityInfoContext context)
    {
        if (Shapes.TryGetValue(type, out var done))
        {
            return done;
        }

        if (building.TryGetValue(type, out var underway))
        {
            return underway;
        }

        var shape = new BodyShape(type);
        building[type] = shape;
        shape.Members = [.. TaskJson.Options.GetTypeInfo(type).Properties
            .Where(p => p.Get is not null)
            .Select(p => Member(p, building, context))];
        shape.TypeRules = [.. type.GetCustomAttributes<ValidationAttribute>(inherit: true)];
        shape.Validatable = typeof(IValidatableObject).IsAssignableFrom(type);
        return shape;
    }

    private static BodyMember Member(JsonPropertyInfo property, Dictionary<Type, BodyShape> building, NullabilityInfoContext context)
    {
        var member = property.AttributeProvider as MemberInfo;
        var nullability = member switch
        {
            PropertyInfo p => context.Create(p),
            FieldInfo f => context.Create(f),
            _ => null,
        };

        // Required first: when it fails, the other rules have nothing to say (as Validator.TryValidateValue).
        var rules = member?.GetCustomAttributes<ValidationAttribute>(inherit: true)
            .OrderBy(a => a is RequiredAttribute ? 0 : 1)
            .ToArray() ?? [];
        return new BodyMember(
            property.Name,
            member?.Name ?? property.Name,
            property.Get!,
            NotNull(property.PropertyType, nullability),
            rules,
            Slot(property.PropertyType, nullability, building, context));
    }

    // What needs walking depends on what is below, and a type can be below itself: start from each shape's own
    // reasons and spread upwards until nothing changes.
    private static void Complete(IReadOnlyCollection<BodyShape> shapes)
    {
        foreach (var shape in shapes)
        {
            shape.HasRules = shape.Validatable || shape.TypeRules.Length > 0 || shape.Members.Any(m => m.Rules.Length > 0);
            shape.NeedsWalk = shape.IsStoredFile || shape.HasRules || shape.Members.Any(m => m.NotNull);
        }

        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var shape in shapes.Where(s => !s.NeedsWalk && s.Members.Any(m => m.Slot.NeedsWalk)))
            {
                shape.NeedsWalk = true;
                changed = true;
            }
        }

        foreach (var shape in shapes)
        {
            shape.Visited = [.. shape.Members.Where(m => m.NotNull || m.Slot.NeedsWalk)];
        }
    }

    // The annotation of a collection's element: an array's element type, else the collection's last generic
    // argument when that is the element (List<T>, IReadOnlyList<T>, Dictionary<K, V>'s V). Unknown otherwise.
    private static NullabilityInfo? ElementNullability(Type collection, NullabilityInfo? nullability, Type element)
    {
        if (nullability is null)
        {
            return null;
        }

        if (collection.IsArray)
        {
            return nullability.ElementType;
        }

        var arguments = nullability.GenericTypeArguments;
        return arguments.Length > 0 && arguments[^1].Type == element ? arguments[^1] : null;
    }

    private static bool NotNull(Type type, NullabilityInfo? nullability) =>
        !type.IsValueType && nullability?.ReadState == NullabilityState.NotNull;

    private static IEnumerable<KeyValuePair<string, object?>> Entries<TKey, TValue>(object dictionary)
    {
        foreach (var (key, value) in (IEnumerable<KeyValuePair<TKey, TValue>>)dictionary)
        {
            yield return new(Convert.ToString(key, CultureInfo.InvariantCulture) ?? "", value);
        }
    }
}
