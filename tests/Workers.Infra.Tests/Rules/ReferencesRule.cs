using System.Text.RegularExpressions;
using Workers.Infra.Tests.Checks;
using YamlDotNet.RepresentationModel;

namespace Workers.Infra.Tests.Rules;

// Every Ref, GetAtt, Sub variable, FindInMap and condition names something the template declares (or a pseudo
// parameter), as CloudFormation's template validation requires; GetAtt asks for an attribute the type has.
public sealed partial class ReferencesRule : TemplateRule
{
    private static readonly HashSet<string> Pseudo = new(StringComparer.Ordinal)
    {
        "AWS::AccountId", "AWS::Region", "AWS::Partition", "AWS::StackName", "AWS::StackId", "AWS::URLSuffix",
        "AWS::NoValue", "AWS::NotificationARNs",
    };

    public override string Name => "cfn-references";

    protected override IEnumerable<Violation> Check(CheckedFile file, YamlMappingNode template)
    {
        var parameters = template.Get("Parameters").Entries().Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        var resources = Resources(template).ToDictionary(r => r.Id, r => r.Type, StringComparer.Ordinal);
        var conditions = template.Get("Conditions").Entries().Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        var mappings = template.Get("Mappings");
        var context = new Names(parameters, resources, conditions, mappings);
        foreach (var node in template.Descendants())
        {
            foreach (var problem in Problems(node, context))
            {
                yield return file.Violation(Name, $"line {node.Start.Line}: {problem}");
            }
        }

        foreach (var (id, resource, _) in Resources(template))
        {
            if (resource.Get("Condition").Scalar() is { } condition && !conditions.Contains(condition))
            {
                yield return file.Violation(Name, $"resource {id} has Condition '{condition}', which Conditions does not declare.");
            }
        }
    }

    private static IEnumerable<string> Problems(YamlNode node, Names names)
    {
        switch (node.Tag())
        {
            case "!Ref":
                return Ref(node.Scalar(), names);
            case "!GetAtt":
                return GetAtt(node is YamlSequenceNode s ? string.Join('.', s.Children.Select(c => c.Scalar())) : node.Scalar(), names);
            case "!Sub":
                return Sub(node, names);
            case "!FindInMap":
                return FindInMap(node, names);
            case "!If":
                return Condition(node.Items().FirstOrDefault().Scalar(), names);
            case "!Condition":
                return Condition(node.Scalar(), names);
            default:
                return [];
        }
    }

    private static IEnumerable<string> Condition(string? name, Names names) =>
        name is not null && names.Conditions.Contains(name) ? [] : [$"condition '{name}' is not declared under Conditions."];

    private static IEnumerable<string> Ref(string? target, Names names)
    {
        if (target is null || !(names.Parameters.Contains(target) || names.Resources.ContainsKey(target) || Pseudo.Contains(target)))
        {
            yield return $"!Ref {target} names no parameter, resource or pseudo parameter.";
        }
    }

    private static IEnumerable<string> GetAtt(string? target, Names names)
    {
        var dot = target?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        if (target is null || dot < 1)
        {
            yield return $"!GetAtt {target} must be Resource.Attribute.";
            yield break;
        }

        var (resource, attribute) = (target[..dot], target[(dot + 1)..]);
        if (!names.Resources.TryGetValue(resource, out var type))
        {
            yield return $"!GetAtt {target}: no resource {resource}.";
        }
        else if (ResourceTypeRule.Types.TryGetValue(type, out var attributes) && !attributes.Contains(attribute))
        {
            yield return $"!GetAtt {target}: {type} has no attribute {attribute} (it has {string.Join(", ", attributes)}).";
        }
    }

    private static IEnumerable<string> Sub(YamlNode node, Names names)
    {
        var text = node is YamlSequenceNode s ? s.Children.FirstOrDefault().Scalar() : node.Scalar();
        var local = node is YamlSequenceNode list ? list.Children.Skip(1).FirstOrDefault().Entries().Select(e => e.Key).ToHashSet() : [];
        foreach (Match match in Variable().Matches(text ?? ""))
        {
            var name = match.Groups[1].Value;
            if (local.Contains(name))
            {
                continue;
            }

            var problems = name.Contains('.', StringComparison.Ordinal) && !Pseudo.Contains(name) ? GetAtt(name, names) : Ref(name, names);
            foreach (var problem in problems)
            {
                yield return $"!Sub variable ${{{name}}}: {problem}";
            }
        }
    }

    private static IEnumerable<string> FindInMap(YamlNode node, Names names)
    {
        var keys = node.Items().ToList();
        if (keys.Count != 3)
        {
            yield return "!FindInMap takes [MapName, TopLevelKey, SecondLevelKey].";
            yield break;
        }

        if (keys[0].Scalar() is not { } map || names.Mappings.Get(map) is not { } mapping)
        {
            yield return $"!FindInMap: Mappings has no map '{keys[0].Scalar()}'.";
        }
        else if (keys[2].Tag().Length == 0 && mapping.Entries().Any(e => e.Value.Get(keys[2].Scalar()!) is null))
        {
            yield return $"!FindInMap: not every entry of {map} has the key '{keys[2].Scalar()}'.";
        }
    }

    // ${Name} or ${Resource.Attribute}; ${!Literal} is an escaped dollar, not a variable.
    [GeneratedRegex(@"\$\{(?!!)([^}]+)\}")]
    private static partial Regex Variable();

    private sealed record Names(
        IReadOnlySet<string> Parameters,
        IReadOnlyDictionary<string, string> Resources,
        IReadOnlySet<string> Conditions,
        YamlNode? Mappings);
}
