// Sources that used to kill or stall a build server, each with where the complexity check must stop it under the
// default limits (maxNestingDepth 256, maxExpressionDepth 1000, maxClassHeritageDepth 8). The deep part starts on
// line 2 (line 3 for the <div>s) so the expected columns follow from the repeated unit's length.

/** `statement` on line 2 of an otherwise ordinary component; the function body's `{` is nesting level 1. */
function component(statement) {
  return `export default function App() {\n${statement}\n  return <p>x</p>;\n}\n`;
}

// Inside the body the expression depth starts at 6: `export default function App ()` is 5 tokens, the `{` one more.
const bodyDepth = 6;

/** Column of the `n`th (1-based) repetition of a `unit`-long text starting after `prefix` on its line. */
const nth = (prefix, unit, n, offset = 0) => prefix.length + (n - 1) * unit + offset + 1;

const nest = (open, close, n, inner = '') => `${open.repeat(n)}${inner}${close.repeat(n)}`;

export const pathological = [
  {
    // The exact report: 220 KB, 20,000 nested <div>s. `{` is level 1, `(` level 2, so the 255th <div> is level 257.
    name: 'a component of 20,000 nested <div>s',
    source: `export default function App() {\n  return (\n${nest('<div>', '</div>', 20_000)}\n  );\n}\n`,
    limit: 'maxNestingDepth', line: 3, column: nth('', 5, 255),
  },
  {
    name: '20,000 nested parentheses',
    source: component(`const v = ${nest('(', ')', 20_000, '1')};`),
    limit: 'maxNestingDepth', line: 2, column: nth('const v = ', 1, 256),
  },
  {
    name: '20,000 nested arrays',
    source: component(`const v = ${nest('[', ']', 20_000)};`),
    limit: 'maxNestingDepth', line: 2, column: nth('const v = ', 1, 256),
  },
  {
    name: '20,000 nested objects',
    source: component(`const v = ${nest('{a:', '}', 20_000, '1')};`),
    limit: 'maxNestingDepth', line: 2, column: nth('const v = ', 3, 256),
  },
  {
    name: '20,000 nested arrow functions with bodies',
    source: component(`const v = ${nest('(a) => (', ')', 20_000, '1')};`),
    // The 256th arrow's parameter list `(a)` is level 257, as deep as its body will be.
    limit: 'maxNestingDepth', line: 2, column: nth('const v = ', 8, 256),
  },
  {
    name: '20,000 nested template literals',
    // Each level is a template literal and its ${: the 128th literal's ${ is level 257.
    source: component(`const v = ${nest('`${', '}`', 20_000, '1')};`),
    limit: 'maxNestingDepth', line: 2, column: nth('const v = ', 3, 128, 1),
  },
  {
    name: '20,000 nested JSX expression containers',
    // <i> and its { are a level each after `{` and `(`: the 128th <i> is level 257.
    source: `export default function App() {\n  return (\n${nest('<i>{', '}</i>', 20_000, '1')}\n  );\n}\n`,
    limit: 'maxNestingDepth', line: 3, column: nth('', 4, 128),
  },
  {
    name: '20,000 unclosed parentheses',
    source: component(`const v = ${'('.repeat(20_000)}1;`),
    limit: 'maxNestingDepth', line: 2, column: nth('const v = ', 1, 256),
  },
  {
    // `const v =` puts the chain at bodyDepth + 3; every `a` and `+` adds one: the 992nd token is at 1001.
    name: 'a+a+a… with 100,000 terms',
    source: component(`const a = 1; const v = ${Array(100_000).fill('a').join('+')};`),
    limit: 'maxExpressionDepth', line: 2, column: nth('const a = 1; const v = ', 1, 1000 - bodyDepth - 3 + 1),
  },
  {
    name: '20,000 curried arrow functions',
    source: component(`const v = ${'() => '.repeat(20_000)}1;`),
    // `()` and `=>` count one each: the 992nd token past `const v =` is the `=>` of the 496th arrow.
    limit: 'maxExpressionDepth', line: 2, column: nth('const v = ', 6, 496, 3),
  },
  {
    name: '20,000 chained ternaries',
    source: component(`const a = 1; const v = ${'a ? a : '.repeat(20_000)}a;`),
    // Four tokens an arm (a ? a :): the 992nd token is the `:` of the 248th arm.
    limit: 'maxExpressionDepth', line: 2, column: nth('const a = 1; const v = ', 8, 248, 6),
  },
  {
    name: '100,000 logical nots',
    source: component(`const v = ${'!'.repeat(100_000)}1;`),
    limit: 'maxExpressionDepth', line: 2, column: nth('const v = ', 1, 992),
  },
  {
    name: 'a member chain 50,000 long',
    source: component(`const a = {}; const v = a${'.b'.repeat(50_000)};`),
    // `const v = a` reaches depth 10, then `.` and `b` alternate: the `.` of the 496th member is 1001.
    limit: 'maxExpressionDepth', line: 2, column: nth('const a = {}; const v = a', 2, 496),
  },
  {
    name: '15,000 else-ifs',
    source: component(`const a = 1; if (a) {}${' else if (a) {}'.repeat(15_000)}`),
    // `if (a) {}` reaches depth 9 and each ` else if (a) {}` adds 4 (a group counts one in the chain, and its
    // contents count on top): the condition `a` of the 248th else-if is at 1001.
    limit: 'maxExpressionDepth', line: 2, column: nth('const a = 1; if (a) {}', 15, 248, 10),
  },
  {
    // Not deep for the parsers, but rollup's tree-shaking doubles its time with each level: 24 took over a minute.
    name: '30 classes nested in extends clauses',
    source: component(`const v = ${nest('class extends (', ') {}', 30, 'Object')};`),
    limit: 'maxClassHeritageDepth', line: 2, column: nth('const v = ', 15, 9, 6),
  },
  {
    name: 'a 190 KB line ending in 20,000 nested parentheses',
    source: component(`const s = "${'x'.repeat(190_000)}"; const v = ${nest('(', ')', 20_000, '1')};`),
    limit: 'maxNestingDepth', line: 2, column: nth(`const s = "${'x'.repeat(190_000)}"; const v = `, 1, 256),
  },
];

/** Brackets in strings, comments, regexes, template text and JSX text, which must not count as nesting. */
export function bracketsInDisguise(n) {
  const parens = '('.repeat(n);
  return `// ${parens}
/* ${'['.repeat(n)} */
const inString = "${parens}";
const inSingle = '${'{'.repeat(n)}';
const inTemplate = \`${parens}\${inString.length}${'{'.repeat(n)}\`;
const inRegex = /\\(${'[(]'.repeat(n)}/;
const divided = inString.length / 2 / (1);
export default function App() {
  return <p title="${parens}" data-x='${'{'.repeat(n)}'>${parens} {String(inRegex.test(inSingle))} {divided} {inTemplate.length}</p>;
}
`;
}

/** `levels` nested elements, each with an attribute, a handler and an expression: deep, but real code does it. */
export function deeplyNestedComponent(levels) {
  const open = Array.from({ length: levels }, (_, i) => `<section className={"level-" + ${i}} onClick={() => setCount(count + ${i})}>`).join('\n');
  const close = '</section>\n'.repeat(levels);
  return `import { useState } from 'react';
export default function App() {
  const [count, setCount] = useState(0);
  return (
${open}
<p>{count > 0 ? \`clicked \${count}\` : 'not clicked'}</p>
${close});
}
`;
}
