// Build server: one per pool slot, driven over JSON lines on stdin/stdout (see PROTOCOL.md and README.md).
import './src/console-to-stderr.mjs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Allowlist } from './src/allowlist.mjs';
import { Builder } from './src/build.mjs';
import { EsbuildEngine } from './src/engines/esbuild-engine.mjs';
import { ImportPolicy } from './src/imports-policy.mjs';
import { ViteEngine } from './src/engines/vite-engine.mjs';
import { log } from './src/log.mjs';
import { flushStdout, readLines, send } from './src/protocol.mjs';
import { Server } from './src/server.mjs';
import { toolchain } from './src/toolchain.mjs';

const nodeDir = dirname(fileURLToPath(import.meta.url));
const warmUpSource = 'export default function App() { return null; }';

// A bug here must not leave a half-working process: exit and let the pool report PROCESS_ERROR and replace it.
function crash(msg, error) {
  log('error', msg, { error: error?.stack ?? String(error) });
  process.exit(70);
}
process.on('uncaughtException', (error) => crash('Build server crashed', error));
process.on('unhandledRejection', (error) => crash('Build server crashed', error));

const allowlist = new Allowlist(nodeDir);
const engines = { esbuild: new EsbuildEngine({ nodeDir }), vite: new ViteEngine({ nodeDir }) };
const server = new Server({ builder: new Builder({ allowlist, engines }), engines });

// Warm up the default esbuild context before announcing readiness: the first build then costs a rebuild (≈ 10 ms)
// instead of a context start, and a broken install fails here, where the pool sees it as a start-up failure.
try {
  await engines.esbuild.build({ source: warmUpSource, policy: new ImportPolicy(allowlist, []), minify: true });
} catch (error) {
  crash('Build server could not warm up esbuild', error);
}

send({ type: 'ready', pid: process.pid, toolchain: toolchain(nodeDir) });
log('info', 'Build server ready', { pid: process.pid, allowedDependencies: allowlist.dependencies });

let stop = false;
try {
  for await (const line of readLines()) {
    stop = await server.handleLine(line);
    if (stop) break;
  }
} catch (error) {
  crash('Build server failed while serving a request', error);
}
// A shutdown request or the end of stdin: both mean exit 0 once everything is disposed.
await server.dispose();
log('info', 'Build server stopped', { reason: stop ? 'shutdown' : 'stdin closed' });
await flushStdout();
process.exit(0);
