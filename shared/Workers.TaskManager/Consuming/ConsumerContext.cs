using Microsoft.Extensions.Logging;
using Workers.TaskManager.Options;
using Workers.TaskManager.Telemetry;

namespace Workers.TaskManager.Consuming;

// What every stage of one worker's consumer shares: who it is, its validated options, and where it reports.
internal sealed record ConsumerContext(
    string Worker,
    QueueInfo Queue,
    TaskManagerOptions Options,
    TaskManagerMetrics Metrics,
    TimeProvider Time,
    ILogger Logger);
