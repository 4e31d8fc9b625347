using System.Text.Json;
using Workers.Fleet;

namespace Workers.TaskManager.Dispatch;

// Everything an invoker needs for one message: the message's DI scope, who the task is, its settings and body.
internal sealed record TaskInvocation(IServiceProvider Services, TaskInfo Info, FleetTaskType Settings, JsonElement Body);
