// The subset of Vite configuration a request may set (README.md → "viteConfig"). Everything else — plugins,
// resolve aliases, server/fs options, root, envDir, Babel plugins — could load code or read files, so unknown keys
// are a VALIDATION_ERROR rather than being ignored.
import { validationFailure } from './messages.mjs';

const targetPattern = /^(es20(1[5-9]|2\d)|esnext|(chrome|edge|firefox|safari|ios|opera)\d{1,3}(\.\d{1,2}){0,2})$/;
const definedName = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/;
const maxDefines = 50;

export const defaultViteSettings = Object.freeze({ define: {}, target: 'es2020', sourcemap: false, jsxRuntime: 'automatic' });

/** Validates `viteConfig` and returns the settings the Vite engine applies. */
export function readViteConfig(viteConfig) {
  const settings = { ...defaultViteSettings, define: {} };
  if (viteConfig === undefined || viteConfig === null) return settings;
  const top = expectObject(viteConfig, 'viteConfig', ['define', 'build', 'react']);
  if (top.define !== undefined) settings.define = readDefine(top.define);
  if (top.build !== undefined) {
    const build = expectObject(top.build, 'viteConfig.build', ['target', 'sourcemap']);
    if (build.target !== undefined) settings.target = readTarget(build.target);
    if (build.sourcemap !== undefined) {
      if (build.sourcemap !== false && build.sourcemap !== 'inline') throw validationFailure('viteConfig.build.sourcemap must be false or "inline"');
      settings.sourcemap = build.sourcemap;
    }
  }
  if (top.react !== undefined) {
    const react = expectObject(top.react, 'viteConfig.react', ['jsxRuntime']);
    if (react.jsxRuntime !== undefined) {
      if (react.jsxRuntime !== 'automatic' && react.jsxRuntime !== 'classic') throw validationFailure('viteConfig.react.jsxRuntime must be "automatic" or "classic"');
      settings.jsxRuntime = react.jsxRuntime;
    }
  }
  return settings;
}

function expectObject(value, name, knownKeys) {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw validationFailure(`${name} must be an object`);
  for (const key of Object.keys(value)) {
    if (!knownKeys.includes(key)) throw validationFailure(`${name}.${key} is not supported (supported: ${knownKeys.join(', ')})`);
  }
  return value;
}

/** define values are JSON text of a literal (`"\"text\""`, `"42"`, `"true"`): an arbitrary expression could smuggle an import. */
function readDefine(define) {
  const entries = Object.entries(expectObject(define, 'viteConfig.define', Object.keys(define ?? {})));
  if (entries.length > maxDefines) throw validationFailure(`viteConfig.define has more than ${maxDefines} entries`);
  const result = {};
  for (const [name, value] of entries) {
    if (!definedName.test(name) || name.length > 100) throw validationFailure(`viteConfig.define key "${name}" must be an identifier or a dotted name`);
    if (name.startsWith('process.env.NODE_ENV') || name.startsWith('import.meta')) throw validationFailure(`viteConfig.define may not set "${name}"`);
    if (typeof value !== 'string' || value.length > 1000 || !isJsonLiteral(value)) {
      throw validationFailure(`viteConfig.define.${name} must be the JSON text of a string, number, boolean or null (e.g. "\\"text\\"")`);
    }
    result[name] = value;
  }
  return result;
}

function isJsonLiteral(text) {
  try {
    const value = JSON.parse(text);
    return value === null || ['string', 'number', 'boolean'].includes(typeof value);
  } catch {
    return false;
  }
}

function readTarget(target) {
  const targets = Array.isArray(target) ? target : [target];
  if (targets.length === 0 || targets.length > 10 || !targets.every((t) => typeof t === 'string' && targetPattern.test(t))) {
    throw validationFailure('viteConfig.build.target must be a target like "es2020", "esnext", "chrome120" or a list of them');
  }
  return Array.isArray(target) ? [...targets] : target;
}
