// The complexity scan on its own: what it counts, what it must not be fooled by, and that real code stays far
// inside the default limits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkComplexity } from '../src/complexity/scan.mjs';
import { defaultLimits } from '../src/limits.mjs';
import { BuildFailure } from '../src/messages.mjs';
import { nodeDir } from './support/build-server.mjs';
import { bracketsInDisguise, deeplyNestedComponent } from './support/pathological.mjs';

const unlimited = { maxNestingDepth: Infinity, maxExpressionDepth: Infinity, maxClassHeritageDepth: Infinity };
const measure = (source) => checkComplexity(source, unlimited);

function rejection(source, limits = defaultLimits) {
  try {
    checkComplexity(source, limits);
  } catch (error) {
    assert.ok(error instanceof BuildFailure, String(error));
    return error;
  }
  return assert.fail('the source passed the limits');
}

function installedJavaScript(dir = join(nodeDir, 'node_modules'), files = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) installedJavaScript(path, files);
    else if (/\.(m?js|cjs|jsx)$/.test(entry.name)) files.push(path);
  }
  return files;
}

test('every JavaScript file installed in node_modules ends with all levels closed and far inside the default limits', (t) => {
  // ≈ 2,800 files, React DOM, Vite, rollup, Babel's generated code and minified bundles among them: proof that
  // the tokenizer reads strings, regexes, templates and JSX right, and of how deep real code gets.
  const files = installedJavaScript();
  assert.ok(files.length > 1000, `only ${files.length} files: is node_modules installed?`);
  let deepest = { nestingDepth: 0, expressionDepth: 0, classHeritageDepth: 0 };
  for (const file of files) {
    const result = measure(readFileSync(file, 'utf8'));
    assert.equal(result.unclosedLevels, 0, file);
    const name = relative(nodeDir, file);
    if (result.nestingDepth > deepest.nestingDepth) deepest = { ...deepest, nestingDepth: result.nestingDepth, nestingFile: name };
    if (result.expressionDepth > deepest.expressionDepth) deepest = { ...deepest, expressionDepth: result.expressionDepth, expressionFile: name };
    deepest.classHeritageDepth = Math.max(deepest.classHeritageDepth, result.classHeritageDepth);
  }
  t.diagnostic(`${files.length} files; deepest nesting ${deepest.nestingDepth} (${deepest.nestingFile}), deepest expression `
    + `${deepest.expressionDepth} (${deepest.expressionFile}), deepest class heritage ${deepest.classHeritageDepth}`);
  assert.ok(deepest.nestingDepth * 4 < defaultLimits.maxNestingDepth, JSON.stringify(deepest));
  assert.ok(deepest.expressionDepth * 2 < defaultLimits.maxExpressionDepth, JSON.stringify(deepest));
  assert.ok(deepest.classHeritageDepth * 2 < defaultLimits.maxClassHeritageDepth, JSON.stringify(deepest));
});

test('brackets inside strings, comments, regexes, template text and JSX text are not counted', () => {
  assert.deepEqual(measure(bracketsInDisguise(5000)), { nestingDepth: 5, expressionDepth: 16, classHeritageDepth: 0, unclosedLevels: 0 });
});

test('a slash after an operand divides and one after an operator or a statement head starts a regex', () => {
  assert.equal(measure('const x = a / (b) / c;').unclosedLevels, 0);
  assert.equal(measure('if (x) /[(]/.test(y);\nconst z = x.y / 2;').unclosedLevels, 0);
  assert.equal(measure('const r = [/\\(/, /[/(]/g];').unclosedLevels, 0);
});

test('a less-than after a name is a comparison even when the name is a contextual keyword', () => {
  assert.deepEqual(measure('let from = 0;\nwhile (from < total) { from++; }\n').unclosedLevels, 0);
  assert.equal(measure('for (let i = 0; i < n; i++) {}\nconst ok = a<b && c>d;').unclosedLevels, 0);
});

test('statements without semicolons do not add up to one long chain', () => {
  const lines = Array.from({ length: 5000 }, (_, i) => `x = a${i} + b${i} * c\nfoo(x)`).join('\n');
  assert.ok(measure(`let x\n${lines}\n`).expressionDepth < 20);
});

test('a chain is counted across everything that nests: else after ;, async arrows, calls, labels', () => {
  for (const source of [
    `if (a) x();${' else if (a) x();'.repeat(400)}`,
    `const f = ${'async a => '.repeat(600)}1;`,
    `const v = f${'()'.repeat(1200)};`,
    `${'label: '.repeat(600)}x();`,
    `const v = ${'new '.repeat(1200)}X;`,
  ]) {
    assert.match(rejection(source).message, /limits\.maxExpressionDepth = 1000/, source.slice(0, 40));
  }
});

test('a chain of groups counts the groups and their contents: (deep) + a + a is as deep as both', () => {
  const groupFirst = `const v = ${'('.repeat(200)}a${')'.repeat(200)}${' + a'.repeat(400)};`;
  assert.match(rejection(groupFirst).message, /maxExpressionDepth/);
  assert.ok(measure(`const v = ${'('.repeat(200)}a${')'.repeat(200)};\nconst w = ${'a + '.repeat(400)}a;`).expressionDepth < 1000);
});

test('classes count in extends clauses only, and a key named extends opens none', () => {
  const mixins = 'class A extends mixin(class extends Base {}) {}\nclass B extends A { m() { return class extends B {}; } }';
  assert.equal(measure(mixins).classHeritageDepth, 2);
  assert.equal(measure(`const config = { ${'extends: 1, '.repeat(20)} };`).classHeritageDepth, 0);
  const nested = `const v = ${'class extends '.repeat(9)}Object${' {}'.repeat(9)};`;
  assert.match(rejection(nested).message, /^App\.jsx:1:\d+: Classes are nested deeper than 8 levels .*limits\.maxClassHeritageDepth = 8/);
});

test('the failure names the limit, its value and the line and column where it was exceeded', () => {
  const error = rejection(`// line 1\nconst v = ${'['.repeat(30)}${']'.repeat(30)};`, { ...defaultLimits, maxNestingDepth: 20 });
  assert.equal(error.errorType, 'VALIDATION_ERROR');
  assert.match(error.message, /^App\.jsx:2:31: Nesting is deeper than 20 levels here \(limits\.maxNestingDepth = 20;/);
  assert.deepEqual(error.details.map(({ file, line, column }) => ({ file, line, column })), [{ file: 'App.jsx', line: 2, column: 31 }]);
});

test('a deep but real component measures about one level per element', () => {
  const { nestingDepth, expressionDepth } = measure(deeplyNestedComponent(100));
  assert.equal(nestingDepth, 106);
  assert.ok(expressionDepth < 150, String(expressionDepth));
});
