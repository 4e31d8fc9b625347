using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Workers.Api.Auth;
using Workers.Testing;

namespace Workers.Api.Tests.Infrastructure;

// Base of the API tests: this test's queue and database on the real local stack (WorkerProcessTest), the API
// in-process on them (WebApplicationFactory, real Kestrel pipeline in memory), and the real build worker as a
// child process when a test needs builds built (with the stand-in build server).
public abstract class ApiTest() : WorkerProcessTest("build", "Workers.Build")
{
    private readonly List<WebApplicationFactory<Program>> _factories = [];

    protected override TestMigrations Migrations => ApiMigrations.Template;

    public override async ValueTask DisposeAsync()
    {
        foreach (var factory in _factories)
        {
            await factory.DisposeAsync();
        }

        await base.DisposeAsync();
    }

    // What the API runs with; `settings` add to or override it.
    protected Dictionary<string, string?> ApiSettings(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Workers"] = Database.ConnectionString,
            ["Fleet:Environment"] = "local",
            ["Fleet:QueueUrls:build"] = Queues.QueueUrl,
            ["Fleet:QueueUrls:product"] = Queues.QueueUrl,
            ["Health:FilePath"] = Path.Combine(TempDirectory, $"api-health-{_factories.Count}.json"),
            ["WorkerLogging:Format"] = "text",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return all;
    }

    // Starts an API on this test's queue and database.
    protected WebApplicationFactory<Program> StartApi(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var values = ApiSettings(settings);
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            foreach (var (key, value) in values)
            {
                web.UseSetting(key, value);
            }
        });
        _factories.Add(factory);
        return factory;
    }

    // A client carrying a new key with `scopes`.
    protected static async Task<HttpClient> ClientAsync(WebApplicationFactory<Program> api, params string[] scopes)
    {
        var (_, key) = await api.Services.GetRequiredService<ApiKeyStore>().CreateAsync("tests", scopes, Cancellation);
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    // Long polls until the build has an outcome. The first answer (woken by the worker's notification) is enough
    // on a quiet machine; on one loaded many times over, the worker's start alone can outlast a 30 s wait.
    protected static async Task<JsonElement> OutcomeAsync(HttpClient client, string? buildId)
    {
        for (var poll = 1; ; poll++)
        {
            using var response = await client.GetAsync($"/api/builds/{buildId}?wait=30", Cancellation);
            var build = await Json.ReadAsync(response);
            if (build.GetProperty("status").GetString() is not ("queued" or "running" or "retrying") || poll == 6)
            {
                return build;
            }
        }
    }

    // The build worker, with the stand-in build server (FakeServer/fake-build-server.mjs).
    protected WorkerProcess StartBuildWorker(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var pool = new Dictionary<string, string?>
        {
            ["BuildPool__MinProcesses"] = "1",
            ["BuildPool__MaxProcesses"] = "1",
            ["BuildPool__WorkDirectory"] = Path.Combine(AppContext.BaseDirectory, "FakeServer"),
            ["BuildPool__Script"] = "fake-build-server.mjs",
            ["BuildPool__RequireNodeModules"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            pool[key] = value;
        }

        return StartWorker(pool);
    }
}
