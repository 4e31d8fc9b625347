using Workers.TaskManager.Persistence;

namespace Workers.Cli.Following;

// Shows a task's progress while `follow` runs; `follow` reports each new reading through the callback.
internal interface IProgressView
{
    Task<T> ShowAsync<T>(Func<Action<TaskProgress?>, Task<T>> follow);
}
