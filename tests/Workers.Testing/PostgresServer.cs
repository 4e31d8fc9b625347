using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Workers.Testing;

/// <summary>
/// A PostgreSQL server of one test's own, which the test may stop and start again (an outage) without touching
/// the shared stack's. Uses the binaries the local stack installed; runs as the <c>postgres</c> user (the server
/// refuses root) on a free port, with its data under the stack's state folder.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _root;
    private readonly int _port;

    private PostgresServer(string bin, string root, int port)
    {
        _bin = bin;
        _root = root;
        _port = port;
        AdminConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres";
    }

    /// <summary>A connection string to the server's maintenance database.</summary>
    public string AdminConnectionString { get; }

    private string Data => Path.Combine(_root, "data");

    /// <summary>Creates the cluster and starts it.</summary>
    public static async Task<PostgresServer> StartAsync()
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql")
            .Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
            .OrderBy(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var major) ? major : 0)
            .LastOrDefault() ?? throw new InvalidOperationException("No PostgreSQL under /usr/lib/postgresql: the local stack installs it (infra/local/stack.sh start).");

        // Under the stack's state folder: the postgres user must be able to reach it (not /tmp's private copies,
        // not a mode-700 home).
        var stateDirectory = Environment.GetEnvironmentVariable("WORKERS_STACK_DIR") is { Length: > 0 } state ? state : "/var/tmp/workers-stack";
        var root = Path.Combine(stateDirectory, "private-pg", Guid.NewGuid().ToString("N")[..12]);
        await RunAsync("install", "-d", "-o", "postgres", "-g", "postgres", "-m", "0755", root);
        var server = new PostgresServer(bin, root, FreePort());
        await server.AsPostgresAsync("initdb", "-D", server.Data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale");
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>Starts the stopped server, waiting until it accepts connections.</summary>
    public Task StartAgainAsync() =>
        AsPostgresAsync(
            "pg_ctl", "-D", Data, "-l", Path.Combine(_root, "postgres.log"), "-w", "-t", "60",
            "-o", $"-p {_port} -k {_root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
            "start");

    /// <summary>Stops the server the way an operator or a failover does: sessions are ended, new ones refused.</summary>
    public async Task StopAsync()
    {
        await AsPostgresAsync("pg_ctl", "-D", Data, "-m", "fast", "-w", "-t", "60", "stop");
        NpgsqlConnection.ClearAllPools();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            await AsPostgresAsync("pg_ctl", "-D", Data, "-m", "immediate", "-w", "stop");
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }

        Directory.Delete(_root, recursive: true);
    }

    private Task AsPostgresAsync(string tool, params string[] args) =>
        RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, tool), .. args]);

    private static async Task RunAsync(string file, params string[] args)
    {
        // From "/": the postgres user may not be able to enter the test's working directory.
        var start = new ProcessStartInfo(file, args) { WorkingDirectory = "/", RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}):\n{await output}\n{await error}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
