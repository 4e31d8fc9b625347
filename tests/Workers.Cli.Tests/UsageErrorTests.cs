using System.Net;
using System.Net.Sockets;
using Workers.Cli.Tests.Infrastructure;

namespace Workers.Cli.Tests;

// Mistakes an operator makes: each is one red line on stderr, no stack trace, and the documented exit code.
// None of these needs the local stack: they fail before any call, or because nothing answers.
public sealed class UsageErrorTests
{
    private static readonly Dictionary<string, string?> NoStack = new()
    {
        ["ConnectionStrings:Workers"] = "",
        ["Fleet:Environment"] = "local",
        ["AWS_ENDPOINT_URL"] = $"http://127.0.0.1:{ClosedPort()}",
        ["AWS_ACCESS_KEY_ID"] = "test",
        ["AWS_SECRET_ACCESS_KEY"] = "test",
        ["AWS_REGION"] = "us-east-1",
    };

    [Fact]
    public async Task Unknown_worker_is_one_line_listing_the_declared_workers()
    {
        var run = await WorkersCli.RunAsync(NoStack, "enqueue", "nope", "updateStock");

        AssertOneLine(run, exitCode: 2, $"unknown worker 'nope'; the fleet declares: {string.Join(", ", Workers.Fleet.FleetDeclaration.Current.Workers.Keys.Order(StringComparer.Ordinal))}.");
    }

    [Fact]
    public async Task Unknown_task_type_is_one_line_listing_the_worker_s_task_types()
    {
        var run = await WorkersCli.RunAsync(NoStack, "enqueue", "product", "restock");

        AssertOneLine(run, exitCode: 2, "unknown task type 'restock' for worker 'product'; it handles: csvStock, stockProduct, updateStock.");
    }

    [Fact]
    public async Task Invalid_json_body_is_one_line_giving_the_position_of_the_error()
    {
        var run = await WorkersCli.RunAsync(NoStack, "enqueue", "product", "updateStock", "--body", "{\"items\": [1, 2,, 3]}");

        AssertOneLine(run, exitCode: 2, "--body is not valid JSON at line 1, column 17:");
    }

    [Fact]
    public async Task A_body_that_is_not_an_object_is_one_line()
    {
        var run = await WorkersCli.RunAsync(NoStack, "enqueue", "product", "updateStock", "--body", "[1, 2]");

        AssertOneLine(run, exitCode: 2, "--body must be a JSON object ({...}), not array.");
    }

    [Fact]
    public async Task Missing_file_is_one_line()
    {
        var path = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.csv");

        var run = await WorkersCli.RunAsync(NoStack, "enqueue", "product", "csvStock", "--file", path);

        AssertOneLine(run, exitCode: 2, $"--file {path} does not exist.");
    }

    [Fact]
    public async Task Unknown_command_is_one_line_pointing_at_help()
    {
        var run = await WorkersCli.RunAsync(NoStack, "queue");

        AssertOneLine(run, exitCode: 2, "Unrecognized command or argument 'queue'. See 'workers --help'.");
    }

    [Fact]
    public async Task Bad_timeout_is_one_line()
    {
        var run = await WorkersCli.RunAsync(NoStack, "enqueue", "product", "updateStock", "--wait", "--timeout", "soon");

        AssertOneLine(run, exitCode: 2, "'soon' is not a duration");
    }

    [Fact]
    public async Task No_database_configured_is_one_line_naming_the_setting()
    {
        var run = await WorkersCli.RunAsync(NoStack, "task", "some-task");

        AssertOneLine(run, exitCode: 1, "No database is configured: set ConnectionStrings__Workers");
    }

    [Fact]
    public async Task Database_not_running_is_one_line_about_the_stack()
    {
        var settings = new Dictionary<string, string?>(NoStack) { ["ConnectionStrings:Workers"] = $"Host=127.0.0.1;Port={ClosedPort()};Username=postgres" };

        var run = await WorkersCli.RunAsync(settings, "task", "some-task");

        AssertOneLine(run, exitCode: 1, "cannot reach PostgreSQL");
        Assert.Contains("workers stack start", run.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sqs_not_running_is_one_line_about_the_stack()
    {
        var run = await WorkersCli.RunAsync(NoStack, "enqueue", "product", "updateStock");

        AssertOneLine(run, exitCode: 1, "cannot reach the AWS endpoint");
        Assert.Contains("workers stack start", run.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verbose_adds_the_exception_after_the_error_line()
    {
        var settings = new Dictionary<string, string?>(NoStack) { ["ConnectionStrings:Workers"] = $"Host=127.0.0.1;Port={ClosedPort()};Username=postgres" };

        var run = await WorkersCli.RunAsync(settings, "task", "some-task", "--verbose");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("error: cannot reach PostgreSQL", run.ErrorLines[0], StringComparison.Ordinal);
        Assert.Contains(run.ErrorLines, line => line.Contains("Npgsql.NpgsqlException", StringComparison.Ordinal));
        Assert.Contains(run.ErrorLines, line => line.StartsWith("at Npgsql.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Workers_alone_prints_the_commands_and_exits_2()
    {
        var run = await WorkersCli.RunAsync(NoStack);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("enqueue <worker> <task-type>", run.Output, StringComparison.Ordinal);
        Assert.Equal("", run.Errors);
    }

    [Fact]
    public async Task Help_lists_the_commands_and_exits_0()
    {
        var run = await WorkersCli.RunAsync(NoStack, "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.All(["stack", "enqueue <worker> <task-type>", "queues", "task <id>", "--env <name>"], expected => Assert.Contains(expected, run.Output, StringComparison.Ordinal));
    }

    // One line on stderr (so no stack trace, and no "run with --verbose" hint), nothing on stdout.
    private static void AssertOneLine(CliRun run, int exitCode, string expected)
    {
        Assert.Equal(exitCode, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
    }

    // A port nothing listens on: connections to it are refused at once.
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
