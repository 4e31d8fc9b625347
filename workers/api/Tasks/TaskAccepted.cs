namespace Workers.Api.Tasks;

// The 202 answer to POST /api/tasks/{worker}/{type}.
internal sealed record TaskAccepted(string TaskId, string Worker, string TaskType);
