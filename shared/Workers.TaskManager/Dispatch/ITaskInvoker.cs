namespace Workers.TaskManager.Dispatch;

// The non-generic face of a registered handler: the consumer dispatches through it by task type without
// reflection. TaskInvoker<TBody, THandler> closes the generics at registration time.
internal interface ITaskInvoker
{
    string TaskType { get; }

    Task InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken);
}
