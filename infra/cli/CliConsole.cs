using Spectre.Console;

namespace Workers.Cli;

/// <summary>The consoles the CLI writes to.</summary>
public static class CliConsole
{
    // Wide enough that an error line or a table row is never wrapped when the output goes to a file or a pipe:
    // a log line must stay one line.
    private const int PipeWidth = 1000;

    /// <summary>
    /// A console on <paramref name="writer"/>. On a terminal: colours and live progress. Anywhere else (a pipe,
    /// a file, a test's StringWriter): plain text, no escape codes, nothing redrawn, no wrapping.
    /// </summary>
    public static IAnsiConsole Create(TextWriter writer)
    {
        var output = new AnsiConsoleOutput(writer);
        if (output.IsTerminal)
        {
            return AnsiConsole.Create(new AnsiConsoleSettings { Out = output });
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = output,
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = PipeWidth;
        return console;
    }
}
