using System.ComponentModel.DataAnnotations;

namespace Workers.Build.Pool;

// The Node build-server pool (section BuildPool). Defaults suit a 1 vCPU / 2 GiB task: a warm esbuild server
// holds ~135 MB and rebuilds a component in ~8 ms, so a handful of processes serve a worker's whole in-flight
// limit (shared/fleet.json gives the build worker maxInFlight = MaxProcesses).
internal sealed class PoolOptions
{
    public const string SectionName = "BuildPool";

    // Processes kept warm even when idle; the first builds after a quiet spell pay no start-up (~0.3 s).
    [Range(0, 64)]
    public int MinProcesses { get; set; } = 2;

    // Never more processes than this; a build arriving when all are busy waits up to AcquireTimeout.
    [Range(1, 64)]
    public int MaxProcesses { get; set; } = 5;

    // An idle process above MinProcesses is stopped after this long without a build.
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MaxIdleTime { get; set; } = TimeSpan.FromMinutes(5);

    // A process is replaced after this long even if healthy: bundler caches and V8 heaps only grow.
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan MaxProcessAge { get; set; } = TimeSpan.FromHours(1);

    // Resident memory above which a process is replaced (checked after each build and by the health check).
    [Range(32, 65_536)]
    public int MaxMemoryMegabytes { get; set; } = 512;

    // Builds after which a process is replaced (Vite's build() leaks ~0.3 MB a build).
    [Range(1, 1_000_000)]
    public int MaxBuildsPerProcess { get; set; } = 500;

    // How often idle processes are asked for their status, and idle or old ones stopped.
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan HealthCheckInterval { get; set; } = TimeSpan.FromSeconds(30);

    // How long a build waits for a free process when all MaxProcesses are busy.
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan AcquireTimeout { get; set; } = TimeSpan.FromSeconds(30);

    // A build running longer is the user's code hanging the bundler: its process is killed and replaced.
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan BuildTimeout { get; set; } = TimeSpan.FromSeconds(30);

    // From spawn to the ready line; Node plus esbuild and Vite load in well under a second.
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(20);

    // A status or cleanup request that takes longer means the process stopped answering.
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(5);

    // On shutdown: how long running builds may finish, then how long a process gets to exit before it is killed.
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(15);

    // The folder holding the build script and its node_modules. Default: node/ beside the worker's assembly when
    // its node_modules are installed there (the image), else the repository's workers/build/node (a local build).
    public string? WorkDirectory { get; set; }

    [Required]
    public string Script { get; set; } = "build-server.mjs";

    [Required]
    public string NodeExecutable { get; set; } = "node";

    // --expose-gc lets the server's cleanup command collect garbage after disposing bundler state.
    public string[] NodeArguments { get; set; } = ["--expose-gc"];

    // The children's log level (WORKERS_BUILD_LOG_LEVEL); their stderr lines go to this worker's log.
    [RegularExpression("^(debug|info|warn|error)$")]
    public string LogLevel { get; set; } = "info";

    // Off only for test doubles of the server that import nothing.
    public bool RequireNodeModules { get; set; } = true;
}
