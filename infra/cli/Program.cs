using Workers.Cli;

// The first Ctrl-C cancels the running command (which then says where things stand); a second one ends the process.
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = !stop.IsCancellationRequested;
    stop.Cancel();
};

return await CliApplication.RunAsync(
    args,
    CliConsole.Create(Console.Out),
    CliConsole.Create(Console.Error),
    new Dictionary<string, string?>(),
    stop.Token);
