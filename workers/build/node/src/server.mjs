// Serves requests one at a time: build, status, cleanup, shutdown (PROTOCOL.md).
import { BuildFailure, ErrorType, failureResponse, protocolError } from './messages.mjs';
import { log } from './log.mjs';
import { parseRequest, send } from './protocol.mjs';

export class Server {
  #builds = 0;
  #started = performance.now();

  /** @param {{builder: object, engines: object, send?: (message: object) => void}} parts `send` defaults to stdout */
  constructor({ builder, engines, send: sendMessage = send }) {
    this.builder = builder;
    this.engines = engines;
    this.send = sendMessage;
  }

  /** Handles one input line; returns true when the server should stop after answering. */
  async handleLine(line) {
    if (line.trim() === '') return false;
    const parsed = parseRequest(line);
    if (parsed.error) {
      log('warn', 'Malformed request line', { error: parsed.error, id: parsed.id });
      this.send(protocolError(parsed.id, parsed.error));
      return false;
    }
    const { request } = parsed;
    switch (request.cmd) {
      case 'build':
        this.send(await this.#build(request));
        return false;
      case 'status':
        this.send(this.#status(request.id));
        return false;
      case 'cleanup':
        await this.dispose();
        globalThis.gc?.();
        this.send({ id: request.id, ok: true });
        return false;
      case 'shutdown':
        this.send({ id: request.id, ok: true });
        return true;
      default:
        this.send(protocolError(request.id, `Unknown cmd "${request.cmd}" (known: build, status, cleanup, shutdown)`));
        return false;
    }
  }

  async dispose() {
    await Promise.all(Object.values(this.engines).map((engine) => engine.dispose()));
  }

  async #build(request) {
    this.#builds++;
    try {
      const result = await this.builder.build(request);
      log('debug', 'Build finished', { id: request.id, ...result.stats });
      return { id: request.id, ok: true, ...result };
    } catch (error) {
      if (error instanceof BuildFailure) {
        log('debug', 'Build rejected', { id: request.id, errorType: error.errorType, message: error.message });
        return failureResponse(request.id, error);
      }
      // Whatever a source makes a bundler (or this code) throw, the answer is an answer: a process that exits on
      // it would let one user knock build servers over again and again. The engines start afresh, so nothing
      // half-done in them reaches the next build.
      log('error', 'Build failed unexpectedly', { id: request.id, error: error?.stack ?? String(error) });
      await this.#reset();
      const message = `The build server failed on this build: ${error?.message ?? String(error)}`;
      return failureResponse(request.id, new BuildFailure(ErrorType.internal, message));
    }
  }

  async #reset() {
    try {
      await this.dispose();
    } catch (error) {
      log('error', 'Resetting the engines failed', { error: error?.stack ?? String(error) });
    }
  }

  #status(id) {
    const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
    return {
      id,
      ok: true,
      pid: process.pid,
      builds: this.#builds,
      uptimeMs: Math.round(performance.now() - this.#started),
      memory: { rss, heapUsed, heapTotal, external },
    };
  }
}
