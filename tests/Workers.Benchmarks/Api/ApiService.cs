using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Workers.Testing;

namespace Workers.Benchmarks.Api;

// The real API (Workers.Api.dll) as its own process on a free port, with the real build worker beside it, both on
// the benchmark's database and its own build queue; an API key made by the API's own `api-keys create`.
internal sealed partial class ApiService : IAsyncDisposable
{
    // The service's own build output (built before the benchmark by its project reference), Release like the benchmark.
    private static readonly string ApiDll = Path.Combine(RepositoryRoot.Path, "workers", "api", "bin", "Release", "net10.0", "Workers.Api.dll");

    private readonly TestQueues _queues;
    private readonly WorkerProcess _api;
    private readonly WorkerProcess _worker;

    private ApiService(TestQueues queues, WorkerProcess api, WorkerProcess worker, Uri address, string key)
    {
        _queues = queues;
        _api = api;
        _worker = worker;
        Client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64, AutomaticDecompression = DecompressionMethods.All }) { BaseAddress = address };
        Client.DefaultRequestHeaders.Authorization = new("Bearer", key);
    }

    public HttpClient Client { get; }

    public int ProcessId => _api.Id;

    public static async Task<ApiService> StartAsync(LocalStack stack, TestDatabase database)
    {
        var queues = await TestQueues.CreateAsync(stack.Sqs, "bench-api");
        var environment = WorkerEnvironment.For(database, queues.QueueUrl);
        environment["Fleet__QueueUrls__build"] = queues.QueueUrl;
        environment["BuildPool__WorkDirectory"] = Builds.PoolBench.NodeDirectory;

        // One key drives every client: the per-key limiter is raised so the figures are the service's, not the limit's.
        environment["Api__RateLimitBurst"] = "100000";
        environment["Api__RateLimitPerSecond"] = "100000";
        await WorkerProcess.RunAsync("Workers.Build.dll", environment, "migrate");
        await WorkerProcess.RunAsync(ApiDll, environment, "migrate");
        var key = await CreateKeyAsync(environment);

        var port = FreePort();
        environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        var worker = WorkerProcess.Start("Workers.Build.dll", environment);
        var api = WorkerProcess.Start(ApiDll, environment);
        var service = new ApiService(queues, api, worker, new Uri($"http://127.0.0.1:{port}"), key);
        await service.WaitForHealthAsync();
        return service;
    }

    // The process's resident set now (VmRSS), in MiB.
    public double RssMegabytes()
    {
        var line = File.ReadLines($"/proc/{_api.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _api.StopAsync();
        await _worker.StopAsync();
        _api.Dispose();
        _worker.Dispose();
        await _queues.DisposeAsync();
    }

    private static async Task<string> CreateKeyAsync(Dictionary<string, string> environment)
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet", [ApiDll, "api-keys", "create", "--name", "benchmark", "--scopes", "enqueue,read"])
        {
            RedirectStandardOutput = true,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return KeyLine().Match(output) is { Success: true } match
            ? match.Groups[1].Value
            : throw new InvalidOperationException($"api-keys create printed no key (exit {process.ExitCode}).");
    }

    // The benchmark waits for a process it started; a bounded poll is the plain way to see a port answer.
    private async Task WaitForHealthAsync()
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                using var response = await Client.GetAsync("/api/health");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < until)
            {
            }

            if (DateTime.UtcNow >= until)
            {
                throw new TimeoutException("The API did not answer /api/health within 60 s.");
            }

            await Task.Delay(250);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"^key\s+(\S+)$", RegexOptions.Multiline)]
    private static partial Regex KeyLine();
}
