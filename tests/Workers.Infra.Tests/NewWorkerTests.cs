using System.Text.Json.Nodes;
using Workers.Infra.Render;
using Workers.Infra.Tests.Checks;
using Workers.Infra.Tests.Infrastructure;

namespace Workers.Infra.Tests;

// What adding a worker takes: declaring it fails the checks until its files exist; its project plus rendering
// (manifests, templates and its Dockerfile) is all it needs; and files of a worker nobody declared fail too.
public sealed class NewWorkerTests : IDisposable
{
    private readonly ScratchRepository _repository = ScratchRepository.Create();

    private static JsonObject Preview => new()
    {
        ["description"] = "Renders preview images with a warm headless browser.",
        ["taskTypes"] = new JsonObject { ["renderPreview"] = new JsonObject { ["timeoutSeconds"] = 120 } },
        ["deploy"] = new JsonObject { ["cpu"] = 1024, ["memory"] = 2048, ["reason"] = "A headless browser beside the .NET host." },
    };

    [Fact]
    public void A_declared_worker_without_its_files_fails_worker_files_for_each_missing_file()
    {
        _repository.Declare("preview", Preview);

        var missing = RuleSet.Run(_repository.Path, _repository.Fleet).Where(v => v.Rule == "worker-files").Select(v => v.File);

        Assert.Equal(
            [
                "workers/preview/Workers.Preview.csproj",
                "workers/preview/Dockerfile",
                "copilot/worker-preview/manifest.yml",
                "copilot/worker-preview/addons/worker.yml",
                "copilot/worker-preview/overrides/cfn.patches.yml",
                "infra/cloudformation/worker-preview.yml",
            ],
            missing);
    }

    [Fact]
    public void A_declared_worker_passes_every_check_once_its_project_exists_and_it_is_rendered()
    {
        _repository.Declare("preview", Preview);
        _repository.Write("workers/preview/Workers.Preview.csproj", _repository.Read("workers/product/Workers.Product.csproj"));
        RenderedTree.Write(_repository.Path, FleetRenderer.Render(_repository.Fleet, _repository.Path));

        var violations = RuleSet.Run(_repository.Path, _repository.Fleet);

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
        var manifest = _repository.Read("copilot/worker-preview/manifest.yml");
        Assert.Contains("# A headless browser beside the .NET host.\ncpu: 1024\nmemory: 2048", manifest, StringComparison.Ordinal);
        // The image restores the project and the shared libraries it references, read from the project files.
        var dockerfile = _repository.Read("workers/preview/Dockerfile");
        Assert.StartsWith("# syntax=docker/dockerfile:1\n", dockerfile, StringComparison.Ordinal);
        Assert.Contains("COPY shared/Workers.Domain/Workers.Domain.csproj shared/Workers.Domain/\n", dockerfile, StringComparison.Ordinal);
        Assert.Contains("COPY shared/Workers.Fleet/Workers.Fleet.csproj shared/Workers.Fleet/\n", dockerfile, StringComparison.Ordinal);
        Assert.Contains("RUN dotnet restore workers/preview/Workers.Preview.csproj\n", dockerfile, StringComparison.Ordinal);
        Assert.Contains("ENTRYPOINT [\"dotnet\", \"/app/Workers.Preview.dll\"]", dockerfile, StringComparison.Ordinal);
    }

    [Fact]
    public void A_worker_whose_deployment_says_its_Dockerfile_is_hand_written_keeps_its_own()
    {
        var fleet = _repository.Fleet;

        var rendered = FleetRenderer.Render(fleet, _repository.Path).Select(f => f.Path).ToList();

        Assert.NotNull(fleet.Worker("build").Deployment.HandWrittenDockerfile);
        Assert.DoesNotContain("workers/build/Dockerfile", rendered);
        Assert.Contains("workers/product/Dockerfile", rendered);
        Assert.Contains("workers/api/Dockerfile", rendered);
    }

    [Fact]
    public void Files_of_an_undeclared_worker_fail_worker_files()
    {
        _repository.Write("workers/ghost/Dockerfile", _repository.Read("workers/product/Dockerfile"));
        _repository.Write("copilot/worker-ghost/manifest.yml", _repository.Read("copilot/worker-product/manifest.yml"));
        _repository.Write("infra/cloudformation/worker-ghost.yml", _repository.Read("infra/cloudformation/worker-product.yml"));

        var strays = RuleSet.Run(_repository.Path, _repository.Fleet).Where(v => v.Rule == "worker-files").Select(v => v.ToString()).ToList();

        Assert.Equal(3, strays.Count);
        Assert.All(strays, s => Assert.Contains("'ghost', which shared/fleet.json does not declare", s, StringComparison.Ordinal));
        Assert.Contains(strays, s => s.StartsWith("copilot/worker-ghost: ", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_check_names_a_hand_edited_file_and_a_stray_one_and_the_command_that_fixes_them()
    {
        _repository.Write("copilot/worker-product/manifest.yml", _repository.Read("copilot/worker-product/manifest.yml").Replace("tries: 3", "tries: 5", StringComparison.Ordinal));
        _repository.Write("copilot/worker-ghost/manifest.yml", "name: worker-ghost\n");
        var rendered = FleetRenderer.Render(_repository.Fleet, _repository.Path);

        var differences = RenderedTree.Differences(_repository.Path, rendered);

        Assert.Equal(2, differences.Count);
        Assert.StartsWith("copilot/worker-product/manifest.yml: differs", differences[0], StringComparison.Ordinal);
        Assert.StartsWith("copilot/worker-ghost/manifest.yml: not rendered", differences[1], StringComparison.Ordinal);
        Assert.All(differences, d => Assert.Contains(FleetRenderer.Command, d, StringComparison.Ordinal));

        RenderedTree.Write(_repository.Path, rendered);
        Assert.Empty(RenderedTree.Differences(_repository.Path, rendered));
        Assert.False(File.Exists(Path.Combine(_repository.Path, "copilot/worker-ghost/manifest.yml")));
    }

    public void Dispose() => _repository.Dispose();
}
