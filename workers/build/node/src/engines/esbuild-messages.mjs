// esbuild messages → PROTOCOL.md details (line 1-based, column 1-based: esbuild's column is 0-based).

export const NAMESPACE = 'workers';
export const POLICY_DETAIL = 'workers-import-policy';

/** "workers:App.jsx" → "App.jsx"; files inside node_modules keep their relative path. */
export function displayFile(file) {
  if (!file) return null;
  return file.startsWith(`${NAMESPACE}:`) ? file.slice(NAMESPACE.length + 1) : file;
}

export function detailOf(message) {
  const location = message.location;
  if (!location) return { text: message.text, file: null, line: null, column: null, lineText: null };
  return {
    text: message.text,
    file: displayFile(location.file),
    line: location.line,
    column: location.column + 1,
    lineText: location.lineText,
  };
}

/** At most `max` warnings, described like errors; a bundle rarely needs more to explain itself. */
export function warningsOf(messages, max = 20) {
  return messages.slice(0, max).map(detailOf);
}
