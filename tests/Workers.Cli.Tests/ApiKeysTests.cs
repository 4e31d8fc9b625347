using System.Security.Cryptography;
using System.Text;
using Npgsql;
using Workers.Cli.Tests.Infrastructure;
using Workers.Testing;

namespace Workers.Cli.Tests;

// workers api-keys against a real database with the API's schema: the key is printed once and only its SHA-256
// is stored, with the scopes asked for; list shows it without the secret; revoke marks it, once.
public sealed class ApiKeysTests : CliTest
{
    protected override TestMigrations Migrations => ApiKeyMigrations.Template;

    [Fact]
    public async Task Create_prints_the_key_once_and_stores_only_its_hash_with_the_scopes()
    {
        var run = await RunAsync("api-keys", "create", "--name", "shop frontend", "--scopes", "enqueue,read");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Errors);
        var keyId = run.Value("id");
        var key = run.Value("key");
        Assert.StartsWith($"wk_{keyId}_", key, StringComparison.Ordinal);
        Assert.Equal("enqueue,read", run.Value("scopes"));

        await using var data = NpgsqlDataSource.Create(Database.ConnectionString);
        await using var command = data.CreateCommand("SELECT name, scopes, secret_sha256, revoked_at IS NULL FROM api.api_keys WHERE key_id = $1");
        command.Parameters.AddWithValue(keyId);
        await using var reader = await command.ExecuteReaderAsync(Cancellation);
        Assert.True(await reader.ReadAsync(Cancellation));
        Assert.Equal("shop frontend", reader.GetString(0));
        Assert.Equal("enqueue,read", reader.GetString(1));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key))), reader.GetString(2));
        Assert.True(reader.GetBoolean(3));
    }

    [Fact]
    public async Task List_shows_keys_without_their_secret_and_revoke_marks_one_once()
    {
        var created = await RunAsync("api-keys", "create", "--name", "ops", "--scopes", "admin");
        var keyId = created.Value("id");

        var listed = await RunAsync("api-keys", "list");
        Assert.Equal(0, listed.ExitCode);
        var line = Assert.Single(listed.OutputLines);
        Assert.Matches($@"^{keyId}\s+ops\s+admin\s+created \S+\s+active$", line);
        Assert.DoesNotContain(created.Value("key"), listed.Output, StringComparison.Ordinal);

        var revoked = await RunAsync("api-keys", "revoke", keyId);
        Assert.Equal(0, revoked.ExitCode);
        Assert.Matches(@"\srevoked \S+$", Assert.Single((await RunAsync("api-keys", "list")).OutputLines));

        var again = await RunAsync("api-keys", "revoke", keyId);
        Assert.Equal(1, again.ExitCode);
        Assert.Equal($"error: no active key {keyId}", Assert.Single(again.ErrorLines));
    }

    [Fact]
    public async Task An_unknown_scope_is_a_usage_error_and_creates_nothing()
    {
        var run = await RunAsync("api-keys", "create", "--name", "x", "--scopes", "enqueue,write");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("unknown scopes: write", run.Errors, StringComparison.Ordinal);
        Assert.Empty((await RunAsync("api-keys", "list")).OutputLines);
    }
}
