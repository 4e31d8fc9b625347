import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BuildServer, nodeDir, brief } from './support/build-server.mjs';

let server;
before(async () => { server = await BuildServer.start(); });
after(async () => { await server.stop(); });

test('the ready line carries the pid and the toolchain versions with a script digest', () => {
  const { ready } = server;
  assert.equal(ready.type, 'ready');
  assert.equal(ready.pid, server.child.pid);
  const lock = JSON.parse(readFileSync(join(nodeDir, 'package-lock.json'), 'utf8')).packages;
  assert.equal(ready.toolchain.node, process.version);
  assert.equal(ready.toolchain.esbuild, lock['node_modules/esbuild'].version);
  assert.equal(ready.toolchain.vite, lock['node_modules/vite'].version);
  assert.equal(ready.toolchain.react, lock['node_modules/react'].version);
  assert.equal(ready.toolchain.reactDom, lock['node_modules/react-dom'].version);
  assert.match(ready.toolchain.script, /^[0-9a-f]{64}$/);
});

test('status reports the pid, the build count, the uptime and memory', async () => {
  const status = await server.request({ cmd: 'status' });
  assert.equal(status.ok, true);
  assert.equal(status.pid, server.child.pid);
  assert.equal(typeof status.builds, 'number');
  assert.ok(status.uptimeMs >= 0);
  for (const key of ['rss', 'heapUsed', 'heapTotal', 'external']) assert.ok(status.memory[key] > 0, key);
});

test('a line that is not JSON gets a PROTOCOL_ERROR with a null id and the server keeps serving', async () => {
  server.writeLine('this is not json');
  const response = JSON.parse(await server.nextLine());
  assert.deepEqual({ id: response.id, ok: response.ok, errorType: response.errorType }, { id: null, ok: false, errorType: 'PROTOCOL_ERROR' });
  assert.equal((await server.request({ cmd: 'status' })).ok, true);
});

test('a request without a cmd gets a PROTOCOL_ERROR that echoes its id', async () => {
  server.writeLine(JSON.stringify({ id: 'no-cmd' }));
  const response = JSON.parse(await server.nextLine());
  assert.equal(response.id, 'no-cmd');
  assert.equal(response.errorType, 'PROTOCOL_ERROR');
});

test('a request without an id gets a PROTOCOL_ERROR', async () => {
  server.writeLine(JSON.stringify({ cmd: 'status' }));
  const response = JSON.parse(await server.nextLine());
  assert.equal(response.id, null);
  assert.equal(response.errorType, 'PROTOCOL_ERROR');
});

test('an unknown cmd gets a PROTOCOL_ERROR', async () => {
  const response = await server.request({ cmd: 'explode' });
  assert.equal(response.errorType, 'PROTOCOL_ERROR');
  assert.match(response.message, /explode/);
});

test('cleanup disposes the contexts and the next build still works', async () => {
  const first = await server.build('export default function App() { return <p>one</p>; }');
  assert.equal(first.ok, true);
  assert.deepEqual(await server.request({ cmd: 'cleanup' }), { id: String(Number(first.id) + 1), ok: true });
  const second = await server.build('export default function App() { return <p>two</p>; }');
  assert.equal(second.ok, true, brief(second));
});

test('stderr carries only JSON log lines', () => {
  const lines = server.stderr.split('\n').filter(Boolean);
  assert.ok(lines.length > 0);
  for (const line of lines) assert.doesNotThrow(() => JSON.parse(line), line);
});

test('shutdown answers and then exits 0', async () => {
  const other = await BuildServer.start();
  const response = await other.request({ cmd: 'shutdown' });
  assert.equal(response.ok, true);
  assert.deepEqual(await other.exited, { code: 0, signal: null });
});

test('the end of stdin exits 0', async () => {
  const other = await BuildServer.start();
  other.child.stdin.end();
  assert.deepEqual(await other.exited, { code: 0, signal: null });
});

test('a large response is written out completely before shutdown exits', async () => {
  const other = await BuildServer.start();
  // Stop reading, so the ≈ 200 KB answer overflows the 64 KB pipe and the rest waits in the server's memory; read
  // again only once the server has logged that it is stopping. Exiting without flushing would lose that rest.
  other.child.stdout.pause();
  other.writeLine(JSON.stringify({ id: 'big', cmd: 'build', source: 'export default function App() { return <p>big</p>; }' }));
  other.writeLine(JSON.stringify({ id: 'bye', cmd: 'shutdown' }));
  await other.waitForStderr(/Build server stopped/);
  other.child.stdout.resume();
  const build = JSON.parse(await other.nextLine());
  const bye = JSON.parse(await other.nextLine());
  assert.equal(build.ok, true);
  assert.ok(build.bundle.length > 65536);
  assert.deepEqual(bye, { id: 'bye', ok: true });
  assert.deepEqual(await other.exited, { code: 0, signal: null });
});
