using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace Workers.Build.Pool;

// The JSON-lines conversation with one build server (workers/build/node/PROTOCOL.md): requests are written to
// its stdin with a fresh id; the read loop matches each stdout line to the waiting request by id. The first
// line must be the ready handshake. When stdout ends, every waiting request fails: the process is gone.
internal sealed class JsonLinesChannel(Stream input, Stream output, ILogger logger, int pid)
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly ConcurrentDictionary<string, TaskCompletionSource<JsonElement>> _pending = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource<JsonElement> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private long _nextId;
    private volatile string? _closed;

    // The ready line's root object; faults if stdout ends first.
    public Task<JsonElement> Ready => _ready.Task;

    public async Task ReadLoopAsync()
    {
        using var reader = new StreamReader(output, Utf8, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
        try
        {
            while (await reader.ReadLineAsync() is { } line)
            {
                Dispatch(line);
            }
        }
        catch (IOException ex)
        {
            Log.ChannelReadFailed(logger, pid, ex);
        }
        finally
        {
            Close("its stdout closed (the process exited)");
        }
    }

    public async Task<JsonElement> RequestAsync(JsonObject request, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);
        request["id"] = id;
        var answer = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = answer;
        try
        {
            if (_closed is { } reason)
            {
                throw new NodeProcessException($"Build server {pid} is gone: {reason}.", NodeProcessFailure.Exited);
            }

            var bytes = Utf8.GetBytes(request.ToJsonString() + "\n");
            await _writeLock.WaitAsync(cancellationToken);
            try
            {
                await input.WriteAsync(bytes, cancellationToken);
                await input.FlushAsync(cancellationToken);
            }
            catch (IOException ex)
            {
                throw new NodeProcessException($"Build server {pid} does not take requests: {ex.Message}", NodeProcessFailure.Exited, ex);
            }
            finally
            {
                _writeLock.Release();
            }

            try
            {
                return await answer.Task.WaitAsync(timeout, time, cancellationToken);
            }
            catch (TimeoutException ex)
            {
                throw new NodeProcessException($"Build server {pid} did not answer '{request["cmd"]}' within {timeout.TotalSeconds:0.###} s.", NodeProcessFailure.Timeout, ex);
            }
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    private void Dispatch(string line)
    {
        JsonElement message;
        try
        {
            using var document = JsonDocument.Parse(line);
            message = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            Log.ChannelNotJson(logger, pid, line.Length > 200 ? line[..200] : line);
            return;
        }

        if (!_ready.Task.IsCompleted)
        {
            if (message.ValueKind == JsonValueKind.Object && message.TryGetProperty("type", out var type) && type.ValueEquals("ready"))
            {
                _ready.TrySetResult(message);
            }
            else
            {
                _ready.TrySetException(new NodeProcessException($"Build server {pid} sent something else than the ready line first.", NodeProcessFailure.Protocol));
            }

            return;
        }

        if (message.ValueKind == JsonValueKind.Object && message.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
            && _pending.TryRemove(id.GetString()!, out var waiting))
        {
            waiting.TrySetResult(message);
            return;
        }

        // A PROTOCOL_ERROR without id, or an answer to a request that already timed out.
        Log.ChannelUnmatched(logger, pid, line.Length > 200 ? line[..200] : line);
    }

    private void Close(string reason)
    {
        _closed = reason;
        _ready.TrySetException(new NodeProcessException($"Build server {pid} is gone: {reason}.", NodeProcessFailure.Exited));

        // These requests were written and waited for their answers: the process died while holding them.
        var failure = new NodeProcessException($"Build server {pid} is gone: {reason}.", NodeProcessFailure.ExitedDuringRequest);
        foreach (var waiting in _pending.Values)
        {
            waiting.TrySetException(failure);
        }
    }
}
