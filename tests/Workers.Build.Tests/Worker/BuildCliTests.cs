using Workers.Build.Tests.Infrastructure;
using Workers.Cli;

namespace Workers.Build.Tests.Worker;

// `workers enqueue build … --wait` and `workers build <id>` against the worker (with the fake build server),
// run in-process through the CLI's real entry point.
public sealed class BuildCliTests : BuildWorkerTest
{
    [Fact]
    public async Task Enqueue_build_with_wait_prints_the_build_id_status_duration_and_bundle_and_build_fetches_it()
    {
        StartWorker();
        var source = Path.Combine(TempDirectory, "App.jsx");
        await File.WriteAllTextAsync(source, "a component", Cancellation);

        var (exitCode, output) = await RunCliAsync("enqueue", "build", source, "--build-id", "cli-build-1", "--wait", "--timeout", "2m");

        Assert.Equal(0, exitCode);
        Assert.Contains("build id   cli-build-1", output, StringComparison.Ordinal);
        Assert.Matches(@"status\s+succeeded", output);
        // The whole build's time is whatever this machine's load makes it: "180 ms" or "2.4 s" (Formats.Duration).
        Assert.Matches(@"duration\s+(\d+ ms|\d+\.\d s) \(bundler 1\.5 ms on build server \d+\)", output);
        Assert.Matches(@"bundle\s+s3://workers-local-artifacts/bundles/[0-9a-f]{64}\.js", output);

        var bundle = Path.Combine(TempDirectory, "out", "bundle.js");
        var (fetchExit, fetched) = await RunCliAsync("build", "cli-build-1", "--output", bundle);
        Assert.Equal(0, fetchExit);
        Assert.Contains("\"a component\"", await File.ReadAllTextAsync(bundle, Cancellation), StringComparison.Ordinal);
        Assert.Contains("<script src=\"bundle.js\"></script>", await File.ReadAllTextAsync(Path.ChangeExtension(bundle, ".html"), Cancellation), StringComparison.Ordinal);
        Assert.Contains("bundle.html in a browser", fetched, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_build_exits_1_and_shows_the_error_with_line_and_column()
    {
        StartWorker();
        var source = Path.Combine(TempDirectory, "App.jsx");
        await File.WriteAllTextAsync(source, "syntax", Cancellation);

        var (exitCode, output) = await RunCliAsync("enqueue", "build", source, "--build-id", "cli-build-2", "--wait");
        var (showExit, shown) = await RunCliAsync("build", "cli-build-2");

        Assert.Equal((1, 1), (exitCode, showExit));
        Assert.Matches(@"status\s+failed \(BUILD_ERROR\)", output);
        Assert.Contains("App.jsx:3:10  Expected \">\" but found \"}\"", shown, StringComparison.Ordinal);
        Assert.Contains("return <div}", shown, StringComparison.Ordinal);
    }

    private async Task<(int ExitCode, string Output)> RunCliAsync(params string[] args)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Workers"] = Database.ConnectionString,
            ["Fleet:Environment"] = "local",
            ["Fleet:QueueUrls:build"] = Queues.QueueUrl,
        };
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exitCode = await CliApplication.RunAsync(args, CliConsole.Create(output), CliConsole.Create(errors), settings, Cancellation);
        var text = output + errors.ToString();
        TestContext.Current.TestOutputHelper?.WriteLine($"$ workers {string.Join(' ', args)}\n{text}exit {exitCode}");
        return (exitCode, text);
    }
}
