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

    // How long a build key that killed a build server fails at once without running (SourceCrash). Long enough
    // that resubmitting the same source does not knock over a server again; finite because a crash may have
    // had another cause (the OOM killer, an operator), and an identical source deserves a fresh try later.
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan SourceCrashLifetime { get; set; } = TimeSpan.FromDays(1);

    // Where bundles go in the fleet bucket: <prefix><sha256>.js.
    [Required]
    public string BundlePrefix { get; set; } = "bundles/";
}
