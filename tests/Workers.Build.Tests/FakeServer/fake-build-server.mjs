// A stand-in for workers/build/node/build-server.mjs that speaks the same JSON-lines protocol (PROTOCOL.md) but
// does what the build request's source says, so pool and worker tests are deterministic:
//   "crash", "crash:<t>" exits with code 3 instead of answering (a bundler bug this source triggers)
//   "kill:<t>"         kills itself with SIGKILL instead of answering (what the OOM killer does)
//   "crash-once:<f>"   exits the first time (creating file <f>), builds normally once <f> exists
//   "odd-once:<f>"     answers an errorType outside the protocol the first time (creating <f>), then builds
//   "hang"             never answers this request
//   "gate"             answers once the process receives SIGUSR2
//   "bloat"            builds, then reports 10 GB resident in every status answer
//   "mute"             builds, then never answers a status request again
//   "syntax"           BUILD_ERROR with one detail at line 3, column 10
//   "forbidden"        VALIDATION_ERROR (a forbidden import)
//   "big:<n>"          a bundle of n bytes
//   anything else      a bundle naming this process and its build count
// Each build logs {"level":"info","msg":"build started","source":…} on stderr before it does anything.
import { existsSync, writeFileSync } from "node:fs";
import { createInterface } from "node:readline";

let builds = 0;
let rss = 50 * 1024 * 1024;
let mute = false;
let gates = [];
process.on("SIGUSR2", () => { const open = gates; gates = []; open.forEach((release) => release()); });

const send = (message) => process.stdout.write(JSON.stringify(message) + "\n");
const log = (msg, fields = {}) => process.stderr.write(JSON.stringify({ level: "info", msg, ...fields }) + "\n");

send({ type: "ready", pid: process.pid, toolchain: { node: process.version, esbuild: "fake", script: "fake-build-server" } });

const bundle = (id, text) => ({ id, ok: true, bundle: text, stats: { durationMs: 1.5, sourceBytes: 1, outputBytes: text.length, engine: "esbuild" }, warnings: [] });

async function build(request) {
  const source = request.source ?? "";
  log("build started", { source: source.slice(0, 40), pid: process.pid });
  if (source === "crash" || source.startsWith("crash:")) process.exit(3);
  if (source.startsWith("kill:")) process.kill(process.pid, "SIGKILL");
  if (source.startsWith("crash-once:")) {
    const marker = source.slice("crash-once:".length);
    if (!existsSync(marker)) { writeFileSync(marker, String(process.pid)); process.exit(3); }
  }
  if (source.startsWith("odd-once:")) {
    const marker = source.slice("odd-once:".length);
    if (!existsSync(marker)) {
      writeFileSync(marker, String(process.pid));
      return { id: request.id, ok: false, errorType: "INTERNAL_ERROR", message: "a state the protocol does not know" };
    }
  }
  if (source === "hang") return new Promise(() => {});
  if (source === "gate") await new Promise((release) => gates.push(release));
  builds++;
  if (source === "bloat") rss = 10 * 1024 * 1024 * 1024;
  if (source === "mute") mute = true;
  if (source === "syntax") {
    return { id: request.id, ok: false, errorType: "BUILD_ERROR", message: "App.jsx:3:10: Expected \">\" but found \"}\"",
      details: [{ text: "Expected \">\" but found \"}\"", file: "App.jsx", line: 3, column: 10, lineText: "  return <div}" }] };
  }
  if (source === "forbidden") {
    return { id: request.id, ok: false, errorType: "VALIDATION_ERROR", message: "App.jsx imports 'fs', which a component may not use.",
      details: [{ text: "import of 'fs' is not allowed", file: "App.jsx", line: 1, column: 1 }] };
  }
  if (source.startsWith("big:")) return bundle(request.id, "x".repeat(Number(source.slice(4))));
  return bundle(request.id, `/* fake bundle from ${process.pid}, build ${builds} */ ${JSON.stringify(source)};`);
}

const lines = createInterface({ input: process.stdin });
lines.on("line", async (line) => {
  let request;
  try { request = JSON.parse(line); } catch { return send({ id: null, ok: false, errorType: "PROTOCOL_ERROR", message: "not JSON" }); }
  switch (request.cmd) {
    case "build": return send(await build(request));
    case "status":
      if (mute) return;
      return send({ id: request.id, ok: true, pid: process.pid, builds, uptimeMs: Math.round(process.uptime() * 1000), memory: { rss, heapUsed: 1, heapTotal: 1, external: 1 } });
    case "cleanup": return send({ id: request.id, ok: true });
    case "shutdown": send({ id: request.id, ok: true }); return process.exit(0);
    default: return send({ id: request.id ?? null, ok: false, errorType: "PROTOCOL_ERROR", message: `unknown cmd ${request.cmd}` });
  }
});
lines.on("close", () => process.exit(0));
