using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workers.TaskManager;

/// <summary>
/// The JSON settings task bodies are written and read with: camelCase, enums as strings, and strict reading
/// (a missing required member, a null where the type says non-null, or a number in a string is an error, so a
/// malformed body fails loudly instead of running with defaults).
/// </summary>
public static class TaskJson
{
    /// <summary>The shared options instance.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            NumberHandling = JsonNumberHandling.Strict,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
