using System.Diagnostics;
using OpenTelemetry.Trace;

namespace Workers.Hosting;

/// <summary>
/// Drops client spans that start a trace of their own: the statements and calls no request or task caused. A
/// worker's background loops (the task-record writer every 20 ms under load, the outbox dispatcher's polls, the
/// heartbeats, the database health probe) would otherwise each export a one-span trace, most of a busy worker's
/// traces and none of them about a task. Every other span, and every span below a sampled parent, is decided by
/// the parent-based always-on sampler the SDK uses by default.
/// </summary>
public sealed class UnparentedClientSampler : Sampler
{
    private static readonly SamplingResult Drop = new(SamplingDecision.Drop);
    private readonly Sampler _inner = new ParentBasedSampler(new AlwaysOnSampler());

    /// <inheritdoc />
    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) =>
        samplingParameters.Kind == ActivityKind.Client && samplingParameters.ParentContext.TraceId == default
            ? Drop
            : _inner.ShouldSample(samplingParameters);
}
