// Reports how the esbuild engine's memory behaves over many builds. Numbers are printed as test diagnostics (this
// machine is noisy); the only assertion is a generous bound that a per-build leak would break.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { BuildServer, brief } from './support/build-server.mjs';

const builds = Number(process.env.WORKERS_MEMORY_BUILDS ?? 300);
let server;
before(async () => { server = await BuildServer.start(['--expose-gc']); });
after(async () => { await server.stop(); });

const source = (i) => `import { useState } from 'react';
export default function App() {
  const [n, setN] = useState(${i});
  return <button onClick={() => setN(n + 1)}>build ${i}: {n}</button>;
}`;

test(`esbuild memory stays flat over ${builds} builds`, async (t) => {
  const warmUp = 20;
  for (let i = 0; i < warmUp; i++) assert.equal((await server.build(source(i))).ok, true);
  await server.request({ cmd: 'status' });
  const before = (await server.request({ cmd: 'status' })).memory;
  const durations = [];
  for (let i = 0; i < builds; i++) {
    const response = await server.build(source(i));
    assert.equal(response.ok, true, brief(response));
    durations.push(response.stats.durationMs);
  }
  const afterBuilds = (await server.request({ cmd: 'status' })).memory;
  durations.sort((a, b) => a - b);
  const mb = (bytes) => (bytes / 1024 / 1024).toFixed(1);
  t.diagnostic(`rss ${mb(before.rss)} MB -> ${mb(afterBuilds.rss)} MB after ${builds} builds (${mb(afterBuilds.rss - before.rss)} MB)`);
  t.diagnostic(`heapUsed ${mb(before.heapUsed)} MB -> ${mb(afterBuilds.heapUsed)} MB, external ${mb(before.external)} MB -> ${mb(afterBuilds.external)} MB`);
  t.diagnostic(`build ms: median ${durations[Math.floor(builds / 2)]}, p95 ${durations[Math.floor(builds * 0.95)]}, max ${durations.at(-1)}`);
  // The Node process only (esbuild's Go service is a separate process and does not count in rss here).
  assert.ok(afterBuilds.rss - before.rss < 150 * 1024 * 1024, 'rss grew by more than 150 MB: a per-build leak');
});

test('Vite memory over 50 builds is reported (the pool recycles Vite processes by rss)', async (t) => {
  const vite = await BuildServer.start(['--expose-gc']);
  try {
    for (let i = 0; i < 5; i++) assert.equal((await vite.build(source(i), { engine: 'vite' })).ok, true);
    const before = (await vite.request({ cmd: 'status' })).memory;
    const durations = [];
    for (let i = 0; i < 50; i++) {
      const response = await vite.build(source(i), { engine: 'vite' });
      assert.equal(response.ok, true, brief(response));
      durations.push(response.stats.durationMs);
    }
    const afterBuilds = (await vite.request({ cmd: 'status' })).memory;
    durations.sort((a, b) => a - b);
    const mb = (bytes) => (bytes / 1024 / 1024).toFixed(1);
    t.diagnostic(`vite rss ${mb(before.rss)} MB -> ${mb(afterBuilds.rss)} MB after 50 builds; heapUsed ${mb(before.heapUsed)} -> ${mb(afterBuilds.heapUsed)} MB`);
    t.diagnostic(`vite build ms: median ${durations[25]}, max ${durations.at(-1)}`);
  } finally {
    await vite.stop();
  }
});
