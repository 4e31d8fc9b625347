using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;

namespace Workers.Api.Preview;

// The two documents of the preview and their Content Security Policies.
//
// Parent (/preview/{id}, the API's origin): may run only its own script (by hash), talk only to its own origin
// (the build and its bundle) and frame only its own origin (the loader). The token is in the page, so it is
// neither cached nor sent on as a Referer.
//
// Loader (/preview/_loader): the CSP `sandbox allow-scripts` gives the document an opaque origin even when it is
// opened on its own, the iframe's sandbox attribute does the same inside the parent, and neither allows
// same-origin, top navigation, forms, popups or modals. Scripts: the loader's own (by hash) and blob: URLs,
// which is how the loader runs the bundle. Not 'unsafe-inline' (an injected <script> would run) and not
// 'unsafe-eval' (the bundle needs neither; React runs without eval). The component may create blob: scripts
// too, which gives it nothing it does not have already. connect-src, img-src, font-src, media-src, frame-src,
// worker-src and the rest fall back to default-src 'none': no fetch, XHR, WebSocket, EventSource, beacon, image
// or font from anywhere; images may be data: or blob: (in-memory). Inline styles are allowed because React's
// style={{…}} props are style attributes; CSS cannot load anything while every fetch directive is 'none'.
internal static class PreviewPages
{
    public const string LoaderPath = "/preview/_loader";

    private const string ParentStyle = """

      body { margin: 0; font: 14px/1.4 system-ui, sans-serif; display: flex; flex-direction: column; height: 100vh; }
      header { padding: 8px 12px; border-bottom: 1px solid #ddd; display: flex; gap: 12px; align-items: baseline; }
      iframe { flex: 1; border: 0; width: 100%; }
      #errors { margin: 0; padding: 8px 12px 8px 28px; color: #a00; font-family: ui-monospace, monospace; white-space: pre-wrap; }
      #errors:empty { display: none; }

      """;

    public static readonly string ParentPolicy =
        $"default-src 'none'; script-src {Hash(PreviewScripts.Parent)}; style-src {Hash(ParentStyle)}; connect-src 'self'; " +
        "frame-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

    public static readonly string LoaderPolicy =
        $"sandbox allow-scripts; default-src 'none'; script-src {Hash(PreviewScripts.Loader)} blob:; " +
        "style-src 'unsafe-inline'; img-src data: blob:; connect-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

    public static readonly string Loader = $$"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Preview loader</title></head>
        <body><div id="root"></div><script>{{PreviewScripts.Loader}}</script></body></html>
        """;

    public static string Parent(string buildId, string token)
    {
        var id = HtmlEncoder.Default.Encode(buildId);
        return $$"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Preview of build {{id}}</title><style>{{ParentStyle}}</style></head>
            <body data-build-id="{{id}}" data-token="{{HtmlEncoder.Default.Encode(token)}}" data-state="starting">
            <header><strong>Preview</strong><code>{{id}}</code><span id="status">Starting</span></header>
            <iframe id="preview" title="Component preview" sandbox="allow-scripts" referrerpolicy="no-referrer"></iframe>
            <ul id="errors" aria-live="polite"></ul>
            <script>{{PreviewScripts.Parent}}</script>
            </body></html>
            """;
    }

    private static string Hash(string text) => $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)))}'";
}
