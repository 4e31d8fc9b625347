// Reads App.jsx's import sites before any bundler sees it. esbuild expands a computed `import(`./${x}`)` or
// `require("../" + x)` into a glob over the disk without calling any plugin, and Vite rewrites `import.meta.glob`
// and `new URL(…, import.meta.url)` into file reads, so those forms are rejected here, where positions are exact.
// The bundlers' resolver hooks check every import again (defence in depth).
import { parseAst } from 'rollup/parseAst';
import { ErrorType, BuildFailure } from './messages.mjs';
import { locate } from './positions.mjs';

const APP_FILE = 'App.jsx';

/** Thrown when the scanner cannot parse the source; the caller asks esbuild for a better syntax message. */
export class ScanParseError extends Error {
  constructor(message, offset) {
    super(message);
    this.offset = offset;
  }
}

/**
 * Checks every import site of `source` against `policy`; throws a VALIDATION_ERROR listing all offences, or a
 * BUILD_ERROR when there is no default export.
 * @param {string} source
 * @param {import('./imports-policy.mjs').ImportPolicy} policy
 */
export function scanSource(source, policy) {
  let ast;
  try {
    ast = parseAst(source, { jsx: true });
  } catch (error) {
    // The parser turns its native tree into JavaScript objects recursively; complexity/scan.mjs keeps sources far
    // below the depth where that overflows, so this is the backstop, not the expected path.
    if (error instanceof RangeError) {
      const text = 'App.jsx is nested too deeply to parse (the parser ran out of stack); flatten the deepest part';
      throw new BuildFailure(ErrorType.build, `${APP_FILE}: ${text}`, [{ text, file: APP_FILE, line: null, column: null, lineText: null }]);
    }
    throw new ScanParseError(error.message, Number.isInteger(error.pos) ? error.pos : 0);
  }
  const offences = [];
  let hasDefaultExport = false;
  const checkSpecifier = (node) => {
    const specifier = staticString(node);
    if (specifier === null) {
      offences.push({ text: 'Import paths must be string literals: a computed import() path is not allowed', start: node.start });
      return;
    }
    const reason = policy.check(specifier);
    if (reason) offences.push({ text: reason, start: node.start });
  };

  walk(ast, (node, parent) => {
    switch (node.type) {
      case 'ImportDeclaration':
      case 'ExportAllDeclaration':
      case 'ExportNamedDeclaration':
        if (node.source) checkSpecifier(node.source);
        if (node.attributes?.length) offences.push({ text: 'Import attributes ("with { … }") are not allowed', start: node.attributes[0].start });
        if (node.type === 'ExportNamedDeclaration' && node.specifiers?.some((s) => exportedName(s) === 'default')) hasDefaultExport = true;
        break;
      case 'ExportDefaultDeclaration':
        hasDefaultExport = true;
        break;
      case 'ImportExpression':
        checkSpecifier(node.source);
        if (node.options) offences.push({ text: 'import() options are not allowed', start: node.options.start });
        break;
      case 'Identifier':
        if (node.name === 'require' && isReference(node, parent)) {
          offences.push({ text: 'require() is not allowed: use an import statement', start: node.start });
        }
        break;
      case 'MetaProperty':
        if (node.meta.name === 'import' && !isImportMetaEnv(node, parent)) {
          offences.push({ text: 'import.meta is not allowed here (only import.meta.env is)', start: node.start });
        }
        break;
      default:
        break;
    }
  });

  if (offences.length > 0) {
    const details = offences.map(({ text, start }) => ({ text, file: APP_FILE, ...locate(source, start) }));
    const first = details[0];
    const more = details.length > 1 ? ` (and ${details.length - 1} more)` : '';
    throw new BuildFailure(ErrorType.validation, `${APP_FILE}:${first.line}:${first.column}: ${first.text}${more}`, details);
  }
  if (!hasDefaultExport) {
    const text = 'App.jsx must `export default` a React component';
    throw new BuildFailure(ErrorType.build, `${APP_FILE}: ${text}`, [{ text, file: APP_FILE, line: 1, column: 1, lineText: locate(source, 0).lineText }]);
  }
}

/** The value of a string literal or a template literal without substitutions; null for anything computed. */
function staticString(node) {
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0].value.cooked;
  return null;
}

function exportedName(specifier) {
  return specifier.exported?.name ?? specifier.exported?.value;
}

/** False for names that are not variable references: `a.require`, `{ require: 1 }`, `class { require() {} }`. */
function isReference(node, parent) {
  if (!parent) return true;
  if (parent.type === 'MemberExpression' && parent.property === node && !parent.computed) return false;
  if ((parent.type === 'Property' || parent.type === 'MethodDefinition' || parent.type === 'PropertyDefinition')
    && parent.key === node && !parent.computed && !(parent.type === 'Property' && parent.shorthand)) return false;
  if (parent.type === 'MetaProperty') return false;
  return true;
}

function isImportMetaEnv(node, parent) {
  return parent?.type === 'MemberExpression' && parent.object === node && !parent.computed && parent.property.name === 'env';
}

/** Visits every node depth-first in source order, with an explicit stack: no input can overflow the call stack. */
function walk(root, visit) {
  const pending = [[root, null]];
  while (pending.length > 0) {
    const [node, parent] = pending.pop();
    visit(node, parent);
    const children = [];
    for (const key of Object.keys(node)) {
      const value = node[key];
      if (Array.isArray(value)) {
        for (const child of value) if (child && typeof child.type === 'string') children.push(child);
      } else if (value && typeof value === 'object' && typeof value.type === 'string') {
        children.push(value);
      }
    }
    for (let i = children.length - 1; i >= 0; i--) pending.push([children[i], node]);
  }
}
