using Workers.Hosting;

namespace Workers.Api.Auth;

// `dotnet Workers.Api.dll api-keys create --name <name> --scopes enqueue,read`: the first (admin) key has to
// come from somewhere other than the admin endpoint. `workers api-keys create` runs this on the local stack.
internal static class ApiKeysCommand
{
    public static WorkerCommand Create { get; } = new(
        "api-keys",
        "api-keys create --name <name> --scopes enqueue,read,admin: create an API key and print it once",
        RunAsync);

    private static async Task<int> RunAsync(IServiceProvider services, string[] args, CancellationToken cancellationToken)
    {
        if (args is not ["create", .. var rest])
        {
            await Console.Error.WriteLineAsync("usage: api-keys create --name <name> --scopes enqueue,read,admin");
            return 2;
        }

        string? name = null;
        string? scopeList = null;
        for (var i = 0; i + 1 < rest.Length; i += 2)
        {
            switch (rest[i])
            {
                case "--name": name = rest[i + 1]; break;
                case "--scopes": scopeList = rest[i + 1]; break;
                default:
                    await Console.Error.WriteLineAsync($"unknown option {rest[i]}");
                    return 2;
            }
        }

        var scopes = ApiScopes.Parse([scopeList ?? ""], out var unknown);
        if (scopes is null)
        {
            await Console.Error.WriteLineAsync(unknown.Count > 0 ? $"unknown scopes: {string.Join(", ", unknown)}" : "--scopes is required (enqueue, read, admin)");
            return 2;
        }

        var (record, key) = await services.GetRequiredService<ApiKeyStore>().CreateAsync(name ?? "cli", scopes, cancellationToken);
        Console.WriteLine($"key id  {record.KeyId}");
        Console.WriteLine($"scopes  {record.Scopes}");
        Console.WriteLine($"key     {key}");
        return 0;
    }
}
