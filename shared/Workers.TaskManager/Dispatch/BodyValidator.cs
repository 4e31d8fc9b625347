using System.Collections;
using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;

namespace Workers.TaskManager.Dispatch;

// DataAnnotations validation that descends into nested objects and lists (Validator.TryValidateObject checks
// one level only). Types without any validation attribute anywhere below them are skipped, so a 100k-item body
// of plain records costs nothing.
internal static class BodyValidator
{
    private const int MaxErrors = 20;
    private const int MaxDepth = 8;
    private static readonly ConcurrentDictionary<Type, TypeShape> Shapes = new();

    public static List<string> Validate(object body)
    {
        var errors = new List<string>();
        Visit(body, "", errors, 0);
        return errors;
    }

    private static void Visit(object value, string path, List<string> errors, int depth)
    {
        var shape = ShapeOf(value.GetType());
        if (!shape.NeedsValidation || depth > MaxDepth || errors.Count >= MaxErrors)
        {
            return;
        }

        var results = new List<ValidationResult>();
        Validator.TryValidateObject(value, new ValidationContext(value), results, validateAllProperties: true);
        foreach (var result in results)
        {
            var members = string.Join(",", result.MemberNames);
            errors.Add($"{path}{members}: {result.ErrorMessage}");
        }

        foreach (var property in shape.Nested)
        {
            switch (property.GetValue(value))
            {
                case null or string:
                    break;
                case IEnumerable items:
                    var i = 0;
                    foreach (var item in items)
                    {
                        if (item is not null && errors.Count < MaxErrors)
                        {
                            Visit(item, $"{path}{property.Name}[{i}].", errors, depth + 1);
                        }

                        i++;
                    }

                    break;
                case var child:
                    Visit(child, $"{path}{property.Name}.", errors, depth + 1);
                    break;
            }
        }
    }

    private static TypeShape ShapeOf(Type type) => Shapes.GetOrAdd(type, static t => Build(t, []));

    private static TypeShape Build(Type type, HashSet<Type> visiting)
    {
        if (IsLeaf(type) || !visiting.Add(type))
        {
            return TypeShape.None;
        }

        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
            .ToArray();
        var ownRules = typeof(IValidatableObject).IsAssignableFrom(type)
            || properties.Any(p => p.IsDefined(typeof(ValidationAttribute), inherit: true));
        var nested = properties.Where(p => !IsLeaf(ElementType(p.PropertyType))
                && Build(ElementType(p.PropertyType), visiting).NeedsValidation)
            .ToArray();
        return new TypeShape(ownRules || nested.Length > 0, nested);
    }

    private static Type ElementType(Type type) =>
        type.IsArray ? type.GetElementType()!
        : type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type) ? type.GetGenericArguments()[^1]
        : type;

    private static bool IsLeaf(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal)
        || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(Guid) || type == typeof(TimeSpan)
        || Nullable.GetUnderlyingType(type) is not null;

    private sealed record TypeShape(bool NeedsValidation, PropertyInfo[] Nested)
    {
        public static readonly TypeShape None = new(false, []);
    }
}
