using Microsoft.Extensions.Options;

namespace Workers.Hosting;

/// <summary>How a worker's process reports the failure that ends it.</summary>
public static class WorkerExit
{
    /// <summary>
    /// Logs <paramref name="exception"/> as fatal and returns the exit code 1. Invalid configuration is a mistake
    /// to fix, not a crash: it is logged as one line listing every problem, without a stack trace.
    /// </summary>
    public static int Crashed(Exception exception, string worker)
    {
        var invalid = exception switch
        {
            OptionsValidationException options => [options],
            AggregateException aggregate when aggregate.InnerExceptions.All(e => e is OptionsValidationException) =>
                aggregate.InnerExceptions.Cast<OptionsValidationException>().ToList(),
            _ => null,
        };
        if (invalid is { Count: > 0 })
        {
            Serilog.Log.Fatal("The {Worker} worker cannot start: its configuration is invalid: {Errors}", worker, invalid.SelectMany(e => e.Failures).ToList());
        }
        else
        {
            Serilog.Log.Fatal(exception, "The {Worker} worker stopped unexpectedly", worker);
        }

        return 1;
    }
}
