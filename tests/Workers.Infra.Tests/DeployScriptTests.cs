using System.Diagnostics;
using System.Text.Json.Nodes;
using Workers.Infra.Render;
using Workers.Infra.Tests.Infrastructure;

namespace Workers.Infra.Tests;

// copilot/deploy.sh, run with a stand-in `copilot` on PATH that records its arguments and fails for one
// service: the environment goes first, a worker after the workers it publishes to, and the first failure stops
// the rest; the web services come after every worker.
public sealed class DeployScriptTests : IDisposable
{
    private readonly ScratchRepository _repository = ScratchRepository.Create();
    private readonly string _bin = Directory.CreateTempSubdirectory("fake-copilot-").FullName;

    public DeployScriptTests()
    {
        // product sends follow-up tasks to search, so search's queue must be deployed first, against name order.
        // The fleet's other workers are left out so the order shows only this rule.
        _repository.EditFleet(workers =>
        {
            foreach (var other in workers.Select(w => w.Key).Where(w => w != "product").ToList())
            {
                workers.Remove(other);
            }

            workers["search"] = new JsonObject { ["taskTypes"] = new JsonObject { ["indexProduct"] = new JsonObject() } };
            workers["product"]!["publishesTo"] = new JsonArray("search");
        });
        RenderedTree.Write(_repository.Path, FleetRenderer.Render(_repository.Fleet, _repository.Path));
        var fake = Path.Combine(_bin, "copilot");
        File.WriteAllText(fake, """
            #!/usr/bin/env bash
            echo "copilot $*" >> "$COPILOT_CALLS"
            [[ -n "${COPILOT_FAIL:-}" && " $* " == *" $COPILOT_FAIL "* ]] && exit 7
            exit 0
            """);
        if (!OperatingSystem.IsWindows()) // the scripts are bash; CI and the build machines are Linux
        {
            File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Fact]
    public async Task Deploys_the_environment_then_each_worker_after_those_it_publishes_to()
    {
        var (exitCode, calls) = await DeployAsync(fail: null, "--env", "staging");

        Assert.Equal(0, exitCode);
        Assert.Equal(
            [
                "copilot env deploy --name staging",
                "copilot svc deploy --name worker-search --env staging",
                "copilot svc deploy --name worker-product --env staging",
                "copilot svc deploy --name api --env staging",
            ],
            calls);
    }

    [Fact]
    public async Task Stops_at_the_first_failing_deploy_with_its_exit_code()
    {
        var (exitCode, calls) = await DeployAsync(fail: "worker-search", "--env", "production", "--skip-environment");

        Assert.Equal(7, exitCode);
        Assert.Equal(["copilot svc deploy --name worker-search --env production"], calls);
    }

    [Fact]
    public async Task Deploys_one_service_alone()
    {
        var (exitCode, calls) = await DeployAsync(fail: null, "--env", "staging", "--skip-environment", "--service", "api");

        Assert.Equal(0, exitCode);
        Assert.Equal(["copilot svc deploy --name api --env staging"], calls);
    }

    [Theory]
    [InlineData("--env", "prod")]
    [InlineData("--env", "staging", "--service", "ghost")]
    [InlineData("--env", "staging", "--worker", "ghost")]
    public async Task Refuses_an_unknown_environment_or_worker_before_deploying_anything(params string[] args)
    {
        var (exitCode, calls) = await DeployAsync(fail: null, args);

        Assert.Equal(2, exitCode);
        Assert.Empty(calls);
    }

    public void Dispose()
    {
        _repository.Dispose();
        Directory.Delete(_bin, recursive: true);
    }

    private async Task<(int ExitCode, IReadOnlyList<string> Calls)> DeployAsync(string? fail, params string[] args)
    {
        var calls = Path.Combine(_bin, "calls.log");
        File.WriteAllText(calls, "");
        var start = new ProcessStartInfo("bash", [Path.Combine(_repository.Path, "copilot", "deploy.sh"), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        start.Environment["PATH"] = _bin + ":" + Environment.GetEnvironmentVariable("PATH");
        start.Environment["COPILOT_CALLS"] = calls;
        start.Environment["COPILOT_FAIL"] = fail ?? "";
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        await Task.WhenAll(output, error);
        return (process.ExitCode, File.ReadAllLines(calls));
    }
}
