// Turns offsets into the 1-based line/column pairs of PROTOCOL.md.

/** Line (1-based), column (1-based, in UTF-16 units like the editor shows) and the line's text at `offset`. */
export function locate(source, offset) {
  const clamped = Math.max(0, Math.min(offset, source.length));
  const lineStart = source.lastIndexOf('\n', clamped - 1) + 1;
  let line = 1;
  for (let i = source.indexOf('\n'); i !== -1 && i < lineStart; i = source.indexOf('\n', i + 1)) line++;
  const lineEnd = source.indexOf('\n', lineStart);
  const lineText = source.slice(lineStart, lineEnd === -1 ? source.length : lineEnd).replace(/\r$/, '');
  return { line, column: clamped - lineStart + 1, lineText };
}

/** The text of line `line` (1-based), or '' when out of range. */
export function lineTextAt(source, line) {
  if (!Number.isInteger(line) || line < 1) return '';
  return (source.split('\n')[line - 1] ?? '').replace(/\r$/, '');
}

/**
 * Where `specifier` appears quoted in `source` (first occurrence), for hooks that get no position from their bundler;
 * null when it is not there verbatim (e.g. an import the bundler generated from a JSX pragma).
 */
export function locateSpecifier(source, specifier) {
  const offsets = ["'", '"', '`'].map((quote) => source.indexOf(`${quote}${specifier}${quote}`)).filter((i) => i >= 0);
  return offsets.length > 0 ? locate(source, Math.min(...offsets)) : null;
}
