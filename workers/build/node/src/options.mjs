// Validates a build request's options (PROTOCOL.md → build) into the settings the engines use.
import { validationFailure } from './messages.mjs';
import { readViteConfig } from './vite-config.mjs';

const engines = ['esbuild', 'vite'];
const knownKeys = ['engine', 'dependencies', 'minify', 'viteConfig', 'timeoutMs'];
const maxDependencies = 20;

/**
 * @param {unknown} options the request's `options` (may be absent)
 * @param {import('./allowlist.mjs').Allowlist} allowlist
 */
export function readOptions(options, allowlist) {
  if (options === undefined || options === null) options = {};
  if (typeof options !== 'object' || Array.isArray(options)) throw validationFailure('options must be an object');
  for (const key of Object.keys(options)) {
    if (!knownKeys.includes(key)) throw validationFailure(`Unknown option "${key}" (known: ${knownKeys.join(', ')})`);
  }
  const engine = options.engine ?? 'esbuild';
  if (!engines.includes(engine)) throw validationFailure(`options.engine must be one of ${engines.join(', ')}`);
  const minify = options.minify ?? true;
  if (typeof minify !== 'boolean') throw validationFailure('options.minify must be true or false');
  // timeoutMs is the pool's business (it kills a process that overruns); accepted here so the pool may pass the
  // user's options through unchanged.
  if (options.timeoutMs !== undefined && options.timeoutMs !== null && !(Number.isFinite(options.timeoutMs) && options.timeoutMs > 0)) {
    throw validationFailure('options.timeoutMs must be a positive number');
  }
  if (engine !== 'vite' && options.viteConfig !== undefined && options.viteConfig !== null) {
    throw validationFailure('options.viteConfig is only valid with engine "vite"');
  }
  return {
    engine,
    minify,
    dependencies: readDependencies(options.dependencies, allowlist),
    vite: engine === 'vite' ? readViteConfig(options.viteConfig) : null,
  };
}

function readDependencies(dependencies, allowlist) {
  if (dependencies === undefined || dependencies === null) return [];
  if (!Array.isArray(dependencies)) throw validationFailure('options.dependencies must be an array of package names');
  if (dependencies.length > maxDependencies) throw validationFailure(`options.dependencies lists more than ${maxDependencies} packages`);
  const result = new Set();
  for (const name of dependencies) {
    if (typeof name !== 'string') throw validationFailure('options.dependencies must be an array of package names');
    if (allowlist.isAlwaysAllowed(name)) continue;
    if (!allowlist.isListed(name)) {
      const allowed = allowlist.dependencies.join(', ') || 'none';
      throw validationFailure(`Dependency "${name}" is not allowed: only pre-installed packages can be used (allowed: ${allowed}); nothing is installed at build time`);
    }
    result.add(name);
  }
  return [...result].sort();
}
