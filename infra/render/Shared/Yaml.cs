namespace Workers.Infra.Render.Shared;

// The few YAML spellings the templates need; everything is written as text so the CloudFormation tags stay exact.
internal static class Yaml
{
    public const string Header = "# Rendered from shared/fleet.json by `workers infra render`; edit the fleet or the generator (infra/render), not this file.";

    // A single-quoted scalar: no escapes except '' for a quote, so ${...} reaches !Sub untouched.
    public static string Quote(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    public static string Sub(string value) => "!Sub " + Quote(value);

    public static string Indent(string block, int spaces)
    {
        var pad = new string(' ', spaces);
        var lines = block.TrimEnd('\n').Split('\n').Select(l => l.Length == 0 ? l : pad + l);
        return string.Join('\n', lines);
    }
}
