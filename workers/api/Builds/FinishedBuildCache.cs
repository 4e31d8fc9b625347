using Microsoft.Extensions.Caching.Memory;

namespace Workers.Api.Builds;

// Finished builds, kept in memory: a record that reached succeeded or failed never changes again (the build
// worker's BuildStore writes an outcome once and no path deletes a record), so a client polling a finished build
// or a preview page reloading it costs no query. Bounded by entry count, and an entry nobody read for a while
// leaves, so a crawl over old builds cannot grow the API's memory. Unfinished builds are always read fresh.
internal sealed class FinishedBuildCache : IDisposable
{
    private const int MaxEntries = 10_000;
    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(10);

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = MaxEntries });

    public bool TryGet(string buildId, out BuildDocument? document) => _cache.TryGetValue(buildId, out document);

    public void AddIfFinished(BuildDocument document)
    {
        if (document.Status is "succeeded" or "failed")
        {
            _cache.Set(document.BuildId, document, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = Idle });
        }
    }

    public void Dispose() => _cache.Dispose();
}
