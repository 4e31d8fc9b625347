// Which bare imports the user's module may use: React (fixed entry points) plus the packages listed in package.json
// → "workersBuild.allowedDependencies", each limited to the entry points its own package.json "exports" declares.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { log } from './log.mjs';

/** Entry points of React a component needs; the server renderers would pull in Node code, so they stay out. */
const reactEntryPoints = Object.freeze({
  react: ['react', 'react/jsx-runtime', 'react/jsx-dev-runtime'],
  'react-dom': ['react-dom', 'react-dom/client'],
});

/** A subpath a "./*" export may expand to: plain segments only, so no "..", no extension tricks, no query. */
const wildcardSubpath = /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*$/;

export class Allowlist {
  /** @param {string} nodeDir folder holding package.json and node_modules */
  constructor(nodeDir) {
    const manifest = JSON.parse(readFileSync(join(nodeDir, 'package.json'), 'utf8'));
    this.dependencies = Object.freeze([...(manifest.workersBuild?.allowedDependencies ?? [])].sort());
    this.alwaysAllowed = Object.freeze(Object.keys(reactEntryPoints));
    /** @type {Map<string, {exact: Set<string>, wildcard: boolean} | null>} null = listed but not installed */
    this.entryPoints = new Map();
    for (const [name, specs] of Object.entries(reactEntryPoints)) {
      this.entryPoints.set(name, { exact: new Set(specs), wildcard: false });
    }
    for (const name of this.dependencies) this.entryPoints.set(name, readEntryPoints(nodeDir, name));
  }

  isAlwaysAllowed(packageName) {
    return this.alwaysAllowed.includes(packageName);
  }

  isListed(packageName) {
    return this.dependencies.includes(packageName);
  }

  /** True when `specifier` (already known to start with `packageName`) is a public entry point of that package. */
  exposes(packageName, specifier) {
    const entry = this.entryPoints.get(packageName);
    if (!entry) return false;
    if (entry.exact.has(specifier)) return true;
    const subpath = specifier.slice(packageName.length + 1);
    return entry.wildcard && specifier.startsWith(`${packageName}/`) && wildcardSubpath.test(subpath);
  }

  isInstalled(packageName) {
    return this.entryPoints.get(packageName) != null;
  }
}

function readEntryPoints(nodeDir, name) {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(nodeDir, 'node_modules', name, 'package.json'), 'utf8'));
  } catch (error) {
    log('warn', 'Allowlisted package is not installed; imports of it will be rejected', { package: name, error: error.message });
    return null;
  }
  const exact = new Set([name]);
  let wildcard = false;
  const exports = manifest.exports;
  if (exports && typeof exports === 'object' && !Array.isArray(exports)) {
    for (const key of Object.keys(exports)) {
      if (key === './*') wildcard = true;
      else if (key.startsWith('./') && !key.includes('*') && key !== './package.json') exact.add(`${name}/${key.slice(2)}`);
    }
  }
  return { exact, wildcard };
}
