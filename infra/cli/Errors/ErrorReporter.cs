using System.Net.Sockets;
using Amazon.Runtime;
using Amazon.SQS.Model;
using Microsoft.Extensions.Options;
using Npgsql;
using Spectre.Console;

namespace Workers.Cli.Errors;

// Turns an exception into one red line and an exit code. Mistakes an operator can fix say what to do and show
// no stack trace; anything else is labelled unexpected and points at --verbose.
internal sealed class ErrorReporter(IAnsiConsole errors, bool verbose)
{
    private const string StackHint = "Is the local stack running (workers stack start)? Otherwise check AWS_ENDPOINT_URL and ConnectionStrings__Workers.";

    public int Report(Exception exception)
    {
        var (message, exitCode, expected) = Classify(exception);
        errors.MarkupLineInterpolated($"[red]error: {message}[/]");
        if (verbose)
        {
            errors.WriteLine(exception.ToString());
        }
        else if (!expected)
        {
            errors.MarkupLine("[grey]run with --verbose for details[/]");
        }

        return exitCode;
    }

    private static (string Message, int ExitCode, bool Expected) Classify(Exception exception)
    {
        switch (exception)
        {
            case CliException cli:
                return (cli.Message, cli.ExitCode, true);
            case OptionsValidationException options:
                return ($"invalid configuration: {string.Join(" ", options.Failures)}", ExitCodes.Failure, true);
            case InvalidOperationException { InnerException: QueueDoesNotExistException }:
                // QueueDirectory's message names the queue, the environment and how to create it.
                return (exception.Message, ExitCodes.Failure, true);
            case QueueDoesNotExistException:
                return ($"the queue does not exist: {exception.Message}", ExitCodes.Failure, true);
            case PostgresException { SqlState: PostgresErrorCodes.UndefinedTable }:
                return ("the database has no TaskManager tables: run a worker's migrate command against it first.", ExitCodes.Failure, true);
            case PostgresException postgres:
                return ($"PostgreSQL refused: {postgres.MessageText} ({postgres.SqlState}).", ExitCodes.Failure, true);
        }

        if (Find<SocketException>(exception) is { } socket)
        {
            var service = Find<NpgsqlException>(exception) is not null ? "PostgreSQL" : "the AWS endpoint";
            return ($"cannot reach {service}: {socket.Message}. {StackHint}", ExitCodes.Failure, true);
        }

        if (Find<NpgsqlException>(exception) is { } npgsql)
        {
            return ($"cannot use the database: {npgsql.Message} {StackHint}", ExitCodes.Failure, true);
        }

        if (Find<HttpRequestException>(exception) is { } http)
        {
            return ($"cannot reach the AWS endpoint: {http.Message} {StackHint}", ExitCodes.Failure, true);
        }

        if (exception is AmazonServiceException aws)
        {
            return ($"AWS refused the request: {aws.ErrorCode}: {aws.Message}", ExitCodes.Failure, true);
        }

        return ($"unexpected {exception.GetType().Name}: {exception.Message}", ExitCodes.Failure, false);
    }

    private static T? Find<T>(Exception? exception)
        where T : Exception
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is T found)
            {
                return found;
            }
        }

        return null;
    }
}
