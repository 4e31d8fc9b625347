using Xunit;

namespace Workers.Testing;

/// <summary>
/// Base of the integration tests: every test (xunit makes one instance per test) gets its own FIFO queue,
/// dead-letter queue and database on the real local stack in <see cref="InitializeAsync"/>, removed in
/// <see cref="DisposeAsync"/>.
/// </summary>
public abstract class StackTest : IAsyncLifetime
{
    /// <summary>The stack, started or reused.</summary>
    protected LocalStack Stack { get; private set; } = null!;

    /// <summary>This test's queue and dead-letter queue.</summary>
    protected TestQueues Queues { get; private set; } = null!;

    /// <summary>This test's database.</summary>
    protected TestDatabase Database { get; private set; } = null!;

    /// <summary>The test's cancellation (a test that times out is cancelled).</summary>
    protected static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>The migrations this test's database starts with.</summary>
    protected abstract TestMigrations Migrations { get; }

    /// <summary>The queue's visibility timeout.</summary>
    protected virtual int QueueVisibilityTimeoutSeconds => 30;

    /// <summary>Whether the queue is FIFO.</summary>
    protected virtual bool Fifo => true;

    /// <inheritdoc />
    public virtual async ValueTask InitializeAsync()
    {
        Stack = await LocalStack.GetAsync();
        var prefix = GetType().Name.ToLowerInvariant();
        Queues = await TestQueues.CreateAsync(Stack.Sqs, prefix[..Math.Min(12, prefix.Length)], Fifo, QueueVisibilityTimeoutSeconds);
        Database = await CreateDatabaseAsync();
    }

    /// <summary>Creates this test's database; on the stack's server unless a test needs one of its own.</summary>
    protected virtual Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.CreateAsync(Stack, Migrations.Ids, Migrations.ApplyAsync);

    /// <inheritdoc />
    public virtual async ValueTask DisposeAsync()
    {
        await Queues.DisposeAsync();
        await Database.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
