using System.CommandLine;
using Spectre.Console;
using Workers.Cli.Errors;

namespace Workers.Cli.Commands;

// System.CommandLine would print every parse error and the whole help text; an operator needs the one thing
// that is wrong and where to read more.
internal static class ParseErrors
{
    public static int Report(ParseResult parse, IAnsiConsole errors)
    {
        // "workers queue" yields both "Required command was not provided." and "Unrecognized command or argument
        // 'queue'."; the second says what is wrong, so errors about a typed token come first.
        var error = parse.Errors
            .OrderBy(e => e.Message.StartsWith("Required command", StringComparison.Ordinal) ? 1 : 0)
            .First();
        var path = string.Join(' ', CommandPath(parse.CommandResult.Command));
        errors.MarkupLineInterpolated($"[red]error: {error.Message} See '{path} --help'.[/]");
        return ExitCodes.Usage;
    }

    private static IEnumerable<string> CommandPath(Command command)
    {
        var names = new Stack<string>();
        for (Symbol? symbol = command; symbol is not null; symbol = symbol.Parents.OfType<Command>().FirstOrDefault())
        {
            names.Push(symbol is RootCommand ? "workers" : symbol.Name);
        }

        return names;
    }
}
