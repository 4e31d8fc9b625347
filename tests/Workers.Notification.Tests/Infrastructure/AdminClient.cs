using System.Net.Http.Json;
using System.Text.Json;

namespace Workers.Notification.Tests.Infrastructure;

// The HTTP admin API of a stand-in (infra/local/standins/<name>/README.md): what it received, and the faults to
// answer with. The stand-ins are shared by every test process on the machine, so tests scope everything to
// addresses and tokens of their own.
public abstract class AdminClient(string portVariable, int defaultPort) : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly HttpClient _http = new()
    {
        BaseAddress = new Uri($"http://127.0.0.1:{Environment.GetEnvironmentVariable(portVariable) ?? defaultPort.ToString(System.Globalization.CultureInfo.InvariantCulture)}/_admin/"),
    };

    public void Dispose()
    {
        _http.Dispose();
        GC.SuppressFinalize(this);
    }

    protected async Task<T> GetAsync<T>(string path, string property) =>
        (await _http.GetFromJsonAsync<JsonElement>(path, Json, TestContext.Current.CancellationToken)).GetProperty(property).Deserialize<T>(Json)!;

    protected async Task<JsonElement> PostAsync(string path, object body)
    {
        using var response = await _http.PostAsJsonAsync(path, body, Json, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>(Json, TestContext.Current.CancellationToken);
    }

    protected async Task DeleteAsync(string path)
    {
        using var response = await _http.DeleteAsync(path, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
    }
}
