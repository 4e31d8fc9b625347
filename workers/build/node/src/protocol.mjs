// JSON lines on stdin/stdout (PROTOCOL.md). stdout carries protocol messages only.
import { createInterface } from 'node:readline';

/** Writes one protocol message; `done` runs once it is handed to the OS (pipes are synchronous on Linux). */
export function send(message, done) {
  process.stdout.write(`${JSON.stringify(message)}\n`, done);
}

/**
 * Resolves once everything written to stdout has been handed to the OS. stdout to a pipe is asynchronous when the
 * reader is slower than us (a 200 KB bundle overflows the 64 KB pipe buffer), so exiting without this truncates the
 * last response.
 */
export function flushStdout() {
  return new Promise((resolve) => {
    process.stdout.write('', () => resolve());
  });
}

/**
 * Parses one line into a request, or returns { error, id } describing why it is not one.
 * @returns {{request: {id: string, cmd: string}} | {error: string, id: string|null}}
 */
export function parseRequest(line) {
  let value;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return { error: `Line is not JSON: ${error.message}`, id: null };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { error: 'A request must be a JSON object', id: null };
  const id = typeof value.id === 'string' ? value.id : null;
  if (id === null) return { error: 'A request needs a string "id"', id: null };
  if (typeof value.cmd !== 'string') return { error: 'A request needs a string "cmd"', id };
  return { request: value };
}

/** Yields stdin lines one at a time; the caller awaits each before the next is read (one request at a time). */
export function readLines() {
  return createInterface({ input: process.stdin, crlfDelay: Infinity, terminal: false });
}
