// A build that fails in a way nobody planned for is still answered, and the process goes on serving: a source must
// never be able to take a build server down.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Server } from '../src/server.mjs';
import { BuildServer, brief } from './support/build-server.mjs';
import { counterApp } from './support/sources.mjs';

let server;
before(async () => { server = await BuildServer.start(); });
after(async () => { await server.stop(); });

/** Pids of the esbuild service processes the build server has started (its children named esbuild). */
async function esbuildServices(pid) {
  const { stdout } = await promisify(execFile)('ps', ['-o', 'pid=,comm=', '--ppid', String(pid)]);
  return stdout.split('\n').map((line) => line.trim().split(/\s+/)).filter(([, name]) => name === 'esbuild').map(([child]) => Number(child));
}

for (const engine of ['esbuild', 'vite']) {
  test(`${engine}: a build after esbuild's service process died starts a new service and succeeds`, async () => {
    assert.equal((await server.build(counterApp, { engine })).ok, true);
    const [service] = await esbuildServices(server.child.pid);
    assert.ok(service, 'esbuild runs as a child of the build server');
    // SIGKILL: once sent, the service can answer nothing more, so the next build meets a dead service.
    process.kill(service, 'SIGKILL');
    const response = await server.build(counterApp, { engine });
    assert.equal(response.ok, true, brief(response));
    const services = await esbuildServices(server.child.pid);
    assert.equal(services.length, 1);
    assert.notEqual(services[0], service);
    assert.match(server.stderr, /esbuild's service process stopped; starting a new one/);
  });
}

test('an exception the build did not expect is answered INTERNAL_ERROR and the server serves the next request', async () => {
  const sent = [];
  let disposed = 0;
  const builder = {
    calls: 0,
    async build() {
      this.calls++;
      if (this.calls === 1) throw new TypeError('something nobody planned for');
      return { bundle: 'x', stats: {}, warnings: [] };
    },
  };
  const engines = { esbuild: { dispose: async () => { disposed++; } } };
  const local = new Server({ builder, engines, send: (message) => sent.push(message) });
  assert.equal(await local.handleLine(JSON.stringify({ id: 'a', cmd: 'build', source: '' })), false);
  assert.deepEqual(sent[0], {
    id: 'a', ok: false, errorType: 'INTERNAL_ERROR', message: 'The build server failed on this build: something nobody planned for', details: [],
  });
  assert.equal(disposed, 1, 'the engines start afresh after an unexpected failure');
  await local.handleLine(JSON.stringify({ id: 'b', cmd: 'build', source: '' }));
  assert.equal(sent[1].ok, true);
});
