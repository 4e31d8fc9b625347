// App.jsx sources the tests build.

export const counterApp = `import { useState } from 'react';

export default function App() {
  const [count, setCount] = useState(0);
  return (
    <main>
      <h1>Hello preview</h1>
      <button id="increment" onClick={() => setCount(count + 1)}>Clicked {count} times</button>
    </main>
  );
}
`;

/** `line` lines of filler before `body`, so positions in errors are easy to check. */
export function withPrefixLines(lines, body) {
  return `${'// filler\n'.repeat(lines)}${body}`;
}
