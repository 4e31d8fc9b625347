using System.Collections.Frozen;
using Amazon.SQS;
using Microsoft.Extensions.DependencyInjection;
using Workers.Fleet;
using Workers.TaskManager.Dispatch;
using Workers.TaskManager.Envelope;
using Workers.TaskManager.Health;
using Workers.TaskManager.Outages;
using Workers.TaskManager.Persistence;

namespace Workers.TaskManager.Consuming;

// One worker's consumer, wired in the order a message meets it:
//   QueuePoller ×N ─▶ InFlightMessages ─▶ GroupScheduler ─▶ MessageProcessor ─▶ TaskDispatcher ─▶ handler
//                                                               │ failure
//                                                               ▼
//                                      FailurePolicy (retry, hold through an outage, dead-letter)
//                                                               │
//   Settler (batched deletes and visibility changes) ◀──────────┘      VisibilityHeartbeat keeps held ones hidden
// The OutageMonitor pauses the pollers while a dependency is down; the FailureRecorder keeps error records
// until the database can take them. TaskConsumer runs the whole and drains it.
internal sealed class ConsumerPipeline : IAsyncDisposable
{
    private readonly IAmazonSQS _sqs;
    private readonly PollLoopHealth _health;
    private readonly DeleteSender _deletes;
    private readonly VisibilitySender _visibility;

    public ConsumerPipeline(IServiceProvider services, FleetWorker worker, ConsumerContext context)
    {
        Context = context;
        var (queue, o, time, logger) = (context.Queue, context.Options, context.Time, context.Logger);
        _sqs = services.GetRequiredService<IAmazonSQS>();
        _health = services.GetRequiredService<PollLoopHealth>();
        Records = services.GetRequiredService<TaskRecordWriter>();

        Limiter = new InFlightLimiter(o.MaxInFlight);
        InFlight = new InFlightMessages();
        _deletes = new DeleteSender(_sqs, queue.Url, time, logger);
        _visibility = new VisibilitySender(_sqs, queue.Url, time, logger);
        Settler = new Settler(_deletes, _visibility, InFlight, Limiter, _health, context.Metrics, time, logger);

        Outages = new OutageMonitor(services.GetServices<IDependencyProbe>(), o.Outage, _health, context.Metrics, time, logger);
        FailureRecords = new FailureRecorder(services.GetRequiredService<TaskStore>(), Outages, o.Outage.MaxPendingFailureRecords, logger);
        Outages.BeforeResume = (_, ct) => FailureRecords.FlushAsync(ct);
        var failures = new FailurePolicy(context, Settler, new DeadLetterSender(_sqs, queue, time), FailureRecords, Outages);

        Settings = TaskTypeSettings.Resolve(worker, o.TaskTypes);
        var dispatcher = new TaskDispatcher(
            worker.Name,
            services.GetRequiredService<TaskRegistry>(),
            Settings,
            services.GetRequiredService<IServiceScopeFactory>(),
            services.GetRequiredService<ClaimCheckStore>(),
            o.MaxBodyBytes,
            time);
        var processor = new MessageProcessor(context, dispatcher, services.GetRequiredService<TaskStore>(), Records, Settler, failures, Outages);
        Scheduler = new GroupScheduler(queue.IsFifo, processor, time, logger);
        Heartbeat = new VisibilityHeartbeat(InFlight, _visibility, o.VisibilityTimeout, o.EffectiveHeartbeatInterval, context.Metrics, time, logger);
    }

    public ConsumerContext Context { get; }

    public FrozenDictionary<string, FleetTaskType> Settings { get; }

    public InFlightLimiter Limiter { get; }

    public InFlightMessages InFlight { get; }

    public Settler Settler { get; }

    public OutageMonitor Outages { get; }

    public FailureRecorder FailureRecords { get; }

    public GroupScheduler Scheduler { get; }

    public VisibilityHeartbeat Heartbeat { get; }

    public TaskRecordWriter Records { get; }

    public QueuePoller CreatePoller(int index, PollerScaling scaling) =>
        new(index, _sqs, Context.Queue, Context.Options, Limiter, scaling, InFlight, Scheduler, Outages, _health, Context.Metrics, Context.Time, Context.Logger);

    // After the drain: every delete and release has been answered. Closes the senders and writes what waited.
    public async ValueTask DisposeAsync()
    {
        await Outages.DisposeAsync();
        await _visibility.DisposeAsync();
        await _deletes.DisposeAsync();
        await FailureRecords.CloseAsync();
        await Records.DisposeAsync();
        Scheduler.Dispose();
        Limiter.Dispose();
    }
}
