using Spectre.Console;

namespace Workers.Cli.Output;

// Label/value listings. Values are plain text, never markup: task errors and SQS names may contain brackets.
internal static class Grids
{
    public static Grid LabelValue() => new Grid().AddColumn(new GridColumn().NoWrap().PadRight(2)).AddColumn();

    public static Grid AddText(this Grid grid, string label, string value) => grid.AddRow(new Text(label), new Text(value));
}
