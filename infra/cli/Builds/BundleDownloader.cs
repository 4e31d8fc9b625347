using Amazon.S3;
using Spectre.Console;
using Workers.Cli.Errors;
using Workers.Cli.Output;

namespace Workers.Cli.Builds;

// Downloads a build's bundle, and writes an HTML page beside it that runs it: the bundle renders the component
// into #root when loaded, so the page is one div and one script tag.
internal sealed class BundleDownloader(IAmazonS3 s3, IAnsiConsole console)
{
    public async Task DownloadAsync(BuildView build, FileInfo file, CancellationToken cancellationToken)
    {
        if (build.BundleKey is null)
        {
            throw CliException.Failure($"build {build.BuildId} has no bundle (status {build.Status}).");
        }

        file.Directory?.Create();
        using (var response = await s3.GetObjectAsync(build.BundleBucket, build.BundleKey, cancellationToken))
        await using (var target = file.Create())
        {
            await response.ResponseStream.CopyToAsync(target, cancellationToken);
        }

        var page = Path.ChangeExtension(file.FullName, ".html");
        await File.WriteAllTextAsync(
            page,
            $"""
            <!doctype html>
            <html><head><meta charset="utf-8"><title>Preview of build {build.BuildId}</title></head>
            <body><div id="root"></div><script src="{Uri.EscapeDataString(file.Name)}"></script></body></html>

            """,
            cancellationToken);
        console.WriteLine($"wrote      {file.FullName} ({Formats.Count(file.Length)} bytes)");
        console.WriteLine($"open       {page} in a browser (it loads the bundle beside it)");
    }
}
