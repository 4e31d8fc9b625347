using System.CommandLine;

namespace Workers.Cli.Commands;

// Options every command accepts, anywhere on the line (Recursive). One instance per root command: a symbol
// records its parents, so instances are not shared between parsers (tests run several at once).
internal sealed class GlobalOptions
{
    public Option<string?> Environment { get; } = new("--env")
    {
        Description = "The fleet environment whose queues and bucket to use (overrides Fleet__Environment), e.g. local, staging.",
        HelpName = "name",
        Recursive = true,
    };

    public Option<bool> Verbose { get; } = new("--verbose")
    {
        Description = "Show stack traces: of the CLI's own errors, and of a task's recorded errors.",
        Recursive = true,
    };
}
