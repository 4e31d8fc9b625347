import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { renderCheck } from '../tools/render-check.mjs';
import { BuildServer, nodeDir, brief } from './support/build-server.mjs';
import { counterApp, withPrefixLines } from './support/sources.mjs';

let server;
before(async () => { server = await BuildServer.start(); });
after(async () => { await server.stop(); });

test('an esbuild bundle renders the component and a click changes its state', async () => {
  const response = await server.build(counterApp, { engine: 'esbuild', minify: true });
  assert.equal(response.ok, true, brief(response));
  assert.equal(response.stats.engine, 'esbuild');
  assert.equal(response.stats.sourceBytes, Buffer.byteLength(counterApp));
  assert.equal(response.stats.outputBytes, Buffer.byteLength(response.bundle));
  assert.ok(response.stats.durationMs >= 0);
  assert.deepEqual(response.warnings, []);
  assert.doesNotMatch(response.bundle, /process\.env/, 'NODE_ENV must be defined away');
  const rendered = await renderCheck(response.bundle, { click: '#increment' });
  assert.deepEqual(rendered.errors, []);
  assert.equal(rendered.text, 'Hello previewClicked 0 times');
  assert.equal(rendered.afterClick, 'Hello previewClicked 1 times');
});

test('render-check works from the command line, as the C# tests call it', async () => {
  const response = await server.build(counterApp);
  const dir = mkdtempSync(join(tmpdir(), 'render-check-'));
  try {
    const file = join(dir, 'bundle.js');
    writeFileSync(file, response.bundle);
    const { stdout } = await promisify(execFile)(process.execPath, [join(nodeDir, 'tools', 'render-check.mjs'), file, '--click', 'button']);
    const result = JSON.parse(stdout);
    assert.deepEqual(result.errors, []);
    assert.equal(result.afterClick, 'Hello previewClicked 1 times');
    assert.match(result.html, /<button id="increment">/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the bundle exposes WorkersPreview.mount and creates #root when the page has none', async () => {
  const response = await server.build('export default function App() { return <p>mounted</p>; }');
  const bundle = `${response.bundle}\nconst extra = document.createElement('section'); extra.id = 'extra';\n` +
    'document.body.appendChild(extra); WorkersPreview.mount(extra);';
  const rendered = await renderCheck(bundle, { page: '<!DOCTYPE html><html><body></body></html>' });
  assert.deepEqual(rendered.errors, []);
  assert.equal(rendered.text, 'mounted', 'the bundle created #root and rendered into it');
  const again = await renderCheck(bundle, { page: '<!DOCTYPE html><html><body><div id="root"></div></body></html>' });
  assert.equal(again.html, '<p>mounted</p>');
});

test('an unminified build renders too', async () => {
  const response = await server.build(counterApp, { minify: false });
  assert.equal(response.ok, true, brief(response));
  assert.match(response.bundle, /Clicked /);
  assert.equal((await renderCheck(response.bundle)).text, 'Hello previewClicked 0 times');
});

test('a syntax error is a BUILD_ERROR with a 1-based line and column in App.jsx', async () => {
  const response = await server.build(withPrefixLines(2, 'export default function App() {\n  return <div}\n}\n'));
  assert.equal(response.ok, false);
  assert.equal(response.errorType, 'BUILD_ERROR');
  const [detail] = response.details;
  assert.deepEqual(detail, { text: 'Expected ">" but found "}"', file: 'App.jsx', line: 4, column: 14, lineText: '  return <div}' });
  assert.equal(response.message, 'App.jsx:4:14: Expected ">" but found "}"');
});

test('an error esbuild finds after parsing also carries its position', async () => {
  const response = await server.build('const a = 1;\nconst a = 2;\nexport default function App() { return <p>{a}</p>; }');
  assert.equal(response.errorType, 'BUILD_ERROR');
  assert.deepEqual([response.details[0].line, response.details[0].column, response.details[0].file], [2, 7, 'App.jsx']);
  assert.match(response.details[0].text, /already been declared/);
});

test('a source without a default export is a BUILD_ERROR that says so', async () => {
  const response = await server.build('export function App() { return <p/>; }');
  assert.equal(response.errorType, 'BUILD_ERROR');
  assert.match(response.message, /export default/);
});

test('an allowlisted dependency listed in options works', async () => {
  const source = `import clsx from 'clsx';
import { create } from 'zustand';
const useStore = create((set) => ({ n: 0, inc: () => set((s) => ({ n: s.n + 1 })) }));
export default function App() {
  const { n, inc } = useStore();
  return <button className={clsx('btn', { active: n > 0 })} onClick={inc}>n={n}</button>;
}`;
  const response = await server.build(source, { dependencies: ['clsx', 'zustand'] });
  assert.equal(response.ok, true, brief(response));
  const rendered = await renderCheck(response.bundle, { click: 'button' });
  assert.deepEqual(rendered.errors, []);
  assert.equal(rendered.html, '<button class="btn">n=0</button>');
  assert.equal(rendered.afterClick, 'n=1');
});

test('a subpath an allowlisted package exports is allowed', async () => {
  const source = "import { combine } from 'zustand/middleware';\nexport default function App() { return <p>{typeof combine}</p>; }";
  const response = await server.build(source, { dependencies: ['zustand'] });
  assert.equal(response.ok, true, brief(response));
});

test('a dependency outside the allowlist is a VALIDATION_ERROR before bundling', async () => {
  const response = await server.build(counterApp, { dependencies: ['left-pad'] });
  assert.equal(response.errorType, 'VALIDATION_ERROR');
  assert.match(response.message, /"left-pad" is not allowed/);
});

test('source over maxSourceBytes is a VALIDATION_ERROR', async () => {
  const response = await server.build(counterApp, {}, { maxSourceBytes: 100 });
  assert.equal(response.errorType, 'VALIDATION_ERROR');
  assert.match(response.message, /over the limit of 100 bytes/);
});

test('a bundle over maxOutputBytes is a VALIDATION_ERROR', async () => {
  const response = await server.build(counterApp, {}, { maxOutputBytes: 10_000 });
  assert.equal(response.errorType, 'VALIDATION_ERROR');
  assert.match(response.message, /output limit of 10000 bytes/);
});

test('bad options are VALIDATION_ERRORs', async () => {
  const cases = [
    [{ engine: 'webpack' }, /options.engine/],
    [{ minify: 'yes' }, /options.minify/],
    [{ surprise: true }, /Unknown option "surprise"/],
    [{ viteConfig: { define: {} } }, /only valid with engine "vite"/],
    [{ dependencies: 'clsx' }, /array of package names/],
  ];
  for (const [options, message] of cases) {
    const response = await server.build(counterApp, options);
    assert.equal(response.errorType, 'VALIDATION_ERROR', JSON.stringify(options));
    assert.match(response.message, message);
  }
  assert.equal((await server.build(counterApp, { timeoutMs: 5000 })).ok, true, 'timeoutMs belongs to the pool and is accepted');
});

test('a source that is not a string is a VALIDATION_ERROR', async () => {
  const response = await server.request({ cmd: 'build', source: 42 });
  assert.equal(response.errorType, 'VALIDATION_ERROR');
});

test('limits outside their range are a VALIDATION_ERROR; limits the script does not know are left to the pool', async () => {
  const bad = await server.build(counterApp, {}, { maxSourceBytes: -1 });
  assert.equal(bad.errorType, 'VALIDATION_ERROR');
  assert.match(bad.message, /limits\.maxSourceBytes/);
  const unknown = await server.build(counterApp, {}, { timeoutMs: 1000, maxOutputBytes: 4_194_304 });
  assert.equal(unknown.ok, true, brief(unknown));
});

test('import.meta.env reads as in a Vite production build, under both engines', async () => {
  const source = 'export default function App() { return <p>{import.meta.env.MODE} {String(import.meta.env.PROD)}</p>; }';
  for (const engine of ['esbuild', 'vite']) {
    const response = await server.build(source, { engine });
    assert.equal(response.ok, true, brief(response));
    assert.deepEqual(response.warnings, [], engine);
    assert.equal((await renderCheck(response.bundle)).text, 'production true', engine);
  }
});
