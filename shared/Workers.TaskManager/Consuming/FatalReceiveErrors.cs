using Amazon.Runtime;
using Amazon.SQS.Model;
using Microsoft.Extensions.Logging;
using Workers.TaskManager.Telemetry;

namespace Workers.TaskManager.Consuming;

// Receive errors that no retry can fix: the queue is gone or mistyped, or this worker may not read it. Retrying
// them only fills the log while nothing is consumed, so the worker stops with one line saying what to fix and
// ECS (or the operator) sees a failed task, not a healthy-looking worker that does nothing. The set follows
// AWS's Message Processing Framework for .NET (aws-dotnet-messaging treats a missing queue, an invalid address,
// insecure requests, KMS key problems and AccessDenied as fatal), plus credentials that AWS refuses outright.
// Throttling, 5xx and network errors are not here: they pass, and the poller backs off and tries again.
// Expired credentials are not here either: the SDK refreshes a task role's credentials itself, so ExpiredToken
// is a gap, not a configuration error. Missing credentials fail the worker at start, when the consumer first
// reads the queue's attributes.
internal static class FatalReceiveErrors
{
    private const string Permissions =
        "grant the worker's task role sqs:ReceiveMessage, sqs:DeleteMessage, sqs:ChangeMessageVisibility, sqs:GetQueueAttributes and sqs:SendMessage (to the dead-letter queue) on it";

    private const string MissingQueue =
        "the queue does not exist (deleted, or the URL names another account or region): deploy it (copilot/ or infra/), or point TaskManager:QueueUrl / COPILOT_QUEUE_URI at the right queue";

    private const string KmsKey =
        "the queue's KMS key cannot be used: grant the task role kms:Decrypt and kms:GenerateDataKey on it, and check that the key exists and is enabled";

    private const string Credentials =
        "AWS does not accept this worker's credentials: check the task role, or the AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY it is given";

    // Error codes of the query and JSON protocols that have no exception type of their own in AWSSDK.SQS.
    private static readonly Dictionary<string, string> ByErrorCode = new(StringComparer.Ordinal)
    {
        ["AccessDenied"] = "this worker may not read the queue: " + Permissions,
        ["AccessDeniedException"] = "this worker may not read the queue: " + Permissions,
        ["AWS.SimpleQueueService.NonExistentQueue"] = MissingQueue,
        ["QueueDoesNotExist"] = MissingQueue,
        ["InvalidAddress"] = "the queue URL is not valid: fix TaskManager:QueueUrl / COPILOT_QUEUE_URI",
        ["InvalidSecurity"] = "the request was not HTTPS or not signed with SigV4: fix AWS_ENDPOINT_URL",
        ["InvalidClientTokenId"] = Credentials,
        ["UnrecognizedClientException"] = Credentials,
        ["SignatureDoesNotMatch"] = Credentials,
        ["MissingAuthenticationToken"] = Credentials,
        ["OptInRequired"] = "the AWS account is not subscribed to SQS in this region: check AWS_REGION",
    };

    // What to fix, or null when the error may pass and the receive should be tried again.
    public static string? WhatToFix(Exception exception) => exception switch
    {
        QueueDoesNotExistException => MissingQueue,
        InvalidAddressException => ByErrorCode["InvalidAddress"],
        InvalidSecurityException => ByErrorCode["InvalidSecurity"],
        KmsAccessDeniedException or KmsDisabledException or KmsInvalidKeyUsageException or KmsInvalidStateException
            or KmsNotFoundException or KmsOptInRequiredException => KmsKey,
        UnsupportedOperationException => "the queue does not support this receive (a FIFO-only setting on a standard queue?): check the queue's type",
        AmazonServiceException { ErrorCode: { } code } when ByErrorCode.TryGetValue(code, out var fix) => fix,
        _ => null,
    };

    // Logs the one line that says what to fix and returns the exception that ends the consumer (exit code 1).
    public static QueueUnusableException Fail(string queueUrl, string whatToFix, Exception exception, ILogger logger)
    {
        var code = (exception as AmazonServiceException)?.ErrorCode ?? exception.GetType().Name;
        Log.QueueUnusable(logger, queueUrl, whatToFix, code, exception.Message);
        return new QueueUnusableException(queueUrl, whatToFix, exception);
    }
}
