namespace Workers.TaskManager;

/// <summary>
/// A file a task refers to by its S3 location instead of carrying it (a stock CSV, say). <c>workers enqueue
/// --file</c> uploads the file and puts this in the body's <c>file</c> member.
/// </summary>
/// <param name="Bucket">The S3 bucket.</param>
/// <param name="Key">The object key.</param>
/// <param name="Size">Bytes, when known.</param>
/// <param name="Rows">Data rows (lines after a header), when the uploader counted them; used for progress totals.</param>
public sealed record StoredFile(string Bucket, string Key, long? Size = null, long? Rows = null);
