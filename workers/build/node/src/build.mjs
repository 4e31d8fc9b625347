// One build request, start to finish: limits → complexity → options → source scan → engine → output limit.
import { transform } from 'esbuild';
import { checkComplexity } from './complexity/scan.mjs';
import { checkOutputSize, checkSourceSize, readLimits } from './limits.mjs';
import { BuildFailure, ErrorType, validationFailure } from './messages.mjs';
import { ImportPolicy } from './imports-policy.mjs';
import { readOptions } from './options.mjs';
import { ScanParseError, scanSource } from './source-scan.mjs';
import { locate } from './positions.mjs';
import { detailOf } from './engines/esbuild-messages.mjs';

export class Builder {
  constructor({ allowlist, engines }) {
    this.allowlist = allowlist;
    this.engines = engines;
  }

  /** Returns the success response body; throws BuildFailure for a finished, failed build. */
  async build(request) {
    const started = performance.now();
    const limits = readLimits(request.limits);
    if (typeof request.source !== 'string') throw validationFailure('source must be a string holding App.jsx');
    const sourceBytes = checkSourceSize(request.source, limits);
    // Before anything parses the source: deep nesting overflows the parsers' native stacks (see complexity/scan.mjs).
    checkComplexity(request.source, limits);
    const options = readOptions(request.options, this.allowlist);
    const policy = new ImportPolicy(this.allowlist, options.dependencies);
    await scan(request.source, policy);
    const engine = this.engines[options.engine];
    const { bundle, warnings } = await engine.build({
      source: request.source,
      policy,
      minify: options.minify,
      settings: options.vite,
    });
    const outputBytes = checkOutputSize(bundle, limits);
    const durationMs = Math.round((performance.now() - started) * 10) / 10;
    return { bundle, stats: { durationMs, sourceBytes, outputBytes, engine: options.engine }, warnings };
  }
}

async function scan(source, policy) {
  try {
    scanSource(source, policy);
  } catch (error) {
    if (!(error instanceof ScanParseError)) throw error;
    throw await syntaxFailure(source, error);
  }
}

/** esbuild words syntax errors best; ask it (transform reads no files), fall back to the scanner's message. */
async function syntaxFailure(source, scanError) {
  try {
    await transform(source, { loader: 'jsx', jsx: 'automatic', sourcefile: 'App.jsx', logLevel: 'silent' });
  } catch (error) {
    if (Array.isArray(error?.errors) && error.errors.length > 0) {
      const details = error.errors.map(detailOf);
      const first = details[0];
      return new BuildFailure(ErrorType.build, `${first.file}:${first.line}:${first.column}: ${first.text}`, details);
    }
  }
  const where = locate(source, scanError.offset);
  const text = scanError.message.split('\n')[0];
  return new BuildFailure(ErrorType.build, `App.jsx:${where.line}:${where.column}: ${text}`, [{ text, file: 'App.jsx', ...where }]);
}
