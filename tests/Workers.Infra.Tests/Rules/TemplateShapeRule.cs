using Workers.Infra.Tests.Checks;
using YamlDotNet.RepresentationModel;

namespace Workers.Infra.Tests.Rules;

// The template parses as YAML using only CloudFormation's intrinsic-function tags, has resources, and every
// resource has a Type and mapping Properties.
public sealed class TemplateShapeRule : IRule
{
    public static readonly IReadOnlySet<string> IntrinsicTags = new HashSet<string>(StringComparer.Ordinal)
    {
        "!Ref", "!GetAtt", "!Sub", "!Join", "!If", "!Equals", "!Select", "!Split", "!FindInMap", "!ImportValue",
        "!GetAZs", "!Base64", "!Not", "!And", "!Or", "!Condition", "!Cidr",
    };

    public string Name => "cfn-template";

    public bool AppliesTo(string path) => FileKinds.IsTemplate(path) || FileKinds.IsPatch(path);

    public IEnumerable<Violation> Check(CheckedFile file)
    {
        if (file.ParseError is { } error)
        {
            yield return file.Violation(Name, error);
            yield break;
        }

        foreach (var node in file.Yaml!.Descendants().Where(n => n.Tag().Length > 0 && !IntrinsicTags.Contains(n.Tag())))
        {
            yield return file.Violation(Name, $"line {node.Start.Line}: unknown tag {node.Tag()}; CloudFormation knows only its intrinsic functions.");
        }

        if (FileKinds.IsPatch(file.Path))
        {
            yield break;
        }

        if (file.Yaml.Get("Resources") is not YamlMappingNode { Children.Count: > 0 } resources)
        {
            yield return file.Violation(Name, "a template needs a non-empty Resources mapping.");
            yield break;
        }

        foreach (var (id, resource) in resources.Entries())
        {
            if (resource.Get("Type").Scalar() is not { Length: > 0 })
            {
                yield return file.Violation(Name, $"resource {id} has no Type.");
            }

            if (resource.Get("Properties") is { } properties and not YamlMappingNode)
            {
                yield return file.Violation(Name, $"resource {id}: Properties must be a mapping.");
            }
        }
    }
}
