using Amazon.S3;
using Workers.TaskManager;
using Workers.TaskManager.Aws;
using Workers.TaskManager.References;

namespace Workers.Cli.Enqueue;

// Uploads a task's input file to the fleet bucket, where the worker reads it (the body carries only where it is).
internal sealed class FileUploader(IAmazonS3 s3, BucketLocator bucket)
{
    public async Task<StoredFile> UploadAsync(string worker, string taskId, FileInfo file, CancellationToken cancellationToken)
    {
        var csv = file.Extension.Equals(".csv", StringComparison.OrdinalIgnoreCase);
        long? rows = csv ? await CsvRows.CountAsync(file, cancellationToken) : null;

        // Under the prefix the worker honours (FleetKeys), one folder per task.
        var key = FleetKeys.Upload(worker, taskId, file.Name);
        var name = bucket.Name;
        await using (var content = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true))
        {
            await S3Uploads.UploadAsync(s3, name, key, content, ContentType(file.Extension), cancellationToken);
        }

        return new StoredFile(name, key, file.Length, rows);
    }

    private static string ContentType(string extension) => extension.ToLowerInvariant() switch
    {
        ".csv" => "text/csv",
        ".json" => "application/json",
        ".txt" => "text/plain",
        _ => "application/octet-stream",
    };
}
