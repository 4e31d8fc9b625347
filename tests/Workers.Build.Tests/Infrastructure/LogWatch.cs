using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Workers.Build.Tests.Infrastructure;

// A logger that keeps every line and lets a test await a line it expects, instead of sleeping until it comes.
// Lines also go to the test's output.
internal sealed class LogWatch : ILoggerProvider
{
    private readonly ConcurrentQueue<LogLine> _lines = new();
    private readonly List<Waiter> _waiters = [];
    private readonly Lock _gate = new();
    private readonly ITestOutputHelper? _output = TestContext.Current.TestOutputHelper;

    public IReadOnlyCollection<LogLine> Lines => _lines;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    // Completes with the n-th line (already written or to come) that matches.
    public Task<LogLine> WaitForAsync(Func<LogLine, bool> match, int occurrence = 1)
    {
        var found = new TaskCompletionSource<LogLine>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            var seen = _lines.Where(match).ToList();
            if (seen.Count >= occurrence)
            {
                return Task.FromResult(seen[occurrence - 1]);
            }

            _waiters.Add(new Waiter(match, occurrence - seen.Count, found));
        }

        return found.Task.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
    }

    // Child lines of "build started" for this source, one per build, with the building process's pid.
    public Task<LogLine> BuildStartedAsync(string source, int occurrence = 1) =>
        WaitForAsync(l => l.Message.Contains("build started", StringComparison.Ordinal)
            && l.Message.Contains($"\"source\":\"{source}\"", StringComparison.Ordinal), occurrence);

    public void Dispose()
    {
    }

    private void Add(LogLine line)
    {
        List<TaskCompletionSource<LogLine>> found = [];
        lock (_gate)
        {
            _lines.Enqueue(line);
            foreach (var waiter in _waiters.Where(w => w.Match(line)).ToList())
            {
                if (--waiter.Left == 0)
                {
                    _waiters.Remove(waiter);
                    found.Add(waiter.Found);
                }
            }
        }

        found.ForEach(f => f.TrySetResult(line));
        try
        {
            _output?.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {line.Level} {line.Message}");
        }
        catch (InvalidOperationException)
        {
            // The test has finished; its output is closed.
        }
    }

    private sealed class Waiter(Func<LogLine, bool> match, int left, TaskCompletionSource<LogLine> found)
    {
        public Func<LogLine, bool> Match { get; } = match;

        public int Left { get; set; } = left;

        public TaskCompletionSource<LogLine> Found { get; } = found;
    }

    private sealed class Logger(LogWatch watch, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var fields = new Dictionary<string, object?>(StringComparer.Ordinal);
            if (state is IReadOnlyList<KeyValuePair<string, object?>> values)
            {
                foreach (var (key, value) in values)
                {
                    fields[key] = value;
                }
            }

            watch.Add(new LogLine(logLevel, category, formatter(state, exception), fields.GetValueOrDefault("Pid") as int?, eventId.Id, fields));
        }
    }
}

// One log line with its structured fields ([LoggerMessage] placeholders by name) and event id (Log.cs).
internal sealed record LogLine(LogLevel Level, string Category, string Message, int? Pid, int EventId, IReadOnlyDictionary<string, object?> Fields)
{
    public string? Field(string name) => Fields.GetValueOrDefault(name)?.ToString();
}
