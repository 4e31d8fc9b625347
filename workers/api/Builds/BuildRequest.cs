namespace Workers.Api.Builds;

// POST /api/builds: {"source": "<App.jsx>", "options": {"engine": "esbuild"}}.
internal sealed record BuildRequest(string? Source, BuildRequestOptions? Options);
