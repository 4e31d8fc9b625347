using System.Globalization;
using System.Text;
using Workers.TaskManager.References;

namespace Workers.TaskManager.Dispatch;

// Where a value sits in a body, by the JSON names it was written with: items[3].sku. Built as a chain of small
// nodes and turned into text only when something is reported, so walking a 100k-item body builds no strings.
internal sealed class BodyPath
{
    // Dictionary keys are the sender's text: echoed bounded and without control characters.
    private const int MaxKeyLength = 32;

    private readonly BodyPath? _parent;
    private readonly string? _name;
    private readonly int _index;

    private BodyPath(BodyPath? parent, string? name, int index)
    {
        _parent = parent;
        _name = name;
        _index = index;
    }

    public static BodyPath Root { get; } = new(null, null, -1);

    public bool IsRoot => _parent is null;

    public BodyPath Member(string jsonName) => new(this, jsonName, -1);

    public BodyPath At(int index) => new(this, null, index);

    public BodyPath Key(string key) => new(this, Quote(key), -1);

    public override string ToString()
    {
        if (IsRoot)
        {
            return "";
        }

        var builder = new StringBuilder();
        Append(builder);
        return builder.ToString();
    }

    private void Append(StringBuilder builder)
    {
        if (_parent is null)
        {
            return;
        }

        _parent.Append(builder);
        if (_name is null)
        {
            builder.Append('[').Append(_index.ToString(CultureInfo.InvariantCulture)).Append(']');
        }
        else if (_name.StartsWith('['))
        {
            builder.Append(_name);
        }
        else
        {
            builder.Append(_parent.IsRoot ? "" : ".").Append(_name);
        }
    }

    private static string Quote(string key)
    {
        var builder = new StringBuilder("['");
        foreach (var c in key.AsSpan(0, Math.Min(key.Length, MaxKeyLength)))
        {
            builder.Append(KeyRules.IsHidden(c) ? '?' : c);
        }

        return builder.Append(key.Length > MaxKeyLength ? "…']" : "']").ToString();
    }
}
