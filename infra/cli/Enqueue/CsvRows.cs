namespace Workers.Cli.Enqueue;

// Counts a CSV file's data rows (records after the header) for the task's progress total, streaming: an import
// may be hundreds of thousands of rows. Line breaks inside quoted fields do not end a record, and blank lines
// are not records, as CSV readers treat them.
internal static class CsvRows
{
    private const int BufferSize = 1 << 16;

    public static async Task<long> CountAsync(FileInfo file, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(file.FullName, new FileStreamOptions { BufferSize = BufferSize, Options = FileOptions.SequentialScan | FileOptions.Asynchronous });
        var buffer = new char[BufferSize];
        long records = 0;
        bool quoted = false, content = false;
        int read;
        while ((read = await reader.ReadAsync(buffer, cancellationToken)) > 0)
        {
            foreach (var c in buffer.AsSpan(0, read))
            {
                switch (c)
                {
                    case '"':
                        // An escaped quote ("") flips twice, so it leaves the state as it was.
                        quoted = !quoted;
                        content = true;
                        break;
                    case '\n' when !quoted:
                        records += content ? 1 : 0;
                        content = false;
                        break;
                    case '\r' or ' ' or '\t' when !quoted:
                        break;
                    default:
                        content = true;
                        break;
                }
            }
        }

        records += content ? 1 : 0;
        return Math.Max(0, records - 1);
    }
}
