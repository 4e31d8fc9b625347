using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Spectre.Console;
using Workers.Api.Auth;
using Workers.Api.Data;
using Workers.Cli.Commands;
using Workers.Cli.Errors;
using Workers.TaskManager.Persistence;

namespace Workers.Cli.ApiKeys;

// workers api-keys create --name <name> --scopes enqueue,read | list | revoke <key id>: the HTTP entry point's keys,
// written to its table (api.api_keys) by its own ApiKeyStore, so the key format and hashing have one home
// (workers/api/Auth/ApiKeySecrets.cs). The first admin key cannot come from the admin endpoint; this is where it comes from.
internal sealed class ApiKeysCommand : ICommandGroup
{
    public void AddServices(IServiceCollection services)
    {
        services.AddWorkerDbContext<ApiDbContext>(ApiDbContext.Schema);
        services.TryAddSingleton(TimeProvider.System);

        // ApiKeyStore reads Api:KeyCacheLifetime for its lookups; the CLI only creates and revokes, so the defaults do.
        services.AddOptions<Workers.Api.Options.ApiOptions>();
        services.AddSingleton<ApiKeyStore>();
    }

    public Command Create(CommandRunner runner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        return new Command("api-keys", "Create, list and revoke the HTTP entry point's API keys (run `Workers.Api.dll migrate` first).")
        {
            CreateCommand(runner),
            ListCommand(runner),
            RevokeCommand(runner),
        };
    }

    private static Command CreateCommand(CommandRunner runner)
    {
        var name = new Option<string>("--name") { Description = "Who uses the key (shown in logs and `list`).", Required = true };
        var scopes = new Option<string>("--scopes") { Description = $"Comma-separated: {string.Join(", ", ApiScopes.All)}.", Required = true };
        var command = new Command("create", "Create a key and print it once; only its SHA-256 is stored.") { name, scopes };
        runner.SetAction(command, async (services, parse, cancellationToken) =>
        {
            var keyName = parse.GetRequiredValue(name).Trim();
            if (keyName.Length is 0 or > 128)
            {
                throw CliException.Usage("--name must be 1–128 characters");
            }

            var parsed = ApiScopes.Parse([parse.GetRequiredValue(scopes)], out var unknown)
                ?? throw CliException.Usage(unknown.Count > 0
                    ? $"unknown scopes: {string.Join(", ", unknown)} (known: {string.Join(", ", ApiScopes.All)})"
                    : $"--scopes needs at least one of {string.Join(", ", ApiScopes.All)}");
            var (record, key) = await services.GetRequiredService<ApiKeyStore>().CreateAsync(keyName, parsed, cancellationToken);
            var console = services.GetRequiredService<IAnsiConsole>();
            console.WriteLine($"id      {record.KeyId}");
            console.WriteLine($"name    {record.Name}");
            console.WriteLine($"scopes  {record.Scopes}");
            console.WriteLine($"key     {key}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command ListCommand(CommandRunner runner)
    {
        var command = new Command("list", "The keys, newest first: id, name, scopes, created, revoked (never the key).");
        runner.SetAction(command, async (services, _, cancellationToken) =>
        {
            var db = services.GetRequiredService<ApiDbContext>();
            var keys = await db.ApiKeys.AsNoTracking().OrderByDescending(k => k.CreatedAt).ToListAsync(cancellationToken);
            var console = services.GetRequiredService<IAnsiConsole>();
            foreach (var key in keys)
            {
                var revoked = key.RevokedAt is { } at ? $"revoked {at.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}" : "active";
                console.WriteLine($"{key.KeyId}  {key.Name}  {key.Scopes}  created {key.CreatedAt.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}  {revoked}");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command RevokeCommand(CommandRunner runner)
    {
        var id = new Argument<string>("key-id") { Description = "The key id that create and list print." };
        var command = new Command("revoke", "Revoke a key; other API instances stop accepting it within Api:KeyCacheLifetime (30 s).") { id };
        runner.SetAction(command, async (services, parse, cancellationToken) =>
        {
            var keyId = parse.GetRequiredValue(id);
            if (!await services.GetRequiredService<ApiKeyStore>().RevokeAsync(keyId, cancellationToken))
            {
                throw CliException.Failure($"no active key {keyId}");
            }

            services.GetRequiredService<IAnsiConsole>().WriteLine($"revoked {keyId}");
            return ExitCodes.Success;
        });
        return command;
    }
}
