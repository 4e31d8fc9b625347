namespace Workers.Api;

// The API's log messages.
internal static partial class Log
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening for task notifications failed; long polls re-read on their timeout until it is back (retry in {DelaySeconds} s): {Error}")]
    public static partial void ListenFailed(ILogger logger, double delaySeconds, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Build {BuildId} accepted from key {KeyId} ({SourceBytes} bytes, claim check {ClaimCheck})")]
    public static partial void BuildAccepted(ILogger logger, string buildId, string keyId, long sourceBytes, bool claimCheck);

    [LoggerMessage(Level = LogLevel.Information, Message = "Task {TaskId} ({Worker}/{TaskType}) enqueued from key {KeyId}")]
    public static partial void TaskEnqueued(ILogger logger, string taskId, string worker, string taskType, string keyId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A dependency failed during {Method} {Path}: {Error}")]
    public static partial void DependencyFailed(ILogger logger, string method, string path, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "API key {KeyId} ({Name}) created with scopes {Scopes}")]
    public static partial void KeyCreated(ILogger logger, string keyId, string name, string scopes);

    [LoggerMessage(Level = LogLevel.Information, Message = "API key {KeyId} revoked")]
    public static partial void KeyRevoked(ILogger logger, string keyId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Api:PreviewTokenKey is not set: preview links are signed with a random key of this instance and work only on it")]
    public static partial void PreviewKeyGenerated(ILogger logger);
}
