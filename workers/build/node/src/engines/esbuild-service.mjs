// esbuild runs its Go service as a child process of this one, shared by the esbuild engine, by Vite (which imports
// the same esbuild) and by the syntax-error wording in build.mjs. When that process dies — killed, out of memory, or
// a crash on some input — esbuild fails every pending call with "The service was stopped" and every later call with
// "The service is no longer running", until esbuild.stop() lets the next call start a fresh service.
import { stop } from 'esbuild';
import { BuildFailure, ErrorType } from '../messages.mjs';
import { log } from '../log.mjs';

const stoppedMessage = /The service (was stopped|is no longer running)/;

/** True for esbuild's own failure (its service process is gone), as opposed to messages about the source. */
export function isServiceStopped(error) {
  return error instanceof Error && stoppedMessage.test(error.message)
    && !(Array.isArray(error.errors) && error.errors.some((message) => !stoppedMessage.test(message.text)));
}

/**
 * Runs `attempt`; when esbuild's service died under it, starts a new service and runs it once more, since the death
 * may have had nothing to do with this build (the service was killed while idle). A service that dies on the same
 * build twice died of the source: that build is a BUILD_ERROR, and the next build gets a fresh service again.
 * @param {() => Promise<T>} attempt
 * @param {() => void} forget drops whatever the caller holds of the dead service (contexts)
 * @returns {Promise<T>}
 * @template T
 */
export async function withServiceRestart(attempt, forget) {
  try {
    return await attempt();
  } catch (error) {
    if (!isServiceStopped(error)) throw error;
    log('warn', "esbuild's service process stopped; starting a new one and building again", { error: error.message });
    await restart(forget);
  }
  try {
    return await attempt();
  } catch (error) {
    if (!isServiceStopped(error)) throw error;
    log('error', "esbuild's service process stopped twice on the same build", { error: error.message });
    await restart(forget);
    const text = `The bundler crashed on this source: esbuild's service process stopped twice while bundling it (${error.message})`;
    throw new BuildFailure(ErrorType.build, text);
  }
}

async function restart(forget) {
  forget();
  await stop();
}
