using System.Text;
using Workers.Fleet;
using Workers.TaskManager.Aws;

namespace Workers.TaskManager.References;

/// <summary>
/// Which S3 objects a message may make this worker read: only objects in the fleet's bucket, under the prefix the
/// fleet's own writers use for this worker and this kind of reference (<see cref="FleetKeys"/>), with a key that
/// is not path-like. The TaskManager checks every envelope <c>bodyRef</c> and every <see cref="StoredFile"/> in a
/// body before the handler runs; a handler that reads another kind of reference checks it here too.
/// </summary>
public sealed class ReferencePolicy(BucketLocator bucket, FleetWorker worker)
{
    // Echoed parts of a refused reference are cut to this: the reason names the reference, it does not carry it.
    private const int MaxEchoed = 64;

    /// <summary>
    /// Throws a <see cref="PermanentTaskException"/> of kind <see cref="FailureKind.ForeignReference"/>, naming
    /// <paramref name="field"/> (its JSON path, e.g. <c>file</c>) and the rule broken, unless the reference may be read.
    /// </summary>
    public void Check(string field, string bucketName, string key, ReferenceKind kind)
    {
        ArgumentNullException.ThrowIfNull(bucketName);
        ArgumentNullException.ThrowIfNull(key);
        if (Broken(bucketName, key, kind) is { } rule)
        {
            throw new PermanentTaskException(
                $"The reference {Echo(field)} (s3://{Echo(bucketName)}/{Echo(key)}) was refused: {rule}. A message may only refer to objects the fleet wrote for this worker.",
                FailureKind.ForeignReference);
        }
    }

    /// <summary>As <see cref="Check(string, string, string, ReferenceKind)"/> for an uploaded file.</summary>
    public void Check(string field, StoredFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        Check(field, file.Bucket, file.Key, ReferenceKind.Upload);
    }

    internal string? Broken(string bucketName, string key, ReferenceKind kind)
    {
        if (!string.Equals(bucketName, bucket.Name, StringComparison.Ordinal))
        {
            return $"the bucket is not the fleet's bucket {bucket.Name}";
        }

        if (KeyRules.Broken(key) is { } rule)
        {
            return rule;
        }

        var prefix = FleetKeys.Prefix(kind, worker.Name);
        return key.Length > prefix.Length && key.StartsWith(prefix, StringComparison.Ordinal)
            ? null
            : $"the key is not under {prefix}";
    }

    // Attacker-chosen text in a reason and a log line: bounded, and with nothing that can break a line or hide.
    private static string Echo(string value)
    {
        var shown = new StringBuilder(Math.Min(value.Length, MaxEchoed) + 1);
        foreach (var c in value.AsSpan(0, Math.Min(value.Length, MaxEchoed)))
        {
            shown.Append(KeyRules.IsHidden(c) ? '?' : c);
        }

        return value.Length > MaxEchoed ? shown.Append('…').ToString() : shown.ToString();
    }
}
