// Each in-process API runs the Program's Serilog bootstrap (a process-wide static logger); two starting at
// once would reconfigure the same one. The classes also share the machine's 2 cores with other suites.
[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.None)]
