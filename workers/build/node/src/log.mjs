// Logs are JSON lines on stderr: stdout belongs to the protocol (see PROTOCOL.md).
import { format } from 'node:util';

const levels = { debug: 10, info: 20, warn: 30, error: 40 };
const threshold = levels[process.env.WORKERS_BUILD_LOG_LEVEL] ?? levels.info;

/** Writes one log line when `level` passes WORKERS_BUILD_LOG_LEVEL. */
export function log(level, msg, fields = {}) {
  if ((levels[level] ?? levels.info) < threshold) return;
  const line = JSON.stringify({ level, msg, ...fields });
  process.stderr.write(`${line}\n`);
}

/** Sends every console method to the JSON log: Vite and its plugins print, and a stray stdout line would corrupt the protocol. */
export function redirectConsoleToLog() {
  const route = (level) => (...args) => log(level, format(...args), { source: 'console' });
  console.log = route('info');
  console.info = route('info');
  console.debug = route('debug');
  console.trace = route('debug');
  console.warn = route('warn');
  console.error = route('error');
}
