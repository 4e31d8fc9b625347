// Optional engine: Vite's build() with @vitejs/plugin-react, for users who need Vite's behaviour. Vite keeps state
// per build and a warm process grows by ≈ 0.3 MB a build (measured on the build machines): the pool recycles these
// processes by the memory `status` reports. Vite is imported on first use so esbuild-only processes stay lean.
import { join, sep } from 'node:path';
import { APP_SPECIFIER, ENTRY_IMPORTS, ENTRY_SOURCE } from '../entry-template.mjs';
import { BuildFailure, ErrorType } from '../messages.mjs';
import { log } from '../log.mjs';
import { lineTextAt, locateSpecifier } from '../positions.mjs';
import { isServiceStopped, withServiceRestart } from './esbuild-service.mjs';

const GLOBAL_NAME = 'WorkersPreviewBundle';

export class ViteEngine {
  #modules = null;

  constructor({ nodeDir }) {
    this.nodeDir = nodeDir;
    this.nodeModules = join(nodeDir, 'node_modules') + sep;
    // Virtual ids look like paths (so Vite's JSX transform applies) in a folder that does not exist.
    this.entryId = join(nodeDir, '.workers-virtual', 'entry.jsx');
    this.appId = join(nodeDir, '.workers-virtual', 'App.jsx');
  }

  /** Bundles `source`; throws BuildFailure for a rejected source. */
  build(request) {
    // Vite transforms and minifies through the same esbuild service as the esbuild engine: if it died, restart it.
    return withServiceRestart(() => this.#bundle(request), () => {});
  }

  async #bundle({ source, policy, minify, settings }) {
    const { build, react } = await this.#load();
    const offences = [];
    const warnings = [];
    let output;
    try {
      output = await build(this.#config({ source, policy, minify, settings, offences, warnings, react }));
    } catch (error) {
      if (offences.length > 0) {
        const [first] = offences;
        const where = first.line ? `App.jsx:${first.line}:${first.column}: ` : '';
        throw new BuildFailure(ErrorType.validation, `${where}${first.text}`, offences);
      }
      if (isServiceStopped(error)) throw error;
      throw this.#failure(error, source);
    }
    const chunks = (Array.isArray(output) ? output : [output]).flatMap((o) => o.output ?? []);
    const js = chunks.filter((chunk) => chunk.type === 'chunk');
    if (js.length !== 1) throw new Error(`Vite produced ${js.length} chunks`);
    return { bundle: js[0].code, warnings: warnings.slice(0, 20) };
  }

  async dispose() {
    // Vite keeps no handle between builds; dropping the module references lets a gc reclaim what it can.
    this.#modules = null;
  }

  async #load() {
    if (!this.#modules) {
      const [vite, plugin] = await Promise.all([import('vite'), import('@vitejs/plugin-react')]);
      this.#modules = { build: vite.build, react: plugin.default };
      log('debug', 'Loaded Vite', { version: vite.version });
    }
    return this.#modules;
  }

  #config({ source, policy, minify, settings, offences, warnings, react }) {
    return {
      configFile: false,
      envFile: false,
      envDir: false,
      root: this.nodeDir,
      publicDir: false,
      mode: 'production',
      logLevel: 'silent',
      clearScreen: false,
      // Inline (empty) PostCSS config: otherwise Vite searches the folders above for one.
      css: { postcss: {} },
      define: { ...settings.define, 'process.env.NODE_ENV': '"production"' },
      plugins: [this.#guard({ source, policy, offences }), react({ jsxRuntime: settings.jsxRuntime })],
      build: {
        write: false,
        emptyOutDir: false,
        copyPublicDir: false,
        reportCompressedSize: false,
        modulePreload: false,
        minify: minify ? 'esbuild' : false,
        target: settings.target,
        sourcemap: settings.sourcemap,
        lib: { entry: this.entryId, formats: ['iife'], name: GLOBAL_NAME, fileName: () => 'bundle.js' },
        rollupOptions: {
          onwarn: (warning) => warnings.push({ text: warning.message, file: null, line: null, column: null, lineText: null }),
        },
      },
    };
  }

  /** Serves the entry and App.jsx from memory and applies the import policy to every import App.jsx makes. */
  #guard({ source, policy, offences }) {
    const engine = this;
    const reject = (context, text, specifier = null) => {
      const where = specifier ? locateSpecifier(source, specifier) : null;
      offences.push({ text, file: 'App.jsx', line: null, column: null, lineText: null, ...where });
      context.error(text);
    };
    return {
      name: 'workers-virtual-source',
      enforce: 'pre',
      async resolveId(specifier, importer) {
        if (specifier === engine.entryId || (!importer && specifier.endsWith('entry.jsx'))) return engine.entryId;
        if (importer === engine.entryId) {
          if (specifier === APP_SPECIFIER) return engine.appId;
          if (!ENTRY_IMPORTS.includes(specifier)) return reject(this, `Unexpected import "${specifier}" in the entry`);
          return engine.#resolvePackage(this, specifier, reject);
        }
        if (importer === engine.appId) {
          const reason = policy.check(specifier);
          if (reason) return reject(this, reason, specifier);
          return engine.#resolvePackage(this, specifier, reject);
        }
        if (importer?.startsWith(engine.nodeModules) || specifier.startsWith('\0')) return null;
        if (importer?.startsWith('\0')) return null;
        return reject(this, `Import "${specifier}" from "${importer}" is not allowed`);
      },
      load(id) {
        if (id === engine.entryId) return ENTRY_SOURCE;
        if (id === engine.appId) return source;
        const path = id.split('?')[0];
        if (path.startsWith('\0') || path.startsWith(engine.nodeModules)) return null;
        return reject(this, `Loading "${id}" is not allowed`);
      },
    };
  }

  /** Resolves an allowed package from this folder (the virtual importer has no real location). */
  async #resolvePackage(context, specifier, reject) {
    const resolved = await context.resolve(specifier, join(this.nodeDir, 'package.json'), { skipSelf: true });
    if (!resolved) return null;
    // Vite's CommonJS support wraps ids as "\0<path>?commonjs-…": judge the file path underneath.
    const path = resolved.id.replace(/^\0/, '').split('?')[0];
    if (!path.startsWith(this.nodeModules)) return reject(context, `Import "${specifier}" resolved outside node_modules (${resolved.id})`);
    return resolved;
  }

  /** Rollup/Vite errors carry `loc` {file, line (1-based), column (0-based)} and `id`; map them like esbuild's. */
  #failure(error, source) {
    const inner = Array.isArray(error?.errors) && error.errors.length > 0 ? error.errors : null;
    const isApp = (file) => file === this.appId || file?.endsWith('/.workers-virtual/App.jsx');
    const details = inner
      ? inner.map((message) => ({
        text: cleanText(message.text, this.nodeDir),
        file: 'App.jsx',
        line: message.location?.line ?? null,
        column: message.location ? message.location.column + 1 : null,
        lineText: message.location?.lineText ?? null,
      }))
      : [{
        text: cleanText(error?.message ?? String(error), this.nodeDir),
        file: isApp(error?.loc?.file ?? error?.id) ? 'App.jsx' : (error?.loc?.file ?? error?.id ?? null),
        line: error?.loc?.line ?? null,
        column: error?.loc ? error.loc.column + 1 : null,
        lineText: error?.loc && isApp(error.loc.file ?? error.id) ? lineTextAt(source, error.loc.line) : null,
      }];
    const first = details[0];
    const where = first.file && first.line ? `${first.file}:${first.line}:${first.column}: ` : '';
    return new BuildFailure(ErrorType.build, `${where}${first.text}`, details);
  }
}

/** Rollup prefixes "[plugin] <id> (line:col): " and names files by their virtual paths; keep what a user needs. */
function cleanText(text, nodeDir) {
  return String(text).split('\n')[0]
    .replace(/^\[[^\]]+\]\s*/, '')
    .replace(/^\S+ \(\d+:\d+\): /, '')
    .replaceAll(`${nodeDir}/`, '')
    .replaceAll('.workers-virtual/App.jsx', 'App.jsx');
}
