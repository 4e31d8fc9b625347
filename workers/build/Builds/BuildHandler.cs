using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Workers.Build.Bundles;
using Workers.Build.Data;
using Workers.Build.Pool;
using Workers.Fleet;
using Workers.TaskManager;

namespace Workers.Build.Builds;

// build: bundles a component through the pool and records the outcome. What the user got wrong (a syntax
// error, a forbidden import, a source or bundle over its limit, code that hangs the bundler) finishes the build
// as failed, and the task succeeds: retrying cannot fix it. What we got wrong (a crashed build server, no free
// process, S3 or the database) throws, so the TaskManager retries and, after the last receive, dead-letters it;
// the record then says failed with the last infrastructure error. The crossover is a build server that died
// holding a build: the attempt throws like any crash (the OOM killer or an operator may have killed it), but the
// build's key is recorded, and every build of that key, this one's retry included, then fails without a process
// (BUNDLER_CRASH): one source kills at most one server.
internal sealed class BuildHandler(
    BuildStore store,
    SourceCrashStore crashes,
    SourceLoader sources,
    BundleStore bundles,
    NodeProcessPool pool,
    IOptions<BuildOptions> options,
    FleetWorker worker,
    TimeProvider time,
    ILogger<BuildHandler> logger) : ITaskHandler<BuildBody>
{
    public async Task HandleAsync(TaskContext<BuildBody> task, CancellationToken cancellationToken)
    {
        var body = task.Body;
        if (await store.FindAsync(body.BuildId, cancellationToken) is { } earlier && BuildStatus.IsFinished(earlier.Status))
        {
            Log.AlreadyFinished(logger, body.BuildId, earlier.Status);
            return;
        }

        var started = time.GetTimestamp();
        var settings = body.Options ?? new BuildSettings();
        var source = await sources.LoadAsync(body, cancellationToken);
        var cacheKey = source.Problem is null ? BuildCacheKey.Compute(source.Sha256, settings, pool.Toolchain) : null;
        await store.StartAsync(
            new BuildRecord
            {
                BuildId = body.BuildId,
                TaskId = task.Info.TaskId,
                Status = BuildStatus.Running,
                Engine = settings.Engine,
                SourceSha256 = source.Sha256,
                SourceBytes = source.Bytes,
                Options = BuildCacheKey.OptionsJson(settings),
                CacheKey = cacheKey,
                Attempts = task.Info.Attempt,
            },
            cancellationToken);

        var finish = new BuildFinish(store, time, started, body.BuildId, pool.Toolchain);
        if (source.Problem is { } problem)
        {
            await finish.FailedAsync(BuildErrorTypes.Validation, problem, null, null, cancellationToken);
            return;
        }

        if (await store.FindSucceededAsync(cacheKey!, cancellationToken) is { } cached
            && await bundles.ExistsAsync(cached.BundleBucket!, cached.BundleKey!, cancellationToken))
        {
            var bundle = new StoredBundle(cached.BundleBucket!, cached.BundleKey!, cached.BundleSha256!, cached.BundleBytes ?? 0);
            await finish.SucceededAsync(bundle, bundlerMs: null, processId: null, cacheHit: true, cancellationToken);
            Log.CacheHit(logger, body.BuildId, cached.BuildId, bundle.Key);
            return;
        }

        // After the cache: a key that once succeeded may have its bundle reused even if a server died on it later.
        if (await crashes.FindLiveAsync(cacheKey!, cancellationToken) is { } crash)
        {
            await finish.FailedAsync(BuildErrorTypes.Crash, crashes.Explain(crash), null, null, cancellationToken);
            Log.SourceCrashedBefore(logger, body.BuildId, crash.CacheKey, crash.ProcessId, crash.BuildId, ExitCodes.Describe(crash.ExitCode));
            return;
        }

        await BuildAsync(task, settings, source, cacheKey!, finish, cancellationToken);
    }

    private async Task BuildAsync(
        TaskContext<BuildBody> task, BuildSettings settings, BuildSource source, string cacheKey, BuildFinish finish, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        var request = new JsonObject
        {
            ["cmd"] = "build",
            ["source"] = source.Text,
            ["options"] = JsonNode.Parse(JsonSerializer.Serialize(settings, TaskJson.Options)),
            ["limits"] = new JsonObject { ["maxSourceBytes"] = limits.MaxSourceBytes, ["maxOutputBytes"] = limits.MaxOutputBytes },
        };

        BuildExecution execution;
        try
        {
            execution = await pool.ExecuteBuildAsync(request, cancellationToken);
        }
        catch (BuildTimedOutException ex)
        {
            // The user's code is what hangs (a plugin loop, a pathological input): the same source would hang
            // again, so this is a finished, failed build, not a retry.
            await finish.FailedAsync(BuildErrorTypes.Timeout, ex.Message, null, null, cancellationToken);
            return;
        }
        catch (BuildServerCrashedException ex)
        {
            // Not cancellable, like the attempt's record: the next delivery must find it.
            var crash = new SourceCrash
            {
                CacheKey = cacheKey,
                SourceSha256 = source.Sha256,
                BuildId = task.Body.BuildId,
                ProcessId = ex.Pid,
                ExitCode = ex.ExitCode,
                CrashedAt = time.GetUtcNow(),
            };
            await crashes.RecordAsync(crash, CancellationToken.None);
            Log.SourceCrashRecorded(logger, task.Body.BuildId, ex.Pid, ExitCodes.Describe(ex.ExitCode), cacheKey, crashes.ExpiresAt(crash));
            await FailAttemptAsync(task, BuildErrorTypes.Process, ex.Message);
            throw;
        }
        catch (NodeProcessException ex)
        {
            await FailAttemptAsync(task, BuildErrorTypes.Process, ex.Message);
            throw;
        }
        catch (PoolUnavailableException ex)
        {
            await FailAttemptAsync(task, BuildErrorTypes.System, ex.Message);
            throw;
        }

        var answer = ServerAnswer.Parse(execution.Response);
        if (!answer.Ok)
        {
            if (answer.ErrorType is not (BuildErrorTypes.Validation or BuildErrorTypes.Build))
            {
                var message = $"The build server answered {answer.ErrorType ?? "no errorType"}: {answer.Message}";
                await FailAttemptAsync(task, BuildErrorTypes.Process, message);
                throw new NodeProcessException(message, NodeProcessFailure.Protocol);
            }

            await finish.FailedAsync(answer.ErrorType, answer.Message!, answer.Details, execution.ProcessId, cancellationToken);
            Log.BuildFailed(logger, task.Body.BuildId, answer.ErrorType, answer.Message!);
            return;
        }

        var bytes = answer.Bundle!;
        if (bytes.Length > limits.MaxOutputBytes)
        {
            var tooLarge = $"The bundle is {bytes.Length:N0} bytes; at most {limits.MaxOutputBytes:N0} are allowed (Build:MaxOutputBytes).";
            await finish.FailedAsync(BuildErrorTypes.Validation, tooLarge, null, execution.ProcessId, cancellationToken);
            return;
        }

        StoredBundle bundle;
        try
        {
            bundle = await bundles.PutAsync(bytes, cancellationToken);
        }
        catch (Exception ex) when (ex is Amazon.Runtime.AmazonServiceException or HttpRequestException)
        {
            await FailAttemptAsync(task, BuildErrorTypes.System, $"Storing the bundle failed: {ex.Message}");
            throw;
        }

        await finish.SucceededAsync(bundle, answer.BundlerMs ?? execution.Elapsed.TotalMilliseconds, execution.ProcessId, cacheHit: false, cancellationToken);
        Log.BuildSucceeded(logger, task.Body.BuildId, settings.Engine, answer.BundlerMs ?? 0, execution.ProcessId, bundle.Key, bundle.Bytes);
    }

    // An infrastructure failure: retried while receives are left; on the last one the record says failed.
    // Not cancellable: the record must say what happened even when the failure was a cancellation.
    private async Task FailAttemptAsync(TaskContext<BuildBody> task, string errorType, string message)
    {
        var last = task.Info.Attempt >= worker.MaxReceiveCount;
        Log.BuildAttemptFailed(logger, task.Body.BuildId, task.Info.Attempt, errorType, message);
        await store.UpdateAsync(
            task.Body.BuildId,
            record =>
            {
                record.Status = last ? BuildStatus.Failed : BuildStatus.Retrying;
                record.ErrorType = errorType;
                record.ErrorMessage = message;
                if (last)
                {
                    BuildFinish.Complete(record, time.GetUtcNow(), null);
                }
            },
            CancellationToken.None);
    }
}
