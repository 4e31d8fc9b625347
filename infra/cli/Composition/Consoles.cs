using Spectre.Console;

namespace Workers.Cli.Composition;

// Where a command writes: results to Out, errors and warnings to Error (stdout and stderr in a shell).
// Commands that only write results take IAnsiConsole, which is Out.
internal sealed record Consoles(IAnsiConsole Out, IAnsiConsole Error);
