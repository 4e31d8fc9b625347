using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.SQS;
using Npgsql;

namespace Workers.TaskManager.Outages;

// Tells a dependency outage from a failure of the task: the first says nothing about the message, so retrying it
// must not spend its receives. Walks the exception and its inner exceptions (EF Core and the AWS SDK wrap).
internal static class DependencyFailures
{
    public const string PostgreSql = "postgresql";
    public const string S3 = "s3";
    public const string Sqs = "sqs";
    public const string Aws = "aws";

    // AWS error codes that mean "slow down", whatever the service.
    // https://docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html
    private static readonly HashSet<string> Throttling = new(StringComparer.Ordinal)
    {
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottled", "RequestThrottledException",
        "TooManyRequestsException", "RequestLimitExceeded", "SlowDown", "ProvisionedThroughputExceededException",
        "BandwidthLimitExceeded", "RequestTimeout", "RequestTimeoutException", "ServiceUnavailable",
        "InternalError", "InternalFailure",
    };

    /// <summary>The dependency that is down, or null when the failure is the task's own.</summary>
    public static string? DependencyOf(Exception exception, out TimeSpan? retryAfter)
    {
        retryAfter = null;
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case TransientDependencyException declared:
                    retryAfter = declared.RetryAfter;
                    return declared.Dependency;
                case PostgresException postgres:
                    return IsPostgresOutage(postgres.SqlState) ? PostgreSql : null;
                case NpgsqlException npgsql when npgsql.IsTransient:
                    // A connection that could not be opened, broke, or timed out: the server, not the statement.
                    return PostgreSql;
                case AmazonServiceException aws when IsAwsOutage(aws):
                    return ServiceOf(aws);
                case AmazonClientException client when client.InnerException is HttpRequestException or SocketException or IOException:
                    return ServiceOf(client);
                case AggregateException { InnerExceptions.Count: 1 } aggregate:
                    return DependencyOf(aggregate.InnerExceptions[0], out retryAfter);
                default:
                    break;
            }
        }

        return null;
    }

    // A failure that may be an outage in disguise: Npgsql reports a connection the server ended in the middle of
    // a transaction as "Transaction is already completed" (an InvalidOperationException with no inner exception)
    // on the next command. The caller asks the dependency's probe before holding on such a guess.
    //
    // Likewise a handler timeout that struck while Npgsql was waiting on the server (opening a connection, reading
    // a reply): a server that stops answering during a shutdown or a failover looks like this before any
    // connection error arrives, and without the probe's answer the task would spend a receive on it.
    public static string? Suspected(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is InvalidOperationException && e.Source == "Npgsql")
            {
                return PostgreSql;
            }

            if (e is OperationCanceledException && e.StackTrace?.Contains("at Npgsql.", StringComparison.Ordinal) == true)
            {
                return PostgreSql;
            }
        }

        return null;
    }

    // Class 08 connection exceptions; too many connections; the server shutting down, crashed, or not yet
    // accepting connections (a restart or failover); out of resources. Serialization failures and deadlocks are
    // transient too, but they are the task's own contention: they retry as task failures.
    // https://www.postgresql.org/docs/current/errcodes-appendix.html
    private static bool IsPostgresOutage(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal)
        || sqlState is "53300" or "53200" or "53100" or "57P01" or "57P02" or "57P03" or "58000" or "58030";

    private static bool IsAwsOutage(AmazonServiceException e) =>
        (int)e.StatusCode >= 500
        || e.StatusCode == HttpStatusCode.TooManyRequests
        || (e.ErrorCode is { } code && Throttling.Contains(code))
        || e.InnerException is HttpRequestException or SocketException or IOException;

    // A network failure below the SDK does not say which service it was calling: one "aws" circuit for those.
    private static string ServiceOf(Exception e) => e switch
    {
        AmazonS3Exception => S3,
        AmazonSQSException => Sqs,
        _ => Aws,
    };
}
