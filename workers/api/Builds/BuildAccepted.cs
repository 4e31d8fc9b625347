namespace Workers.Api.Builds;

// The 202 answer to POST /api/builds: the build id and where to follow it (also in the Location header).
// Preview: the preview page with a short-lived token (Preview/PreviewTokens), to open in a browser.
// ClaimCheck: whether the task's body travelled through S3 rather than in the message; null on a replay.
internal sealed record BuildAccepted(string BuildId, string Status, string Location, string Preview, bool? ClaimCheck, bool Replayed);
