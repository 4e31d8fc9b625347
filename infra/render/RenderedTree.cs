namespace Workers.Infra.Render;

/// <summary>Compares the rendered files with the repository, and writes them.</summary>
public static class RenderedTree
{
    /// <summary>
    /// One sentence per file that differs: changed, missing, or present in an owned folder although nothing
    /// renders it (such as the files of a worker no longer declared). Empty when the repository is current.
    /// </summary>
    public static IReadOnlyList<string> Differences(string repositoryRoot, IReadOnlyList<RenderedFile> rendered)
    {
        ArgumentNullException.ThrowIfNull(rendered);
        var differences = new List<string>();
        foreach (var file in rendered)
        {
            var path = Path.Combine(repositoryRoot, file.Path);
            if (!File.Exists(path))
            {
                differences.Add($"{file.Path}: missing; run `{FleetRenderer.Command}` and commit the result.");
            }
            else if (File.ReadAllText(path).ReplaceLineEndings("\n") != file.Content)
            {
                differences.Add($"{file.Path}: differs from what shared/fleet.json renders; run `{FleetRenderer.Command}` (edit the fleet or infra/render, not the file).");
            }
        }

        var expected = rendered.Select(f => f.Path).Concat(FleetRenderer.HandWritten).ToHashSet(StringComparer.Ordinal);
        foreach (var stray in Owned(repositoryRoot).Where(p => !expected.Contains(p)))
        {
            differences.Add($"{stray}: not rendered from shared/fleet.json (a worker that is not declared?); declare it or delete the file (`{FleetRenderer.Command}` deletes it).");
        }

        return differences;
    }

    /// <summary>Writes every rendered file and deletes files in the owned folders that nothing renders.</summary>
    public static IReadOnlyList<string> Write(string repositoryRoot, IReadOnlyList<RenderedFile> rendered)
    {
        ArgumentNullException.ThrowIfNull(rendered);
        var changed = new List<string>();
        var keep = rendered.Select(f => f.Path).Concat(FleetRenderer.HandWritten).ToHashSet(StringComparer.Ordinal);
        foreach (var stray in Owned(repositoryRoot).Where(p => !keep.Contains(p)))
        {
            File.Delete(Path.Combine(repositoryRoot, stray));
            changed.Add($"deleted {stray}");
        }

        foreach (var file in rendered)
        {
            var path = Path.Combine(repositoryRoot, file.Path);
            if (File.Exists(path) && File.ReadAllText(path) == file.Content)
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file.Content);
            if (file.Path.EndsWith(".sh", StringComparison.Ordinal) && !OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
            }

            changed.Add($"wrote {file.Path}");
        }

        return changed;
    }

    private static IEnumerable<string> Owned(string repositoryRoot) =>
        FleetRenderer.OwnedFolders
            .Select(folder => Path.Combine(repositoryRoot, folder))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            .Select(path => Path.GetRelativePath(repositoryRoot, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
}
