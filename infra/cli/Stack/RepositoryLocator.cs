using Workers.Cli.Errors;

namespace Workers.Cli.Stack;

// Finds the repository (the folder holding Workers.sln): above the current directory, where an operator
// usually runs the CLI, else above the executable, which covers `dotnet run` and a build output used from elsewhere.
internal static class RepositoryLocator
{
    private const string Marker = "Workers.sln";

    public static string Find()
    {
        string[] starts = [Directory.GetCurrentDirectory(), AppContext.BaseDirectory];
        foreach (var start in starts)
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, Marker)))
                {
                    return directory.FullName;
                }
            }
        }

        throw CliException.Failure($"cannot find the repository ({Marker}) above {starts[0]} or {starts[1]}: run workers from inside a clone.");
    }
}
