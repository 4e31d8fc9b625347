using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Npgsql;
using NpgsqlTypes;
using Workers.TaskManager.Outbox;
using static Workers.TaskManager.Persistence.Tables.SqlParameters;

namespace Workers.TaskManager.Persistence.Tables;

// Every statement on taskmanager.outbox, and its EF mapping (for the migrations and operators' reads). The
// writes run on the caller's own connection and transaction (a step's, or the caller's of TaskOutbox), so the
// rows commit, or roll back, with the effects that caused them; pg_notify is delivered on that commit.
//
// A row's publisher is its source worker, or its target when code outside a worker wrote it ("scope" below):
// each worker's dispatcher publishes the rows of its scope, in id order.
internal static class OutboxTable
{
    public const string Name = "outbox";

    // The NOTIFY channel; the payload is the publisher's name, so a dispatcher wakes only for its own rows.
    public const string Channel = "taskmanager_outbox";

    // The first key of the two-key advisory lock (the second is the publisher's hash): "outb" in ASCII, so the
    // lock cannot collide with another user of one-key or two-key advisory locks by accident.
    private const int LockClass = 0x6F757462;

    private const string Scope = "(o.source_worker = $1 OR (o.source_worker IS NULL AND o.target_worker = $1))";

    // A row behind a failed row of its group (same target, same group, lower id, not yet sent) waits for it, so a
    // group's order survives a failure; other groups go on.
    private const string NotHeld = """
        NOT EXISTS (
            SELECT 1 FROM taskmanager.outbox e
            WHERE e.sent_at IS NULL AND e.attempts > 0 AND e.target_worker = o.target_worker
              AND e.group_id = o.group_id AND e.id < o.id)
        """;

    public static void Configure(EntityTypeBuilder<OutboxRecord> outbox)
    {
        outbox.ToTable(Name);
        outbox.HasKey(o => o.Id);
        outbox.Property(o => o.Id).UseIdentityByDefaultColumn();
        outbox.Property(o => o.TaskId).HasMaxLength(128);
        outbox.Property(o => o.SourceWorker).HasMaxLength(64);
        outbox.Property(o => o.TargetWorker).HasMaxLength(64);
        outbox.Property(o => o.TaskType).HasMaxLength(128);
        outbox.Property(o => o.GroupId).HasMaxLength(128);
        outbox.Property(o => o.TraceParent).HasMaxLength(64);
        outbox.HasIndex(o => o.TaskId).IsUnique();

        // The dispatcher's questions: what is due (and when is the next), which groups are held behind a failed
        // row, which sent rows are past retention. Partial, so they stay as small as the pending set.
        outbox.HasIndex(o => o.DueAt).HasFilter("sent_at IS NULL");
        outbox.HasIndex(o => new { o.TargetWorker, o.GroupId, o.Id }).HasFilter("sent_at IS NULL AND attempts > 0");
        outbox.HasIndex(o => o.SentAt).HasFilter("sent_at IS NOT NULL");
    }

    // Rows in the order given (ids follow it: WITH ORDINALITY + ORDER BY), then one notification per publisher.
    // A task id already in the table is a repeat of the same task and is not written again.
    public static NpgsqlBatch Insert(NpgsqlConnection connection, NpgsqlTransaction? transaction, string? source, IReadOnlyList<OutboxEntry> entries)
    {
        var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(Command(
            """
            INSERT INTO taskmanager.outbox (task_id, source_worker, target_worker, task_type, group_id, body, due_at, created_at, attempts, trace_parent)
            SELECT t, $1, w, ty, g, b, COALESCE(d, now()), now(), 0, tp
            FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[], $8::text[]) WITH ORDINALITY AS x(t, w, ty, g, b, d, tp, n)
            ORDER BY n
            ON CONFLICT (task_id) DO NOTHING
            """,
            Text(source),
            TextArray(entries.Select(e => e.TaskId)),
            TextArray(entries.Select(e => e.Target)),
            TextArray(entries.Select(e => e.TaskType)),
            TextArray(entries.Select(e => e.GroupId)),
            TextArray(entries.Select(e => e.Body)),
            new NpgsqlParameter { Value = entries.Select(e => e.DueAt?.UtcDateTime).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz },
            TextArray(entries.Select(e => e.TraceParent))));
        var publishers = source is not null ? [source] : entries.Select(e => e.Target).Distinct(StringComparer.Ordinal).ToArray();
        batch.BatchCommands.Add(Command("SELECT pg_notify($1, p) FROM unnest($2::text[]) AS p", Text(Channel), TextArray(publishers)));
        return batch;
    }

    // True when the row was still pending. A row being published right now is locked by the dispatcher: the
    // DELETE waits for its commit, then finds it sent and deletes nothing.
    public static NpgsqlCommand Cancel(NpgsqlConnection connection, NpgsqlTransaction? transaction, string taskId) =>
        new("DELETE FROM taskmanager.outbox WHERE task_id = $1 AND sent_at IS NULL", connection, transaction)
        {
            Parameters = { Text(taskId) },
        };

    // One publisher at a time per scope, for the length of the transaction: rows leave in id order.
    public static NpgsqlCommand TryLock(NpgsqlConnection connection, NpgsqlTransaction transaction, string publisher) =>
        new("SELECT pg_try_advisory_xact_lock($1, hashtext($2))", connection, transaction)
        {
            Parameters = { Value(LockClass), Text(publisher) },
        };

    // Due rows of the scope in id order (those not held behind a failed row), locked until the transaction ends.
    public static NpgsqlCommand SelectDue(NpgsqlConnection connection, NpgsqlTransaction transaction, string publisher, int limit) =>
        new($"""
            SELECT o.id, o.task_id, o.target_worker, o.task_type, o.group_id, o.body, o.trace_parent
            FROM taskmanager.outbox o
            WHERE o.sent_at IS NULL AND o.due_at <= now() AND {Scope}
              AND {NotHeld}
            ORDER BY o.id
            LIMIT $2
            FOR UPDATE OF o SKIP LOCKED
            """, connection, transaction)
        {
            Parameters = { Text(publisher), Value(limit) },
        };

    public static OutboxRow ReadRow(NpgsqlDataReader reader) =>
        new(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
            reader.IsDBNull(6) ? null : reader.GetString(6));

    public static NpgsqlCommand MarkSent(NpgsqlConnection connection, NpgsqlTransaction transaction, IEnumerable<long> ids) =>
        new("UPDATE taskmanager.outbox SET sent_at = clock_timestamp() WHERE id = ANY($1)", connection, transaction)
        {
            Parameters = { Value<long[]>([.. ids]) },
        };

    // A failed row is due again after a backoff that doubles with its attempts, up to maxDelay.
    public static NpgsqlCommand RecordFailures(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        IReadOnlyList<(long Id, string Error)> failures,
        TimeSpan baseDelay,
        TimeSpan maxDelay) =>
        new("""
            UPDATE taskmanager.outbox o
            SET attempts = o.attempts + 1, last_error = f.error,
                due_at = now() + LEAST($3 * power(2, o.attempts), $4)
            FROM unnest($1::bigint[], $2::text[]) AS f(id, error)
            WHERE o.id = f.id
            """, connection, transaction)
        {
            Parameters =
            {
                Value<long[]>([.. failures.Select(f => f.Id)]),
                TextArray(failures.Select(f => f.Error)),
                Value(baseDelay),
                Value(maxDelay),
            },
        };

    // Seconds until the scope's next publishable row is due (≤ 0: due now), or null when nothing is pending.
    public static NpgsqlCommand SecondsUntilNextDue(NpgsqlConnection connection, string publisher) =>
        new($"SELECT EXTRACT(EPOCH FROM min(o.due_at) - now())::float8 FROM taskmanager.outbox o WHERE o.sent_at IS NULL AND {Scope} AND {NotHeld}", connection)
        {
            Parameters = { Text(publisher) },
        };

    // At most `limit` of the scope's rows sent before the retention; the caller repeats while a batch comes back full.
    public static NpgsqlCommand DeleteSent(NpgsqlConnection connection, string publisher, TimeSpan retention, int limit) =>
        new($"""
            DELETE FROM taskmanager.outbox WHERE id IN (
                SELECT o.id FROM taskmanager.outbox o
                WHERE o.sent_at IS NOT NULL AND o.sent_at < now() - $2 AND {Scope}
                ORDER BY o.sent_at LIMIT $3)
            """, connection)
        {
            Parameters = { Text(publisher), Value(retention), Value(limit) },
        };
}
