using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Workers.Infra.Tests.Checks;

// A file under check: its path from the repository root (for messages) and its text; YAML is parsed on demand
// with the tags kept (!Ref, !Sub, ...), since YamlDotNet's representation model carries a node's tag.
public sealed class CheckedFile(string path, string text)
{
    private YamlNode? _root;
    private string? _parseError;
    private bool _parsed;

    public string Path { get; } = path;

    public string Text { get; } = text;

    public static CheckedFile Read(string repositoryRoot, string path) =>
        new(path, File.ReadAllText(System.IO.Path.Combine(repositoryRoot, path)));

    // The document's root, or null when the file is not YAML (ParseError says why).
    public YamlNode? Yaml
    {
        get
        {
            Parse();
            return _root;
        }
    }

    public string? ParseError
    {
        get
        {
            Parse();
            return _parseError;
        }
    }

    public Violation Violation(string rule, string message) => new(Path, rule, message);

    private void Parse()
    {
        if (_parsed)
        {
            return;
        }

        _parsed = true;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(Text));
            _root = stream.Documents.Count == 1 ? stream.Documents[0].RootNode : null;
            _parseError = _root is null ? $"expected one YAML document, found {stream.Documents.Count}" : null;
        }
        catch (YamlException ex)
        {
            _parseError = $"not valid YAML: {ex.Message} (line {ex.Start.Line})";
        }
    }
}
