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
    private const string StackRunning = "Is the local stack running (workers stack start)?";
    private const string DatabaseHint = StackRunning + " Otherwise check ConnectionStrings__Workers.";
    private const string AwsHint = StackRunning + " Otherwise check AWS_ENDPOINT_URL.";

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

        var database = Find<NpgsqlException>(exception);
        if (Find<SocketException>(exception) is { } socket)
        {
            return database is not null
                ? ($"cannot reach PostgreSQL: {socket.Message}. {DatabaseHint}", ExitCodes.Failure, true)
                : ($"cannot reach the AWS endpoint: {socket.Message}. {AwsHint}", ExitCodes.Failure, true);
        }

        if (database is not null)
        {
            return ($"cannot use the database: {database.Message} {DatabaseHint}", ExitCodes.Failure, true);
        }

        if (Find<HttpRequestException>(exception) is { } http)
        {
            return ($"cannot reach the AWS endpoint: {http.Message} {AwsHint}", ExitCodes.Failure, true);
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
