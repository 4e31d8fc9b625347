// Character-level pieces of the complexity scan: each takes the source and an index and returns the index after the
// thing it skips. All are loops or indexOf: nothing recurses, and an unterminated string, comment or regex ends at
// the line end or the end of the source (a syntax error the parser reports later) instead of throwing.

/** Keywords after which an operand follows (prefixes, infixes, statement heads); other words are operands. */
export const operatorWords = new Set(['typeof', 'void', 'delete', 'new', 'await', 'yield', 'return', 'throw', 'case',
  'do', 'if', 'for', 'while', 'with', 'switch', 'try', 'function', 'class', 'const', 'let', 'var', 'import', 'export',
  'default', 'async', 'get', 'set', 'static', 'break', 'continue', 'debugger', 'in', 'instanceof', 'of', 'else',
  'catch', 'finally', 'extends', 'as', 'from']);
/**
 * Words that are keywords in some places and names in others (`async x => …` but `let from = 0`): after them a `/`
 * is taken for a division and a `<` for less-than, as after a name, but what follows still counts in their chain.
 */
export const contextualWords = new Set(['async', 'get', 'set', 'of', 'from', 'as']);
/** Words that continue the statement before them, so they never begin a new one after an operand. */
export const continuingWords = new Set(['in', 'instanceof', 'of', 'else', 'catch', 'finally', 'extends', 'as', 'from']);
/** Words whose `( … )` is a statement head: the statement after it nests in theirs (`if (a) if (b) …`). */
export const controlWords = new Set(['if', 'for', 'while', 'with', 'switch', 'catch']);

// Longest first: 4, 3 and 2 characters; any other punctuation is one character long.
const punctuators = [
  new Set(['>>>=']),
  new Set(['...', '===', '!==', '**=', '<<=', '>>=', '>>>', '&&=', '||=', '??=']),
  new Set(['=>', '==', '!=', '<=', '>=', '&&', '||', '??', '?.', '++', '--', '+=', '-=', '*=', '/=', '%=', '&=', '|=',
    '^=', '**', '<<', '>>']),
];

export function isDigit(c) {
  return c >= '0' && c <= '9';
}

function isLetter(c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_' || c === '$';
}

/** Letters, digits, `_`, `$`, `#` (private names), `\` (escapes) and anything beyond ASCII. */
export function isIdentifierChar(c) {
  return isLetter(c) || isDigit(c) || c === '#' || c === '\\' || c > '\u007f';
}

export function isWhitespace(c) {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v' || c === '\u00a0'
    || c === '\ufeff' || c === '\u2028' || c === '\u2029';
}

export function skipWhitespace(source, i) {
  while (i < source.length && isWhitespace(source[i])) i++;
  return i;
}

export function skipLineComment(source, i) {
  const end = source.indexOf('\n', i);
  return end === -1 ? source.length : end + 1;
}

export function skipBlockComment(source, i) {
  const end = source.indexOf('*/', i + 2);
  return end === -1 ? source.length : end + 2;
}

export function skipWord(source, i) {
  while (i < source.length && isIdentifierChar(source[i])) i++;
  return i;
}

/** A number from its first digit (or its leading `.`): 1.5, 1e+5, 0x1F, 1_000n. */
export function skipNumber(source, i) {
  const radix = /^0[xXbBoO]/.test(source.slice(i, i + 2));
  let fraction = source[i] === '.';
  i++;
  while (i < source.length) {
    const c = source[i];
    if (isIdentifierChar(c)) {
      i++;
    } else if (c === '.' && !radix && !fraction && !isLetter(source[i + 1] ?? '') && source[i + 1] !== '.') {
      // 1.5 and 1. are numbers; in 1.5.toFixed() the second dot is a member access.
      fraction = true;
      i++;
    } else if ((c === '+' || c === '-') && !radix && (source[i - 1] === 'e' || source[i - 1] === 'E')) {
      i++;
    } else {
      break;
    }
  }
  return i;
}

/** A quoted string; an unescaped line break ends it too, so one stray quote cannot swallow the rest of the file. */
export function skipString(source, i) {
  const quote = source[i];
  i++;
  while (i < source.length) {
    const c = source[i];
    if (c === '\\') i += 2;
    else if (c === quote) return i + 1;
    else if (c === '\n') return i;
    else i++;
  }
  return i;
}

/** A regular expression literal and its flags: a `/` inside a class `[…]` or escaped does not end it. */
export function skipRegex(source, i) {
  let inClass = false;
  i++;
  while (i < source.length) {
    const c = source[i];
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (c === '\n') return i;
    i++;
    if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    else if (c === '/' && !inClass) break;
  }
  return skipWord(source, i);
}

/** Length of the punctuator at `i`, longest match first. */
export function punctuatorLength(source, i) {
  for (let n = 4; n >= 2; n--) {
    if (punctuators[4 - n].has(source.slice(i, i + n))) {
      // `a ?.5 : b` is a conditional followed by a number, not optional chaining.
      return n === 2 && source[i] === '?' && isDigit(source[i + 2]) ? 1 : n;
    }
  }
  return 1;
}

/** `<` where an operand may begin is JSX when a tag name or `>` (a fragment) follows. */
export function startsJsx(source, i) {
  const j = skipWhitespace(source, i + 1);
  const c = source[j];
  return c === '>' || (c !== undefined && isIdentifierChar(c) && !isDigit(c));
}

const jsxTextEnd = /[<{]/g;

/** Where JSX text starting at `i` ends: the next `<` or `{`, or the end of the source. */
export function skipJsxText(source, i) {
  jsxTextEnd.lastIndex = i;
  return jsxTextEnd.exec(source)?.index ?? source.length;
}

/** Past the `>` of a closing tag `</…>` whose `<` is at `i`. */
export function skipClosingTag(source, i) {
  const end = source.indexOf('>', i);
  return end === -1 ? source.length : end + 1;
}

/** Past a JSX attribute string (no escapes in JSX attribute strings). */
export function skipAttributeString(source, i) {
  const end = source.indexOf(source[i], i + 1);
  return end === -1 ? source.length : end + 1;
}
