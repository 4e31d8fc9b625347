using Workers.TaskManager.Telemetry;

namespace Workers.TaskManager.Consuming;

// What the group scheduler does with a message it has put in order; MessageProcessor in the worker, a script
// in the scheduler's unit tests.
internal interface IMessageHandling
{
    // Handles one delivery. followersHeld: later messages of its FIFO group wait behind it in this process.
    Task<TaskOutcome> ProcessAsync(ReceivedMessage message, bool followersHeld, CancellationToken shutdown);

    // After TaskOutcome.WaitingForDependency: holds the message until its dependency is back (null: run it
    // again, same attempt), or settles it when the hold ends otherwise and returns how.
    Task<TaskOutcome?> AwaitDependencyAsync(ReceivedMessage message, bool followersHeld, CancellationToken stopping);

    // Hands the message back to SQS now (visibility 0).
    void Release(ReceivedMessage message);
}
