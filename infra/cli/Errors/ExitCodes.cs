namespace Workers.Cli.Errors;

// What scripts and CI can rely on.
internal static class ExitCodes
{
    public const int Success = 0;

    // The command ran and the outcome is bad (task dead-lettered, timed out), or the environment is wrong
    // (no database configured, stack not running, queue missing).
    public const int Failure = 1;

    // What was typed is wrong: unknown command or option, unknown worker or task type, invalid JSON, missing file.
    public const int Usage = 2;

    // Ctrl-C, by the shell's convention (128 + SIGINT).
    public const int Cancelled = 130;
}
