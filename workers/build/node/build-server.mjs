// Build server: one per pool slot, driven over JSON lines on stdin/stdout (see PROTOCOL.md and README.md).
import './src/console-to-stderr.mjs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Allowlist } from './src/allowlist.mjs';
import { Builder } from './src/build.mjs';
import { EsbuildEngine } from './src/engines/esbuild-engine.mjs';
import { ViteEngine } from './src/engines/vite-engine.mjs';
import { log } from './src/log.mjs';
import { flushStdout, readLines, send } from './src/protocol.mjs';
import { Server } from './src/server.mjs';
import { toolchain } from './src/toolchain.mjs';

const nodeDir = dirname(fileURLToPath(import.meta.url));

// A bug here must not leave a half-working process: exit and let the pool report PROCESS_ERROR and replace it.
process.on('uncaughtException', (error) => {
  log('error', 'Build server crashed', { error: error.stack ?? String(error) });
  process.exit(70);
});
process.on('unhandledRejection', (error) => {
  log('error', 'Build server crashed', { error: error?.stack ?? String(error) });
  process.exit(70);
});

const allowlist = new Allowlist(nodeDir);
const engines = { esbuild: new EsbuildEngine({ nodeDir }), vite: new ViteEngine({ nodeDir }) };
const server = new Server({ builder: new Builder({ allowlist, engines }), engines });

send({ type: 'ready', pid: process.pid, toolchain: toolchain(nodeDir) });
log('info', 'Build server ready', { pid: process.pid, allowedDependencies: allowlist.dependencies });

let stop = false;
for await (const line of readLines()) {
  stop = await server.handleLine(line);
  if (stop) break;
}
// A shutdown request or the end of stdin: both mean exit 0 once everything is disposed.
await server.dispose();
log('info', 'Build server stopped', { reason: stop ? 'shutdown' : 'stdin closed' });
await flushStdout();
process.exit(0);
