namespace Workers.Cli.Errors;

// A mistake the operator can fix, reported as one red line without a stack trace.
internal sealed class CliException : Exception
{
    private CliException(string message, int exitCode)
        : base(message) => ExitCode = exitCode;

    public int ExitCode { get; }

    // Something typed on the command line is wrong.
    public static CliException Usage(string message) => new(message, ExitCodes.Usage);

    // The environment or configuration is wrong.
    public static CliException Failure(string message) => new(message, ExitCodes.Failure);
}
