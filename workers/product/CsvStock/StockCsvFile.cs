using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text;
using Amazon.S3;
using Amazon.S3.Model;
using CsvHelper;
using CsvHelper.Configuration;
using Workers.TaskManager;

namespace Workers.Product.CsvStock;

// A stock CSV streamed from S3: the object's response stream goes through CsvHelper's parser row by row, so a
// file of any size is read with one buffer and the chunk being applied in memory, never the whole file.
internal sealed class StockCsvFile : IDisposable
{
    private static readonly string[] Columns = ["store", "sku", "quantity"];

    private readonly GetObjectResponse _response;
    private readonly CsvParser _parser;
    private readonly int[] _columnIndexes;
    private readonly string _location;
    private int _fieldsNeeded;
    private string? _badData;

    private StockCsvFile(GetObjectResponse response, string location)
    {
        _response = response;
        _location = location;
        var reader = new StreamReader(response.ResponseStream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        _parser = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            TrimOptions = TrimOptions.Trim,
            // A stray quote spoils one row, not the file: the row is rejected with its line number.
            BadDataFound = args => _badData ??= args.Field,
        });
        _columnIndexes = new int[Columns.Length];
    }

    // Opens the object and checks its header. A missing object or a wrong header is a permanent failure. The
    // TaskManager has already refused a file outside the product worker's uploads (ReferencePolicy), so what is
    // read and echoed here comes from the fleet's own bucket.
    public static async Task<StockCsvFile> OpenAsync(IAmazonS3 s3, StoredFile file, CancellationToken cancellationToken)
    {
        var location = $"s3://{file.Bucket}/{file.Key}";
        GetObjectResponse response;
        try
        {
            response = await s3.GetObjectAsync(file.Bucket, file.Key, cancellationToken);
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            throw new PermanentTaskException($"The stock CSV {location} does not exist ({ex.ErrorCode}).", ex);
        }

        var csv = new StockCsvFile(response, location);
        try
        {
            await csv.ReadHeaderAsync();
            return csv;
        }
        catch
        {
            csv.Dispose();
            throw;
        }
    }

    public async IAsyncEnumerable<StockCsvRow> ReadRowsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (await _parser.ReadAsync())
        {
            cancellationToken.ThrowIfCancellationRequested();
            // RawRow is the line the record ends on: its line, unless a quoted field spans lines.
            var line = _parser.RawRow;
            if (_badData is not null)
            {
                yield return new StockCsvRow(line, "", "", "", $"malformed CSV near '{_badData}' (a quote inside an unquoted field?)");
                _badData = null;
                continue;
            }

            if (_parser.Count < _fieldsNeeded)
            {
                yield return new StockCsvRow(line, "", "", "", $"{_parser.Count} field(s) where the header has {_fieldsNeeded}");
                continue;
            }

            yield return new StockCsvRow(line, _parser[_columnIndexes[0]], _parser[_columnIndexes[1]], _parser[_columnIndexes[2]]);
        }
    }

    public void Dispose()
    {
        _parser.Dispose();
        _response.Dispose();
    }

    private async Task ReadHeaderAsync()
    {
        if (!await _parser.ReadAsync())
        {
            throw new PermanentTaskException($"The stock CSV {_location} is empty; it needs the header {string.Join(',', Columns)}.");
        }

        var header = _parser.Record ?? [];
        for (var i = 0; i < Columns.Length; i++)
        {
            _columnIndexes[i] = Array.FindIndex(header, h => string.Equals(h, Columns[i], StringComparison.OrdinalIgnoreCase));
            if (_columnIndexes[i] < 0)
            {
                throw new PermanentTaskException(
                    $"The stock CSV {_location} has the header '{string.Join(',', header)}'; it needs the columns {string.Join(',', Columns)}.");
            }
        }

        _fieldsNeeded = _columnIndexes.Max() + 1;
    }
}
