namespace Workers.Infra.Tests.Checks;

// A Dockerfile read the way the builder does: comments dropped, continuation lines joined, split into
// instructions and stages (each FROM starts one).
public static class Dockerfile
{
    public static IReadOnlyList<IReadOnlyList<DockerInstruction>> Stages(string text)
    {
        var stages = new List<List<DockerInstruction>>();
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var start = i;
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            while (line.EndsWith('\\') && i + 1 < lines.Length)
            {
                line = line[..^1] + " " + lines[++i].Trim();
            }

            var space = line.IndexOf(' ', StringComparison.Ordinal);
            var instruction = new DockerInstruction(
                (space < 0 ? line : line[..space]).ToUpperInvariant(), space < 0 ? "" : line[(space + 1)..].Trim(), start + 1);
            if (instruction.Keyword == "FROM")
            {
                stages.Add([]);
            }

            if (stages.Count > 0)
            {
                stages[^1].Add(instruction);
            }
        }

        return stages;
    }
}
