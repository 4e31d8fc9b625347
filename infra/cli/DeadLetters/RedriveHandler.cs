using Amazon.SQS;
using Spectre.Console;
using Workers.Cli.Composition;
using Workers.Cli.Errors;

namespace Workers.Cli.DeadLetters;

// workers dlq redrive: puts dead-lettered messages back on the worker's queue. On AWS SQS moves them
// (StartMessageMoveTask); against an emulator, with --max or --one-by-one, or where SQS does not offer the move
// task, the CLI moves them one by one. --dry-run shows what would move and moves nothing.
internal sealed class RedriveHandler(IAmazonSQS sqs, DeadLetterQueueLocator locator, Consoles consoles, TimeProvider time)
{
    // A dry run holds what it shows only while it prints it.
    private static readonly TimeSpan DryRunHold = TimeSpan.FromSeconds(60);

    public async Task<int> RunAsync(RedriveRequest request, CancellationToken cancellationToken)
    {
        var queue = await locator.FindAsync(request.Worker, cancellationToken);
        var counts = await locator.CountAsync(queue, cancellationToken);
        if (counts.IsEmpty)
        {
            consoles.Out.WriteLine($"{queue.Name} is empty: nothing to redrive.");
            return ExitCodes.Success;
        }

        var max = request.Max ?? int.MaxValue;
        if (request.DryRun)
        {
            await using var held = new HeldMessages(sqs, queue.Url, DryRunHold);
            RedriveReport.DryRun(consoles.Out, queue, counts, await held.ReceiveAllAsync(max, cancellationToken));
            return ExitCodes.Success;
        }

        var total = Math.Min(counts.Visible, max);
        var console = consoles.Out;
        IRedriveView view = console.Profile.Out.IsTerminal && console.Profile.Capabilities.Interactive
            ? new LiveRedriveView(console, time)
            : new PlainRedriveView(console, time);

        // The move task moves everything, so --max needs the CLI's own loop; an endpoint override is an emulator.
        if (!request.OneByOne && request.Max is null && string.IsNullOrEmpty(sqs.Config.ServiceURL))
        {
            var moveTask = new MoveTaskRedrive(sqs, queue, time);
            if (await moveTask.StartAsync(cancellationToken) is { } handle)
            {
                return await FollowAsync(moveTask, handle, queue, total, view, cancellationToken);
            }

            consoles.Error.WriteLine("this endpoint has no StartMessageMoveTask: moving the messages one by one.");
        }

        var moved = new List<MovedMessage>();
        try
        {
            var mover = new OneByOneMover(sqs, queue);
            await view.ShowAsync(total, progress => mover.MoveAsync(max, moved, m => progress(new RedriveProgress(moved.Count, total, m, null)), cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            RedriveReport.Moved(console, queue, moved, await locator.CountAsync(queue, CancellationToken.None), interrupted: true);
            return ExitCodes.Cancelled;
        }
        catch when (moved.Count > 0)
        {
            // The failure is reported by the runner; what did move must not be lost from view.
            RedriveReport.Moved(console, queue, moved, null, interrupted: true);
            throw;
        }

        RedriveReport.Moved(console, queue, moved, await locator.CountAsync(queue, cancellationToken), interrupted: false);
        return ExitCodes.Success;
    }

    private async Task<int> FollowAsync(MoveTaskRedrive moveTask, string handle, DeadLetterQueue queue, long total, IRedriveView view, CancellationToken cancellationToken)
    {
        consoles.Out.WriteLine($"SQS move task {handle} started: {queue.Name} → {queue.SourceName}");
        long moved = 0;
        try
        {
            await view.ShowAsync(total, async progress => moved = await moveTask.FollowAsync(handle, progress, cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            consoles.Out.MarkupLineInterpolated($"[yellow]stopped following; SQS's move task goes on (cancel it with: aws sqs cancel-message-move-task --task-handle {handle})[/]");
            return ExitCodes.Cancelled;
        }

        consoles.Out.WriteLine($"moved {moved} message(s) from {queue.Name} to {queue.SourceName} (SQS move task; it does not list what it moved).");
        return ExitCodes.Success;
    }
}
