// Decides whether the user's module may import a specifier. The source is untrusted: the only things a build may
// read are the virtual entry, App.jsx (from memory) and the public entry points of allowed, pre-installed packages.
import { builtinModules } from 'node:module';

const builtins = new Set(builtinModules.flatMap((name) => [name, name.split('/')[0]]));
/** npm package names: optional @scope/, lower case, no leading dot or underscore. */
const packageSpecifier = /^(@[a-z0-9~-][a-z0-9._~-]*\/)?[a-z0-9~-][a-z0-9._~-]*(\/[A-Za-z0-9._~-]+)*$/;

/** Package name of a bare specifier ("@scope/pkg/sub" → "@scope/pkg"). */
export function packageNameOf(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

export class ImportPolicy {
  /**
   * @param {import('./allowlist.mjs').Allowlist} allowlist
   * @param {string[]} requested the request's options.dependencies (already validated against the allowlist)
   */
  constructor(allowlist, requested) {
    this.allowlist = allowlist;
    this.requested = new Set(requested);
  }

  /** Returns null when `specifier` may be imported by App.jsx, otherwise the reason it may not. */
  check(specifier) {
    const quoted = JSON.stringify(specifier);
    if (typeof specifier !== 'string' || specifier.length === 0) return `Import ${quoted} is not allowed: empty path`;
    if (specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..') {
      return `Import ${quoted} is not allowed: relative file imports cannot be bundled (the preview is the single file App.jsx)`;
    }
    if (specifier.split(/[\\/]/).includes('..')) return `Import ${quoted} is not allowed: ".." path segments are forbidden`;
    if (specifier.startsWith('/') || specifier.startsWith('\\') || /^[A-Za-z]:[\\/]/.test(specifier)) {
      return `Import ${quoted} is not allowed: absolute file paths are forbidden`;
    }
    if (specifier.startsWith('node:') || builtins.has(specifier) || builtins.has(packageNameOf(specifier))) {
      return `Import ${quoted} is not allowed: Node.js built-in modules are not available in a browser preview`;
    }
    if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(specifier)) {
      return `Import ${quoted} is not allowed: URL imports (http:, https:, data:, file:, …) are forbidden`;
    }
    if (!packageSpecifier.test(specifier)) return `Import ${quoted} is not allowed: not a valid package name`;
    return this.#checkPackage(specifier, quoted);
  }

  #checkPackage(specifier, quoted) {
    const name = packageNameOf(specifier);
    const { allowlist } = this;
    if (!allowlist.isAlwaysAllowed(name)) {
      if (!allowlist.isListed(name)) {
        const allowed = allowlist.dependencies.join(', ') || 'none';
        return `Import ${quoted} is not allowed: package "${name}" is not in the allowlist (allowed dependencies: ${allowed}; react and react-dom are always available)`;
      }
      if (!this.requested.has(name)) {
        return `Import ${quoted} is not allowed: package "${name}" is allowlisted but missing from options.dependencies`;
      }
      if (!allowlist.isInstalled(name)) return `Import ${quoted} is not allowed: package "${name}" is not installed on this worker`;
    }
    if (!allowlist.exposes(name, specifier)) {
      return `Import ${quoted} is not allowed: "${specifier}" is not a public entry point of package "${name}"`;
    }
    return null;
  }
}
