using System.ComponentModel.DataAnnotations;

namespace Workers.Build.Builds;

// Limits of one build (section Build). The build server enforces the same limits (they travel in each request);
// the worker checks the source before sending it and the bundle before storing it.
internal sealed class BuildOptions
{
    public const string SectionName = "Build";

    [Range(1024, 16 * 1024 * 1024)]
    public int MaxSourceBytes { get; set; } = 256 * 1024;

    [Range(1024, 256 * 1024 * 1024)]
    public int MaxOutputBytes { get; set; } = 4 * 1024 * 1024;

    // Where bundles go in the fleet bucket: <prefix><sha256>.js.
    [Required]
    public string BundlePrefix { get; set; } = "bundles/";
}
