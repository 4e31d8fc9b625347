// Sources that used to kill a build server (rollup's native parser overflowed the native stack: SIGSEGV) or stall
// it for a minute (esbuild) are answered VALIDATION_ERROR before any parser runs, under both engines, and the same
// process builds the next source. Sources that are merely large or deep-but-real still build.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultLimits } from '../src/limits.mjs';
import { renderCheck } from '../tools/render-check.mjs';
import { BuildServer, brief, nodeDir } from './support/build-server.mjs';
import { bracketsInDisguise, deeplyNestedComponent, pathological } from './support/pathological.mjs';
import { counterApp } from './support/sources.mjs';

let server;
before(async () => { server = await BuildServer.start(); });
after(async () => { await server.stop(); });

const engines = ['esbuild', 'vite'];

/** The server answered and is the same, live process: status still reports its pid. */
async function assertStillServing() {
  assert.equal(server.child.exitCode, null, 'the build server exited');
  assert.equal((await server.request({ cmd: 'status' })).pid, server.ready.pid);
}

for (const engine of engines) {
  for (const { name, source, limit, line, column } of pathological) {
    test(`${engine}: ${name} is a VALIDATION_ERROR naming ${limit} and where, and the next build succeeds`, async () => {
      const response = await server.build(source, { engine });
      assert.equal(response.errorType, 'VALIDATION_ERROR', brief(response));
      assert.match(response.message, new RegExp(`^App\\.jsx:${line}:${column}: .*limits\\.${limit} = ${defaultLimits[limit]}\\b`));
      assert.equal(response.details.length, 1);
      const [detail] = response.details;
      assert.deepEqual({ file: detail.file, line: detail.line, column: detail.column }, { file: 'App.jsx', line, column });
      assert.equal(detail.lineText, source.split('\n')[line - 1]);
      await assertStillServing();
      const next = await server.build(counterApp, { engine });
      assert.equal(next.ok, true, brief(next));
    });
  }
}

test('the limits come from the request like the size limits, and a value past its ceiling is refused', async () => {
  // 20 nested elements: nesting depth 26, expression depth 39.
  const source = deeplyNestedComponent(20);
  assert.equal((await server.build(source, {}, { maxNestingDepth: 26, maxExpressionDepth: 39 })).ok, true);
  const nested = await server.build(source, {}, { maxNestingDepth: 25 });
  assert.equal(nested.errorType, 'VALIDATION_ERROR');
  assert.match(nested.message, /limits\.maxNestingDepth = 25;/);
  const chained = await server.build(source, {}, { maxExpressionDepth: 38 });
  assert.equal(chained.errorType, 'VALIDATION_ERROR');
  assert.match(chained.message, /limits\.maxExpressionDepth = 38;/);
  for (const limits of [{ maxNestingDepth: 1001 }, { maxExpressionDepth: 0 }, { maxExpressionDepth: 2.5 }]) {
    const refused = await server.build(source, {}, limits);
    assert.equal(refused.errorType, 'VALIDATION_ERROR', JSON.stringify(limits));
    assert.match(refused.message, new RegExp(`limits\\.${Object.keys(limits)[0]} must be an integer between 1 and`));
  }
});

for (const engine of engines) {
  test(`${engine}: the sample App.jsx builds and renders`, async () => {
    const source = readFileSync(join(nodeDir, '..', 'samples', 'App.jsx'), 'utf8');
    const response = await server.build(source, { engine });
    assert.equal(response.ok, true, brief(response));
    const rendered = await renderCheck(response.bundle, { click: 'button' });
    assert.deepEqual(rendered.errors, []);
    assert.equal(rendered.afterClick, 'Hello from the build workerClicked 1 timeClick me');
  });

  test(`${engine}: a component 100 elements deep builds and renders`, async () => {
    const response = await server.build(deeplyNestedComponent(100), { engine });
    assert.equal(response.ok, true, brief(response));
    const rendered = await renderCheck(response.bundle);
    assert.deepEqual(rendered.errors, []);
    assert.equal(rendered.text, 'not clicked');
  });

  test(`${engine}: a source just inside both limits still builds, so the limits sit below what the bundlers survive`, async () => {
    // The body's {, the (, 252 <div>s, the <p> and its { reach nesting depth 256, the limit; the 369-term chain in
    // that { reaches expression depth 999, one short of the limit (one more term is 1001).
    const chain = Array(369).fill('a').join('+');
    const source = `const a = 1;\nexport default function App() {\n  return (\n${'<div>'.repeat(252)}<p>{${chain}}</p>${'</div>'.repeat(252)}\n  );\n}\n`;
    const response = await server.build(source, { engine });
    assert.equal(response.ok, true, brief(response));
  });

  test(`${engine}: brackets inside strings, comments, regexes, template text and JSX text are not nesting`, async () => {
    const response = await server.build(bracketsInDisguise(2000), { engine });
    assert.equal(response.ok, true, brief(response));
  });
}

test('100,000 sibling elements are not deep: with maxSourceBytes raised they build, and the server keeps serving', async () => {
  const source = `export default function App() {\n  return <ul>${'<li/>'.repeat(100_000)}</ul>;\n}\n`;
  const response = await server.build(source, {}, { maxSourceBytes: 1024 * 1024 });
  assert.equal(response.ok, true, brief(response));
  await assertStillServing();
});
