namespace Workers.Build.Pool;

// Says how a build server ended in words an operator can act on. .NET on Linux reports a process ended by
// signal n as exit code 128 + n, the shell's convention, so 137 is SIGKILL (the OOM killer, kill -9) and 134
// SIGABRT (V8 out of heap). A process may also exit with such a code itself, so the signal is worded as likely.
internal static class ExitCodes
{
    public static string Describe(int? exitCode) => exitCode switch
    {
        null => "an unknown exit code",
        > 128 and < 128 + 65 and var code => $"exit code {code} (signal {code - 128}{SignalName(code - 128)}, most likely)",
        var code => $"exit code {code}",
    };

    private static string SignalName(int signal) => signal switch
    {
        4 => ", SIGILL",
        6 => ", SIGABRT",
        7 => ", SIGBUS",
        8 => ", SIGFPE",
        9 => ", SIGKILL",
        11 => ", SIGSEGV",
        15 => ", SIGTERM",
        _ => "",
    };
}
