using System.Net;
using Amazon.S3;
using Amazon.SQS;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Workers.TaskManager.Outages;
using Workers.Testing;

namespace Workers.TaskManager.Tests.Units;

// Which failures are outages of a dependency (held, no receive spent) and which are the task's own (retried,
// dead-lettered after the third receive).
public sealed class DependencyFailuresTests
{
    public static TheoryData<string, string?> PostgresStates => new()
    {
        { "08006", "postgresql" }, // connection failure
        { "57P01", "postgresql" }, // admin shutdown: the server is stopping
        { "57P03", "postgresql" }, // cannot connect now: starting or recovering
        { "53300", "postgresql" }, // too many connections
        { "40001", null },         // serialization failure: the task's own contention
        { "40P01", null },         // deadlock
        { "23505", null },         // unique violation
        { "22003", null },         // numeric out of range
    };

    [Theory]
    [MemberData(nameof(PostgresStates))]
    public void A_PostgreSQL_error_is_an_outage_only_when_the_server_is_unreachable_or_unavailable(string sqlState, string? expected)
    {
        var error = new PostgresException("message", "ERROR", "ERROR", sqlState);

        Assert.Equal(expected, DependencyFailures.DependencyOf(error, out _));
        Assert.Equal(expected, DependencyFailures.DependencyOf(new DbUpdateException("saving failed", error), out _));
    }

    [Fact]
    public void A_connection_that_cannot_be_opened_is_a_PostgreSQL_outage_even_wrapped_by_EF_Core()
    {
        var refused = new NpgsqlException("Failed to connect to 127.0.0.1:5432", new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionRefused));

        Assert.Equal("postgresql", DependencyFailures.DependencyOf(new InvalidOperationException("An exception has been raised that is likely due to a transient failure.", refused), out _));
    }

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable, "SlowDown", "s3")]
    [InlineData(HttpStatusCode.InternalServerError, "InternalError", "s3")]
    [InlineData(HttpStatusCode.BadRequest, "RequestTimeout", "s3")]
    [InlineData(HttpStatusCode.NotFound, "NoSuchKey", null)]
    [InlineData(HttpStatusCode.Forbidden, "AccessDenied", null)]
    public void An_S3_error_is_an_outage_when_it_is_a_5xx_or_throttling(HttpStatusCode status, string code, string? expected)
    {
        var error = new AmazonS3Exception("message") { StatusCode = status, ErrorCode = code };

        Assert.Equal(expected, DependencyFailures.DependencyOf(error, out _));
    }

    [Fact]
    public void SQS_throttling_is_an_SQS_outage()
    {
        var error = new AmazonSQSException("Rate exceeded") { StatusCode = HttpStatusCode.BadRequest, ErrorCode = "ThrottlingException" };

        Assert.Equal("sqs", DependencyFailures.DependencyOf(error, out _));
    }

    [Fact]
    public void A_declared_outage_names_its_dependency_and_when_to_come_back()
    {
        var declared = new TransientDependencyException("smtp", "421 try again later", TimeSpan.FromSeconds(30));

        Assert.Equal("smtp", DependencyFailures.DependencyOf(new InvalidOperationException("sending failed", declared), out var retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(30), retryAfter);
    }

    [Fact]
    public void A_handler_bug_is_not_an_outage()
    {
        Assert.Null(DependencyFailures.DependencyOf(new NullReferenceException(), out _));
        Assert.Null(DependencyFailures.DependencyOf(new TimeoutException("the task ran past its timeout"), out _));
    }

    [Fact]
    public async Task A_timeout_that_struck_while_Npgsql_waited_on_the_server_is_a_suspected_PostgreSQL_outage()
    {
        // A real server that does not answer in time (here a statement that sleeps), cut off by the handler's token:
        // what a server that stopped answering looks like from inside a handler.
        var stack = await LocalStack.GetAsync();
        await using var connection = new NpgsqlConnection(stack.AdminConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var sleep = new NpgsqlCommand("SELECT pg_sleep(30)", connection);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var cancelled = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sleep.ExecuteNonQueryAsync(timeout.Token));

        // As TaskDispatcher reports a handler's timeout.
        var handlerTimeout = new TimeoutException("The updateStock handler ran past its timeout of 00:00:30 and was cancelled.", cancelled);

        // Only suspected: the probe decides (here it would find the server up, and the task fails as before).
        Assert.Equal(DependencyFailures.PostgreSql, DependencyFailures.Suspected(handlerTimeout));
        Assert.Null(DependencyFailures.DependencyOf(handlerTimeout, out _));
    }

    [Fact]
    public async Task A_timeout_of_the_handlers_own_work_is_not_suspected()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        var cancelled = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Task.Delay(Timeout.Infinite, timeout.Token));

        Assert.Null(DependencyFailures.Suspected(new TimeoutException("ran past its timeout", cancelled)));
    }
}
