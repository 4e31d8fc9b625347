namespace Workers.Cli.DeadLetters;

// Shows a redrive's progress while `move` runs; `move` reports each reading through the callback.
internal interface IRedriveView
{
    Task ShowAsync(long total, Func<Action<RedriveProgress>, Task> move);
}
