using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Workers.TaskManager.Options;

namespace Workers.TaskManager.Persistence;

// Reports a missing or unreadable database configuration at start, with the other option errors.
internal sealed class DatabaseConfiguredRule(IConfiguration configuration) : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options) =>
        DatabaseConnection.Resolve(configuration, options, "workers", out var problem) is null
            ? ValidateOptionsResult.Fail(problem!)
            : ValidateOptionsResult.Success;
}
