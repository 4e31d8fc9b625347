using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Workers.TaskManager.References;

/// <summary>
/// The one home of the S3 keys the fleet writes for a worker: the publisher's claim checks and the CLI's uploads.
/// The writers build their keys here and <see cref="ReferencePolicy"/> honours a reference only under the same
/// prefixes, so the two cannot drift apart.
/// </summary>
public static class FleetKeys
{
    /// <summary>Where claim-checked bodies live; the bucket's lifecycle rule (infra/render) expires objects under it.</summary>
    public const string ClaimCheckRoot = "claim-checks/";

    /// <summary>Where uploaded task files live.</summary>
    public const string UploadRoot = "uploads/";

    // A task id or file name longer than this is shortened (with a digest, so distinct ids stay distinct): the
    // whole key must stay under KeyRules.MaxKeyLength.
    private const int MaxSegmentLength = 128;
    private const int DigestChars = 16;

    private static readonly SearchValues<char> PlainCharacters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.");

    /// <summary>The prefix under which references of <paramref name="kind"/> for <paramref name="worker"/> are honoured.</summary>
    public static string Prefix(ReferenceKind kind, string worker) => kind switch
    {
        ReferenceKind.ClaimCheck => $"{ClaimCheckRoot}{worker}/",
        ReferenceKind.Upload => $"{UploadRoot}{worker}/",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The key of a claim-checked body: <c>claim-checks/&lt;worker&gt;/&lt;task id&gt;.json</c>.</summary>
    public static string ClaimCheck(string worker, string taskId) =>
        $"{Prefix(ReferenceKind.ClaimCheck, worker)}{Segment(taskId)}.json";

    /// <summary>
    /// The key of a task's uploaded file: <c>uploads/&lt;worker&gt;/&lt;task id&gt;/&lt;file name&gt;</c>, one folder per
    /// task so a retried enqueue with the same task id overwrites its own upload and nothing else.
    /// </summary>
    public static string Upload(string worker, string taskId, string fileName) =>
        $"{Prefix(ReferenceKind.Upload, worker)}{Segment(taskId)}/{FileName(fileName)}";

    // A task id is used as it is when it is made of characters safe in any key; anything else (a '/', '%', a
    // space, a control character, ".." ...) would make a key the policy refuses, so such an id is reduced to its
    // safe characters plus a digest of the whole id.
    internal static string Segment(string value)
    {
        if (IsPlain(value) && value.Length <= MaxSegmentLength)
        {
            return value;
        }

        var readable = Sanitize(value, MaxSegmentLength - DigestChars - 1);
        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..DigestChars];
        return $"{readable}-{digest}";
    }

    // File names are for people reading the bucket; the task's folder already makes the key unique.
    private static string FileName(string name)
    {
        if (IsPlain(name) && name.Length <= MaxSegmentLength)
        {
            return name;
        }

        var extension = Path.GetExtension(name);
        extension = IsPlain(extension) && extension.Length <= 16 ? extension : "";
        var stem = Sanitize(name[..^extension.Length], MaxSegmentLength - extension.Length);
        return stem is "" or "_" ? "file" + extension : stem + extension;
    }

    private static bool IsPlain(string value) =>
        value is not ("" or "." or "..") && value.AsSpan().IndexOfAnyExcept(PlainCharacters) < 0;

    private static string Sanitize(string value, int maxLength)
    {
        var builder = new StringBuilder(Math.Min(value.Length, maxLength));
        foreach (var c in value.AsSpan(0, Math.Min(value.Length, maxLength)))
        {
            builder.Append(PlainCharacters.Contains(c) && c != '.' ? c : '_');
        }

        return builder.ToString();
    }
}
