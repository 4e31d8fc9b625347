// Nesting and chain limits of App.jsx, checked by one linear, non-recursive pass over the text before any parser or
// bundler sees it. Rollup's native parser (our source scan, and Vite) overflows the native stack on deep input and
// takes the whole process down with SIGSEGV, which nothing in JavaScript can catch: 20,000 nested <div>s, 3,000
// nested parentheses, 1,500 nested `(a) => (` or 30,000 `!` in a row all did. Its JavaScript half throws RangeError
// from about 1,000 levels, and esbuild, which survives (Go stacks grow), took 48–83 s on 20,000–30,000-long chains
// of ternaries or `if (a)`. Rollup's tree-shaking is exponential in classes nested in `extends` clauses.
//
// The pass is a tokenizer, not a parser: it knows strings, comments, template literals, regular expression literals
// and JSX (tags, attribute strings, text, {…}) well enough that their contents are never taken for brackets, and it
// tells a regex from a division and JSX from less-than by the previous token, as a parser does. In odd code it may
// over-count; it never recurses (its levels are an array) and stops at the first limit exceeded.
import { validationFailure } from '../messages.mjs';
import { locate } from '../positions.mjs';
import { Kind, Level, Prev } from './level.mjs';
import {
  contextualWords, continuingWords, controlWords, isDigit, isIdentifierChar, isWhitespace, operatorWords,
  punctuatorLength, skipAttributeString, skipBlockComment, skipClosingTag, skipJsxText, skipLineComment, skipNumber,
  skipRegex, skipString, skipWhitespace, skipWord, startsJsx,
} from './lexing.mjs';

const openers = new Map([['(', Kind.paren], ['[', Kind.bracket], ['{', Kind.brace]]);
const closerKinds = new Map([
  [')', [Kind.paren]],
  [']', [Kind.bracket]],
  ['}', [Kind.brace, Kind.substitution, Kind.container]],
]);

/**
 * Throws a VALIDATION_ERROR at the place in App.jsx where `source` first nests deeper than `limits.maxNestingDepth`,
 * chains deeper than `limits.maxExpressionDepth` or nests classes in `extends` deeper than
 * `limits.maxClassHeritageDepth`.
 * @returns {{nestingDepth: number, expressionDepth: number, classHeritageDepth: number, unclosedLevels: number}}
 *   the deepest values seen, and how many levels were still open at the end (0 for a well-formed source)
 */
export function checkComplexity(source, limits) {
  return new ComplexityScan(source, limits).run();
}

class ComplexityScan {
  #source;
  #limits;
  #i = 0;
  #levels = [new Level(Kind.root, 0)];
  #deepestNesting = 0;
  #deepestExpression = 0;
  #heritageDepth = 0;
  #deepestHeritage = 0;

  constructor(source, limits) {
    this.#source = source;
    this.#limits = limits;
  }

  run() {
    while (this.#i < this.#source.length) {
      const top = this.#levels.at(-1);
      if (top.isCode) this.#code(top);
      else if (top.kind === Kind.template) this.#template(top);
      else if (top.inTag) this.#tag(top);
      else this.#children(top);
    }
    return {
      nestingDepth: this.#deepestNesting,
      expressionDepth: this.#deepestExpression,
      classHeritageDepth: this.#deepestHeritage,
      unclosedLevels: this.#levels.length - 1,
    };
  }

  #code(top) {
    const source = this.#source;
    const at = this.#i;
    const c = source[at];
    const next = source[at + 1];
    if (isWhitespace(c)) {
      this.#i = skipWhitespace(source, at);
    } else if (c === '/' && next === '/') {
      this.#i = skipLineComment(source, at);
    } else if (c === '/' && next === '*') {
      this.#i = skipBlockComment(source, at);
    } else if (isIdentifierChar(c) || (c === '.' && isDigit(next))) {
      this.#word(top, at);
    } else if (c === '"' || c === "'") {
      this.#i = skipString(source, at);
      this.#token(top, at, Prev.operand, true);
    } else if (c === '`') {
      this.#open(top, Kind.template, at + 1);
    } else if (openers.has(c)) {
      this.#open(top, openers.get(c), at + 1, c === '(' && controlWords.has(top.lastWord));
    } else if (closerKinds.has(c)) {
      this.#i = at + 1;
      // A closer that does not match its level is a syntax error the parser will report: skip it.
      if (closerKinds.get(c).includes(top.kind)) {
        this.#close(c === ')' && top.isHead ? Prev.head : top.kind === Kind.brace ? Prev.block : Prev.operand);
      }
    } else if (c === ';' || c === ',') {
      top.separator(c === ';');
      this.#i = at + 1;
    } else if (c === '/' && top.prev !== Prev.operand && top.prev !== Prev.word) {
      this.#i = skipRegex(source, at);
      this.#token(top, at, Prev.operand, false);
    } else if (c === '<' && top.prev !== Prev.operand && top.prev !== Prev.word && startsJsx(source, at)) {
      this.#open(top, Kind.element, at + 1);
    } else {
      const length = punctuatorLength(source, at);
      const text = source.slice(at, at + length);
      this.#i = at + length;
      const postfix = (text === '++' || text === '--') && top.prev === Prev.operand;
      this.#token(top, at, postfix ? Prev.operand : Prev.start, false);
      top.afterDot = text === '.' || text === '?.';
    }
  }

  #word(top, at) {
    const source = this.#source;
    const isNumber = !isIdentifierChar(source[at]) || isDigit(source[at]);
    this.#i = isNumber ? skipNumber(source, at) : skipWord(source, at);
    const word = source.slice(at, this.#i);
    if (!isNumber && !top.afterDot && operatorWords.has(word)) {
      const prev = contextualWords.has(word) ? Prev.word : Prev.start;
      this.#token(top, at, prev, !continuingWords.has(word), word === 'else');
      top.lastWord = word;
      if (word === 'extends' && source[skipWhitespace(source, this.#i)] !== ':') this.#openHeritage(top, at);
    } else {
      this.#token(top, at, Prev.operand, true);
    }
  }

  #token(level, at, prev, startsStatement, isElse = false) {
    level.token(prev, startsStatement, isElse);
    this.#checkExpression(level, at);
  }

  /** Opens a level at the current position; `contentStart` is where its contents begin. */
  #open(parent, kind, contentStart, isHead = false) {
    // A JSX element can begin a statement (after an operand `<` is less-than, so it never continues one); any other
    // group continues the chain before it: a call, an index, a body, a tagged template.
    if (parent.isCode) parent.beforeToken(kind === Kind.element, false);
    if (kind === Kind.brace && parent.openHeritages > 0) {
      // The class body: the innermost `extends …` at this level is over.
      parent.openHeritages--;
      this.#heritageDepth--;
    }
    const level = new Level(kind, parent.childBase);
    level.isHead = isHead;
    this.#levels.push(level);
    const depth = this.#levels.length - 1;
    if (depth > this.#deepestNesting) this.#deepestNesting = depth;
    if (depth > this.#limits.maxNestingDepth) {
      const limit = this.#limits.maxNestingDepth;
      this.#fail(this.#i, `Nesting is deeper than ${limit} levels here (limits.maxNestingDepth = ${limit}; `
        + 'each (, [, {, template literal, ${, JSX element and JSX { opens a level)');
    }
    this.#i = contentStart;
  }

  /** Closes the top level, whose closing character has just been read. */
  #close(prevInParent) {
    const level = this.#levels.pop();
    this.#heritageDepth -= level.openHeritages;
    const parent = this.#levels.at(-1);
    parent.closed(level, prevInParent);
    this.#checkExpression(parent, this.#i - 1);
  }

  /**
   * `extends` opens a class heritage that lasts until the class body's `{`. Rollup's tree-shaking (Vite's bundler)
   * takes twice as long for every class nested in another's heritage (`class extends (class extends (…) {}) {}`):
   * 16 levels took 2 s, 20 levels 6–9 s, 24 levels over a minute.
   */
  #openHeritage(level, at) {
    level.openHeritages++;
    this.#heritageDepth++;
    if (this.#heritageDepth > this.#deepestHeritage) this.#deepestHeritage = this.#heritageDepth;
    const limit = this.#limits.maxClassHeritageDepth;
    if (this.#heritageDepth > limit) {
      this.#fail(at, `Classes are nested deeper than ${limit} levels in \`extends\` clauses here `
        + `(limits.maxClassHeritageDepth = ${limit})`);
    }
  }

  #checkExpression(level, at) {
    const { depth } = level;
    if (depth > this.#deepestExpression) this.#deepestExpression = depth;
    if (depth > this.#limits.maxExpressionDepth) {
      const limit = this.#limits.maxExpressionDepth;
      this.#fail(at, `Expression is nested or chained deeper than ${limit} here (limits.maxExpressionDepth = ${limit}; `
        + 'each operator and operand of a chain not broken by , or ; counts one, and so does each nesting level)');
    }
  }

  /** Inside `…`: text up to the closing backquote or the next `${`. */
  #template(template) {
    const source = this.#source;
    let i = this.#i;
    while (i < source.length) {
      const c = source[i];
      if (c === '\\') {
        i += 2;
      } else if (c === '`') {
        this.#i = i + 1;
        this.#close(Prev.operand);
        return;
      } else if (c === '$' && source[i + 1] === '{') {
        this.#i = i;
        this.#open(template, Kind.substitution, i + 2);
        return;
      } else {
        i++;
      }
    }
    this.#i = source.length;
  }

  /** Inside `<Name …>`: names, attribute strings, `{…}` values, `>` to the children, `/>` to the end. */
  #tag(element) {
    const source = this.#source;
    const at = this.#i;
    const c = source[at];
    const next = source[at + 1];
    if (c === '/' && next === '>') {
      this.#i = at + 2;
      this.#close(Prev.operand);
    } else if (c === '/' && next === '/') {
      this.#i = skipLineComment(source, at);
    } else if (c === '/' && next === '*') {
      this.#i = skipBlockComment(source, at);
    } else if (c === '>') {
      this.#i = at + 1;
      element.inTag = false;
    } else if (c === '"' || c === "'") {
      this.#i = skipAttributeString(source, at);
    } else if (c === '{') {
      this.#open(element, Kind.container, at + 1);
    } else if (c === '<') {
      this.#open(element, Kind.element, at + 1);
    } else {
      this.#i = at + 1;
    }
  }

  /** Between `<Name>` and `</Name>`: text, `{…}`, child elements, and the closing tag. */
  #children(element) {
    const source = this.#source;
    const at = this.#i;
    const c = source[at];
    if (c === '{') {
      this.#open(element, Kind.container, at + 1);
    } else if (c === '<' && source[skipWhitespace(source, at + 1)] === '/') {
      this.#i = skipClosingTag(source, at);
      this.#close(Prev.operand);
    } else if (c === '<') {
      this.#open(element, Kind.element, at + 1);
    } else {
      this.#i = skipJsxText(source, at + 1);
    }
  }

  #fail(offset, text) {
    const where = locate(this.#source, offset);
    throw validationFailure(`App.jsx:${where.line}:${where.column}: ${text}`, { text, file: 'App.jsx', ...where });
  }
}
