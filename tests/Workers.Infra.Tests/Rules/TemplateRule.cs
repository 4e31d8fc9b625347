using Workers.Infra.Tests.Checks;
using YamlDotNet.RepresentationModel;

namespace Workers.Infra.Tests.Rules;

// Base of the CloudFormation rules: runs only on templates that parsed (TemplateShapeRule reports the others).
public abstract class TemplateRule : IRule
{
    public abstract string Name { get; }

    public bool AppliesTo(string path) => FileKinds.IsTemplate(path);

    public IEnumerable<Violation> Check(CheckedFile file) =>
        file.Yaml is YamlMappingNode root && root.Get("Resources") is YamlMappingNode
            ? Check(file, root)
            : [];

    protected abstract IEnumerable<Violation> Check(CheckedFile file, YamlMappingNode template);

    protected static IEnumerable<(string Id, YamlNode Resource, string Type)> Resources(YamlMappingNode template) =>
        template.Get("Resources").Entries().Select(e => (e.Key, e.Value, e.Value.Get("Type").Scalar() ?? ""));
}
