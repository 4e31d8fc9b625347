using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Workers.Api.Tests.Infrastructure;
using Workers.Testing;

namespace Workers.Api.Tests.Preview;

// The preview in a real browser: the API on Kestrel, the real build worker with the real Node build server, a
// component posted over HTTP, then /preview/{id} (the link POST /api/builds answers with) opened in Chromium.
public sealed class PreviewTests : ApiTest
{
    private static readonly LocatorAssertionsToHaveTextOptions Patiently = new() { Timeout = 60_000 };

    protected override TimeSpan Patience => TimeSpan.FromSeconds(120);

    [Fact]
    public async Task A_posted_component_appears_in_the_preview_and_a_click_changes_its_state()
    {
        await using var preview = await OpenPreviewAsync("""
            import { useState } from 'react';
            export default function App() {
              const [count, setCount] = useState(0);
              return <button id="counter" onClick={() => setCount(count + 1)}>Clicked {count} times</button>;
            }
            """);

        var counter = preview.Page.FrameLocator("#preview").Locator("#counter");
        await Assertions.Expect(counter).ToHaveTextAsync("Clicked 0 times", Patiently);
        await counter.ClickAsync();
        await Assertions.Expect(counter).ToHaveTextAsync("Clicked 1 times");
        await Assertions.Expect(preview.Page.Locator("body")).ToHaveAttributeAsync("data-state", "rendered");
        Assert.Empty(await preview.Page.Locator("#errors li").AllTextContentsAsync());
    }

    [Fact]
    public async Task A_component_that_throws_shows_its_error_in_the_page()
    {
        await using var preview = await OpenPreviewAsync("""
            export default function App() {
              throw new Error('Boom from the component');
            }
            """);

        await Assertions.Expect(preview.Page.Locator("#errors li").First).ToContainTextAsync("Boom from the component", new() { Timeout = 60_000 });
        await Assertions.Expect(preview.Page.Locator("body")).ToHaveAttributeAsync("data-state", "error");
    }

    [Fact]
    public async Task A_component_cannot_reach_the_parents_dom_cookies_or_storage_navigate_the_top_window_or_fetch()
    {
        // Each attempt runs and reports its outcome in the component's own DOM, so the test sees that it happened.
        await using var preview = await OpenPreviewAsync("""
            import { useEffect, useState } from 'react';
            async function attempt(name, action) {
              try { return name + ': allowed ' + String(await action()).slice(0, 60); }
              catch (error) { return name + ': blocked ' + (error && error.name); }
            }
            export default function App() {
              const [results, setResults] = useState(null);
              useEffect(() => {
                (async () => [
                  await attempt('parent-dom', () => window.parent.document.body.innerHTML),
                  await attempt('parent-cookie', () => window.parent.document.cookie),
                  await attempt('cookie', () => document.cookie),
                  await attempt('local-storage', () => window.localStorage.getItem('secret')),
                  await attempt('parent-local-storage', () => window.parent.localStorage.getItem('secret')),
                  await attempt('top-navigation', () => { window.top.location.href = '/hijacked'; return window.top.location.href; }),
                  await attempt('fetch', () => fetch('/api/health?canary=preview').then((r) => r.status)),
                ])().then(setResults);
              }, []);
              return <pre id="attempts">{results === null ? 'running' : results.join('\n')}</pre>;
            }
            """);

        var attempts = preview.Page.FrameLocator("#preview").Locator("#attempts");
        await Assertions.Expect(attempts).ToContainTextAsync("fetch:", new() { Timeout = 60_000 });
        var lines = (await attempts.TextContentAsync())!.Split('\n');
        string[] names = ["parent-dom", "parent-cookie", "cookie", "local-storage", "parent-local-storage", "top-navigation", "fetch"];
        Assert.Equal(names, lines.Select(l => l[..l.IndexOf(':', StringComparison.Ordinal)]));
        Assert.All(lines, line => Assert.Contains(": blocked ", line, StringComparison.Ordinal));

        // The top window is still the preview, and the browser sent neither the navigation nor the fetch.
        Assert.Contains("/preview/", preview.Page.Url, StringComparison.Ordinal);
        Assert.DoesNotContain(preview.Requests, url => url.Contains("hijacked", StringComparison.Ordinal) || url.Contains("canary", StringComparison.Ordinal));
    }

    // Starts the API on a real port and the build worker with the real build server, posts `source`, and opens
    // the preview link of the answer in a fresh browser context.
    private async Task<OpenPreview> OpenPreviewAsync(string source)
    {
        var api = StartApi();
        // Port 0 on loopback: a free port, whatever else runs on this machine.
        api.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        api.StartServer();
        var origin = api.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var client = await ClientAsync(api, "enqueue");
        StartBuildWorker(new Dictionary<string, string?>
        {
            ["BuildPool__WorkDirectory"] = Path.Combine(RepositoryRoot.Path, "workers", "build", "node"),
            ["BuildPool__Script"] = "build-server.mjs",
            ["BuildPool__RequireNodeModules"] = "true",
        });

        using var posted = await client.PostAsync("/api/builds", Json.Body(new { source }), Cancellation);
        posted.EnsureSuccessStatusCode();
        var link = (await Json.ReadAsync(posted)).GetProperty("preview").GetString()!;

        var browser = await PreviewBrowser.LaunchAsync();
        var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var requests = new ConcurrentQueue<string>();
        context.Request += (_, request) => requests.Enqueue(request.Url);
        await page.GotoAsync(new Uri(new Uri(origin), link).ToString());
        return new OpenPreview(browser, page, requests);
    }

    private sealed record OpenPreview(PreviewBrowser Browser, IPage Page, ConcurrentQueue<string> Requests) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Browser.DisposeAsync();
    }
}
