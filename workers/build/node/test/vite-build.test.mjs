import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { renderCheck } from '../tools/render-check.mjs';
import { BuildServer, brief } from './support/build-server.mjs';
import { counterApp } from './support/sources.mjs';

let server;
before(async () => { server = await BuildServer.start(); });
after(async () => { await server.stop(); });

test('a Vite bundle renders the component and a click changes its state', async () => {
  const response = await server.build(counterApp, { engine: 'vite' });
  assert.equal(response.ok, true, brief(response));
  assert.equal(response.stats.engine, 'vite');
  assert.doesNotMatch(response.bundle, /process\.env\.NODE_ENV/, 'library mode needs NODE_ENV defined');
  const rendered = await renderCheck(response.bundle, { click: '#increment' });
  assert.deepEqual(rendered.errors, []);
  assert.equal(rendered.text, 'Hello previewClicked 0 times');
  assert.equal(rendered.afterClick, 'Hello previewClicked 1 times');
});

test('Vite builds with an allowlisted dependency', async () => {
  const source = "import clsx from 'clsx';\nexport default function App() { return <p className={clsx('a', false && 'b')}>styled</p>; }";
  const response = await server.build(source, { engine: 'vite', dependencies: ['clsx'] });
  assert.equal(response.ok, true, brief(response));
  assert.equal((await renderCheck(response.bundle)).html, '<p class="a">styled</p>');
});

test('the documented viteConfig subset is applied', async () => {
  const source = 'export default function App() { return <p>{__GREETING__} {String(__FLAG__)}</p>; }';
  const response = await server.build(source, {
    engine: 'vite',
    minify: false,
    viteConfig: { define: { __GREETING__: '"hello"', __FLAG__: 'true' }, build: { target: 'es2022', sourcemap: false }, react: { jsxRuntime: 'automatic' } },
  });
  assert.equal(response.ok, true, brief(response));
  assert.equal((await renderCheck(response.bundle)).text, 'hello true');
});

test('the classic JSX runtime works when the source imports React', async () => {
  const source = "import React from 'react';\nexport default function App() { return <p>classic</p>; }";
  const response = await server.build(source, { engine: 'vite', viteConfig: { react: { jsxRuntime: 'classic' } } });
  assert.equal(response.ok, true, brief(response));
  assert.equal((await renderCheck(response.bundle)).text, 'classic');
});

test('viteConfig outside the subset is a VALIDATION_ERROR', async () => {
  const cases = [
    [{ plugins: [] }, /viteConfig\.plugins is not supported/],
    [{ resolve: { alias: { x: '/etc' } } }, /viteConfig\.resolve is not supported/],
    [{ build: { outDir: '/tmp/x' } }, /viteConfig\.build\.outDir is not supported/],
    [{ build: { target: 'node18' } }, /build\.target/],
    [{ define: { __X__: 'require("fs")' } }, /JSON text of a string/],
    [{ define: { 'process.env.NODE_ENV': '"development"' } }, /may not set/],
    [{ react: { babel: { plugins: ['x'] } } }, /viteConfig\.react\.babel is not supported/],
    ['yes', /viteConfig must be an object/],
  ];
  for (const [viteConfig, message] of cases) {
    const response = await server.build(counterApp, { engine: 'vite', viteConfig });
    assert.equal(response.errorType, 'VALIDATION_ERROR', JSON.stringify(viteConfig));
    assert.match(response.message, message);
  }
});

test('a syntax error under Vite is a BUILD_ERROR with a 1-based line and column', async () => {
  const response = await server.build('export default function App() {\n  return <div}\n}\n', { engine: 'vite' });
  assert.equal(response.errorType, 'BUILD_ERROR');
  assert.deepEqual(response.details[0], { text: 'Expected ">" but found "}"', file: 'App.jsx', line: 2, column: 14, lineText: '  return <div}' });
});

test('an error Vite itself finds is a BUILD_ERROR pointing into App.jsx', async () => {
  const source = "import { nothing } from 'clsx';\nexport default function App() { return <p>{nothing}</p>; }";
  const response = await server.build(source, { engine: 'vite', dependencies: ['clsx'] });
  assert.equal(response.errorType, 'BUILD_ERROR', brief(response));
  assert.match(response.message, /nothing/);
  const [detail] = response.details;
  assert.deepEqual([detail.file, detail.line, detail.column], ['App.jsx', 1, 10]);
  assert.equal(detail.lineText, "import { nothing } from 'clsx';");
});

test('a Vite bundle over maxOutputBytes is a VALIDATION_ERROR', async () => {
  const response = await server.build(counterApp, { engine: 'vite' }, { maxOutputBytes: 1000 });
  assert.equal(response.errorType, 'VALIDATION_ERROR');
});
