namespace Workers.TaskManager.Outages;

// Why and since when a message is held in this process waiting for a dependency, and what to record if the hold
// ends without the dependency coming back.
internal sealed record HeldDelivery(string Dependency, long Since, TaskInfo? Info, Exception LastError);
