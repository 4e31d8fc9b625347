namespace Workers.Build.Bundles;

// Where a bundle is.
internal sealed record StoredBundle(string Bucket, string Key, string Sha256, long Bytes);
