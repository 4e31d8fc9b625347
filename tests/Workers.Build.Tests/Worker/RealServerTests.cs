using System.Text.Json;
using Workers.Build.Builds;
using Workers.Build.Data;
using Workers.Build.Tests.Infrastructure;
using Workers.TaskManager.Persistence;
using Workers.Testing;

namespace Workers.Build.Tests.Worker;

// The worker with the real build server (workers/build/node, installed by install.sh): a produced bundle really
// renders the component and reacts to a click, with each engine; the bundler's own errors reach the record.
public sealed class RealServerTests : BuildWorkerTest
{
    private static readonly string Sample = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "workers", "build", "samples", "App.jsx"));

    [Theory]
    [InlineData("esbuild")]
    [InlineData("vite")]
    public async Task The_sample_bundle_renders_the_component_and_a_click_changes_its_state(string engine)
    {
        StartWorker(realServer: true);
        var (task, build) = await BuildAsync(Sample, new BuildSettings(Engine: engine));

        Assert.Equal(TaskState.Succeeded, task.Task.State);
        Assert.Equal((BuildStatus.Succeeded, engine), (build.Status, build.Engine));
        var bundle = Path.Combine(TempDirectory, "bundle.js");
        await File.WriteAllTextAsync(bundle, await BundleAsync(build), Cancellation);
        var render = await RenderCheck.RunAsync(bundle, click: "button");

        Assert.Empty(render.Errors);
        Assert.Contains("Hello from the build worker", render.Text, StringComparison.Ordinal);
        Assert.Contains("Clicked 0 times", render.Text, StringComparison.Ordinal);
        Assert.Contains("Clicked 1 time", render.AfterClick, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_syntax_error_from_the_bundler_is_a_failed_build_with_its_line_and_column()
    {
        StartWorker(realServer: true);
        var source = "export default function App() {\n  const x = 1;\n  return <div}\n}\n";
        var (task, build) = await BuildAsync(source);

        Assert.Equal((TaskState.Succeeded, 1), (task.Task.State, task.Task.Attempts));
        Assert.Equal((BuildStatus.Failed, BuildErrorTypes.Build), (build.Status, build.ErrorType));
        var detail = JsonDocument.Parse(build.Details!).RootElement[0];
        Assert.Equal(3, detail.GetProperty("line").GetInt32());
        Assert.True(detail.GetProperty("column").GetInt32() > 0);
    }

    [Fact]
    public async Task A_forbidden_import_is_a_failed_build_with_VALIDATION_ERROR_not_a_retry()
    {
        StartWorker(realServer: true);
        var source = "import fs from \"node:fs\";\nexport default function App() { return <p>{String(fs)}</p>; }\n";
        var (task, build) = await BuildAsync(source);

        Assert.Equal((TaskState.Succeeded, 1), (task.Task.State, task.Task.Attempts));
        Assert.Equal((BuildStatus.Failed, BuildErrorTypes.Validation), (build.Status, build.ErrorType));
        Assert.Null(build.BundleKey);
    }
}
