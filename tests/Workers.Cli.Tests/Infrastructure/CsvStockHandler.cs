using System.Globalization;
using System.Runtime.CompilerServices;
using Amazon.S3;
using Workers.TaskManager;

namespace Workers.Cli.Tests.Infrastructure;

// csvStock for the in-process test worker: streams "sku,quantity" rows from the uploaded file, with the row
// count the CLI put in the body as the progress total.
internal sealed class CsvStockHandler(IAmazonS3 s3) : ITaskHandler<CsvStock>
{
    public Task HandleAsync(TaskContext<CsvStock> task, CancellationToken cancellationToken) =>
        task.ProcessItemsAsync(ReadAsync(task.Body.File, cancellationToken), StockRules.ApplyAsync, task.Body.File.Rows, cancellationToken);

    private async IAsyncEnumerable<StockLine> ReadAsync(StoredFile file, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var response = await s3.GetObjectAsync(file.Bucket, file.Key, cancellationToken);
        using var reader = new StreamReader(response.ResponseStream);
        await reader.ReadLineAsync(cancellationToken);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            var comma = line.IndexOf(',', StringComparison.Ordinal);
            yield return new StockLine(line[..comma], int.Parse(line[(comma + 1)..], CultureInfo.InvariantCulture));
        }
    }
}
