// Limits of one build: the sizes of the source and the bundle, and how deep the source may nest (checked by
// complexity/scan.mjs before anything parses it; README.md → Limits says why each number). The pool sends them with
// each request; these defaults apply when it does not, and the ceilings stop a mistaken limit from letting a build
// exhaust the process.
import { validationFailure } from './messages.mjs';

export const defaultLimits = Object.freeze({
  maxSourceBytes: 256 * 1024,
  maxOutputBytes: 4 * 1024 * 1024,
  maxNestingDepth: 256,
  maxExpressionDepth: 1000,
  maxClassHeritageDepth: 8,
});
const ceilings = Object.freeze({
  maxSourceBytes: 4 * 1024 * 1024,
  maxOutputBytes: 64 * 1024 * 1024,
  maxNestingDepth: 1000,
  maxExpressionDepth: 2000,
  maxClassHeritageDepth: 16,
});

/** Validates `limits` from a request and fills in defaults. */
export function readLimits(limits) {
  if (limits === undefined || limits === null) return { ...defaultLimits };
  if (typeof limits !== 'object' || Array.isArray(limits)) throw validationFailure('limits must be an object');
  const result = { ...defaultLimits };
  for (const [key, value] of Object.entries(limits)) {
    // Limits come from the pool, not the user: a limit this script does not know (say, one the pool enforces
    // itself) is left to the pool rather than failing every build.
    if (!(key in ceilings) || value === null || value === undefined) continue;
    if (!Number.isSafeInteger(value) || value < 1 || value > ceilings[key]) {
      throw validationFailure(`limits.${key} must be an integer between 1 and ${ceilings[key]}`);
    }
    result[key] = value;
  }
  return result;
}

export function checkSourceSize(source, limits) {
  const bytes = Buffer.byteLength(source, 'utf8');
  if (bytes > limits.maxSourceBytes) {
    throw validationFailure(`Source is ${bytes} bytes, over the limit of ${limits.maxSourceBytes} bytes`);
  }
  return bytes;
}

export function checkOutputSize(bundle, limits) {
  const bytes = Buffer.byteLength(bundle, 'utf8');
  if (bytes > limits.maxOutputBytes) {
    throw validationFailure(`Bundle is ${bytes} bytes, over the output limit of ${limits.maxOutputBytes} bytes`);
  }
  return bytes;
}
