// One open level of the complexity scan — the whole source, a bracket, a template literal, a JSX element — and the
// depth of the operator chains in it.
//
// Why chains count: the parsers build a chain as nested nodes (a+b+c is ((a+b)+c); !!!x; a.b.c; a ? b : c ? …;
// if (a) if (b) …), and walk them recursively like brackets. So every token of a chain counts one, a bracketed group
// counts as one token plus its own depth (calls f()()() and indexes a[0][1] deepen a chain like operators), and a
// level's depth adds to the depth of the chain it sits in. A `,` or `;` ends a chain (lists and statements are flat
// in the tree), and so does a new statement begun without `;` (two operands in a row: automatic semicolon insertion).

export const Kind = Object.freeze({
  root: 'root',
  paren: '(',
  bracket: '[',
  brace: '{',
  substitution: '${',
  container: 'JSX {',
  template: '`',
  element: '<',
});
const codeKinds = new Set([Kind.root, Kind.paren, Kind.bracket, Kind.brace, Kind.substitution, Kind.container]);

/** What the previous token of a code level was: decides regex or division, JSX or less-than, and new statements. */
export const Prev = Object.freeze({
  start: 0, // nothing yet, or an operator: an operand comes next
  operand: 1, // a name, a literal, `]`, the `)` of a call, a JSX element: an operator (or a new statement) comes next
  head: 2, // the `)` of if/for/while/with/switch/catch: a statement comes next, nested in the one before
  block: 3, // `}`: usually the end of a statement
  word: 4, // a word that may be a name or a keyword (`async`, `of`, …): read on as after a name, but in one chain
});

export class Level {
  /**
   * @param {string} kind one of Kind
   * @param {number} base the depth of the chains and levels this level sits in
   */
  constructor(kind, base) {
    this.kind = kind;
    this.base = base;
    this.isCode = codeKinds.has(kind);
    this.chain = 0; // tokens of the current chain
    this.inner = 0; // the deepest group closed within the current chain
    this.best = 0; // the deepest chain already ended at this level
    this.prev = Prev.start;
    this.statementEnded = false; // a `;` was seen; the next token decides whether it really ended the statement
    this.afterDot = false; // a word after `.` or `?.` is a property name, never a keyword
    this.lastWord = null; // the keyword just before, to tell `if (` from a call
    this.isHead = false; // this `( … )` is the head of if/for/while/with/switch/catch
    this.inTag = kind === Kind.element; // an element starts inside its tag `<Name …>`, then holds its children
    this.openHeritages = 0; // `extends` clauses begun at this level whose class body has not begun yet
  }

  /** The depth at the current token: the levels and chains around this one, plus this chain. */
  get depth() {
    return this.base + this.chain + this.inner;
  }

  /** What this level adds to its parent's chain once it is closed. */
  get closedDepth() {
    return Math.max(this.best, this.chain + this.inner);
  }

  /** The base of a level opened here. */
  get childBase() {
    return this.base + this.chain + 1;
  }

  /**
   * Counts one token of the current chain.
   * @param {number} prev what the token leaves (one of Prev)
   * @param {boolean} startsStatement whether the token can begin a statement: a word other than an infix such as
   *   `in` or a continuation such as `else`, a literal, a JSX element
   * @param {boolean} isElse the token is `else`
   */
  token(prev, startsStatement, isElse = false) {
    this.beforeToken(startsStatement, isElse);
    this.prev = prev;
    this.afterDot = false;
    this.lastWord = null;
    this.chain++;
  }

  /** Ends the current chain when the token about to come begins a new statement. */
  beforeToken(startsStatement, isElse) {
    if (this.statementEnded) {
      // `if (a) x; else …` continues the statement before the `;` (and nests in it); anything else begins a new one.
      this.statementEnded = false;
      if (!isElse) this.#endChain();
    } else if (startsStatement && (this.prev === Prev.operand || this.prev === Prev.block)) {
      // Two operands in a row cannot be one expression: the statement before ended (automatic semicolon insertion,
      // or a syntax error the parser will report), and the next one does not nest in it.
      this.#endChain();
    }
  }

  /** `;` (the statement may still go on with `else`) or `,` (a list: the chain ends). */
  separator(isSemicolon) {
    if (isSemicolon) {
      this.statementEnded = true;
    } else {
      this.statementEnded = false;
      this.#endChain();
    }
    this.prev = Prev.start;
    this.afterDot = false;
    this.lastWord = null;
  }

  /** A level opened here has been closed: it is one token of this chain (code) or one more child (template, JSX). */
  closed(child, prev) {
    if (this.isCode) {
      this.inner = Math.max(this.inner, child.closedDepth);
      this.prev = prev;
      this.afterDot = false;
      this.lastWord = null;
      this.chain++;
    } else {
      this.inner = Math.max(this.inner, child.closedDepth + 1);
    }
  }

  #endChain() {
    this.best = this.closedDepth;
    this.chain = 0;
    this.inner = 0;
  }
}
