// Drives build-server.mjs as a child process over the JSON-lines protocol, exactly as the C# pool does.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const nodeDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export class BuildServer {
  #waiting = [];
  #lines = [];
  #nextId = 1;

  constructor(child) {
    this.child = child;
    this.stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk) => { this.stderr += chunk; });
    this.exited = once(child, 'exit').then(([code, signal]) => ({ code, signal }));
    createInterface({ input: child.stdout, crlfDelay: Infinity }).on('line', (line) => {
      const waiter = this.#waiting.shift();
      if (waiter) waiter(line);
      else this.#lines.push(line);
    });
  }

  /** Starts a server and waits for its ready line. */
  static async start(extraArgs = []) {
    const child = spawn(process.execPath, [...extraArgs, join(nodeDir, 'build-server.mjs')], {
      cwd: nodeDir,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, WORKERS_BUILD_LOG_LEVEL: 'info' },
    });
    const server = new BuildServer(child);
    server.ready = JSON.parse(await server.nextLine());
    return server;
  }

  /** The next stdout line; rejects if the child exits first. */
  nextLine() {
    if (this.#lines.length > 0) return Promise.resolve(this.#lines.shift());
    return new Promise((resolve, reject) => {
      this.#waiting.push(resolve);
      this.exited.then(({ code, signal }) => reject(new Error(`build server exited (${code ?? signal}) before answering; stderr:\n${this.stderr}`)));
    });
  }

  /** Resolves when stderr (the JSON log) has contained a match for `pattern`. */
  waitForStderr(pattern) {
    return new Promise((resolve) => {
      const check = () => {
        if (!pattern.test(this.stderr)) return false;
        this.child.stderr.off('data', check);
        resolve();
        return true;
      };
      if (!check()) this.child.stderr.on('data', check);
    });
  }

  writeLine(text) {
    this.child.stdin.write(`${text}\n`);
  }

  /** Sends one request (an id is added when missing) and returns its parsed response. */
  async request(message) {
    const request = { id: String(this.#nextId++), ...message };
    this.writeLine(JSON.stringify(request));
    const response = JSON.parse(await this.nextLine());
    if (response.id !== request.id) throw new Error(`Response id ${response.id} does not match request id ${request.id}`);
    return response;
  }

  build(source, options = {}, limits = undefined) {
    return this.request({ cmd: 'build', source, options, ...(limits ? { limits } : {}) });
  }

  async stop() {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return this.exited;
    this.child.stdin.end();
    return this.exited;
  }
}

/** A response for an assertion message, without the (large) bundle text. */
export function brief(response) {
  return JSON.stringify({ ...response, bundle: response.bundle ? `<${response.bundle.length} chars>` : undefined });
}
