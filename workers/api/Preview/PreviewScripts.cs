namespace Workers.Api.Preview;

// The scripts of the two preview documents. Constant texts, so each page's Content Security Policy allows
// exactly its own script by hash (PreviewPages), and nothing injected into the page could run.
internal static class PreviewScripts
{
    // The parent (/preview/{id}, the API's origin): waits for the build, fetches its bundle with the page's
    // preview token, loads the sandboxed loader and posts the bundle into it once the loader says it is ready,
    // then shows what the loader reports. Messages count only when they come from the loader's window; their
    // contents are shown as text, never as markup. The loader's origin is opaque ("null"), which no target
    // origin can name, hence "*": the bundle is no secret from the frame it is meant for.
    public const string Parent = """

      (() => {
        'use strict';
        const body = document.body;
        const id = body.dataset.buildId;
        const query = '?token=' + encodeURIComponent(body.dataset.token);
        const base = '/api/builds/' + encodeURIComponent(id);
        const frame = document.getElementById('preview');
        const status = document.getElementById('status');
        const errors = document.getElementById('errors');
        let bundle = null;
        let loaderReady = false;
        let sent = false;

        const setState = (state, text) => { body.dataset.state = state; status.textContent = text; };
        const showError = (kind, message) => {
          const item = document.createElement('li');
          item.textContent = kind + ': ' + message;
          errors.appendChild(item);
          body.dataset.errors = String(errors.children.length);
        };
        const send = () => {
          if (bundle === null || !loaderReady || sent) return;
          sent = true;
          frame.contentWindow.postMessage({ type: 'bundle', code: bundle }, '*');
        };

        window.addEventListener('message', (event) => {
          if (event.source !== frame.contentWindow) return;
          const data = event.data;
          if (data === null || typeof data !== 'object') return;
          if (data.type === 'ready') { loaderReady = true; send(); }
          else if (data.type === 'rendered') { if (body.dataset.state === 'loading') setState('rendered', 'Rendered'); }
          else if (data.type === 'error') { showError(String(data.kind), String(data.message)); setState('error', 'The component threw an error'); }
        });
        // Only now, so the loader's "ready" cannot arrive before the listener above.
        frame.src = '/preview/_loader';

        const load = async () => {
          setState('waiting', 'Waiting for the build');
          for (;;) {
            const response = await fetch(base + query + '&wait=25', { cache: 'no-store' });
            if (!response.ok) throw new Error('the build answered ' + response.status);
            const build = await response.json();
            if (build.status === 'succeeded') break;
            if (build.status === 'failed') {
              const result = build.result || {};
              setState('failed', 'The build failed');
              showError(String(result.errorType || 'BUILD_ERROR'), String(result.error || 'The build failed.'));
              return;
            }
          }
          const response = await fetch(base + '/bundle' + query);
          if (!response.ok) throw new Error('the bundle answered ' + response.status);
          bundle = await response.text();
          setState('loading', 'Rendering');
          send();
        };
        load().catch((error) => { setState('failed', 'The preview could not load'); showError('preview', error.message); });
      })();

      """;

    // The loader (/preview/_loader, sandboxed: opaque origin, no network): takes the first bundle its parent
    // posts, runs it from a blob: URL (the bundle mounts itself into #root), and reports errors and the first
    // render to the parent. React 19 reports an error no boundary caught through reportError, which fires the
    // window's error event, so window.onerror sees render errors as well as those of event handlers.
    public const string Loader = """

      (() => {
        'use strict';
        const report = (message) => window.parent.postMessage(message, '*');
        const describe = (error) => (error && typeof error === 'object' && 'message' in error)
          ? String(error.name || 'Error') + ': ' + String(error.message)
          : String(error);
        window.addEventListener('error', (event) =>
          report({ type: 'error', kind: 'error', message: event.error !== undefined && event.error !== null ? describe(event.error) : String(event.message) }));
        window.addEventListener('unhandledrejection', (event) =>
          report({ type: 'error', kind: 'unhandledrejection', message: describe(event.reason) }));

        let loaded = false;
        window.addEventListener('message', (event) => {
          if (event.source !== window.parent || loaded) return;
          const data = event.data;
          if (data === null || typeof data !== 'object' || data.type !== 'bundle' || typeof data.code !== 'string') return;
          loaded = true;
          const root = document.getElementById('root');
          new MutationObserver((_, observer) => { observer.disconnect(); report({ type: 'rendered' }); })
            .observe(root, { childList: true, subtree: true });
          const url = URL.createObjectURL(new Blob([data.code], { type: 'text/javascript' }));
          const script = document.createElement('script');
          script.src = url;
          script.onload = () => URL.revokeObjectURL(url);
          script.onerror = () => report({ type: 'error', kind: 'load', message: 'The bundle could not be loaded.' });
          document.body.appendChild(script);
        });
        report({ type: 'ready' });
      })();

      """;
}
