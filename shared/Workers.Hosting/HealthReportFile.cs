using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workers.Hosting;

// The health file's content.
internal sealed record HealthReportFile(string Status, DateTimeOffset CheckedAt, string? Description)
{
    public static void Write(string path, HealthReportFile report)
    {
        // Write then rename, so the probe never reads half a file.
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(report, HealthJsonContext.Default.HealthReportFile));
        File.Move(temporary, path, overwrite: true);
    }

    public static HealthReportFile? Read(string path) =>
        File.Exists(path) ? JsonSerializer.Deserialize(File.ReadAllText(path), HealthJsonContext.Default.HealthReportFile) : null;
}

[JsonSerializable(typeof(HealthReportFile))]
internal sealed partial class HealthJsonContext : JsonSerializerContext;
