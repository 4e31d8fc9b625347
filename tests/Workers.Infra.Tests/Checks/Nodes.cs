using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Workers.Infra.Tests.Checks;

// Small readers over YamlDotNet's node tree, so rules read like the documents they check.
public static class Nodes
{
    public static YamlNode? Get(this YamlNode? node, string key) =>
        node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    public static YamlNode? At(this YamlNode? node, params string[] path) =>
        path.Aggregate(node, (current, key) => current.Get(key));

    public static string? Scalar(this YamlNode? node) => (node as YamlScalarNode)?.Value;

    public static int? Int(this YamlNode? node) =>
        int.TryParse(node.Scalar(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    public static string Tag(this YamlNode node) => node.Tag.IsEmpty ? "" : node.Tag.Value;

    public static IEnumerable<(string Key, YamlNode Value)> Entries(this YamlNode? node) =>
        node is YamlMappingNode map
            ? map.Children.Select(pair => (((YamlScalarNode)pair.Key).Value ?? "", pair.Value))
            : [];

    public static IEnumerable<YamlNode> Items(this YamlNode? node) =>
        node is YamlSequenceNode sequence ? sequence.Children : [];

    // Every node below (and including) this one, depth first.
    public static IEnumerable<YamlNode> Descendants(this YamlNode node)
    {
        yield return node;
        var children = node switch
        {
            YamlMappingNode map => map.Children.SelectMany(pair => new[] { pair.Key, pair.Value }),
            YamlSequenceNode sequence => sequence.Children,
            _ => [],
        };
        foreach (var descendant in children.SelectMany(Descendants))
        {
            yield return descendant;
        }
    }
}
