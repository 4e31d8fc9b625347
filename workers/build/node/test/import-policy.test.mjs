import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { BuildServer, brief } from './support/build-server.mjs';

let server;
before(async () => { server = await BuildServer.start(); });
after(async () => { await server.stop(); });

const app = 'export default function App() { return <p>hi</p>; }';

/** Each forbidden import sits on line 2; `column` is where its path (or call) starts, 1-based. */
const forbidden = [
  ['a relative file', "import x from './secret.js';", 15, /relative file imports/],
  ['a parent directory', "import x from '../package.json';", 15, /relative file imports/],
  ['a ".." inside a package path', "import x from 'react/../../package.json';", 15, /"\.\." path segments/],
  ['an absolute path', "import x from '/etc/passwd';", 15, /absolute file paths/],
  ['fs', "import fs from 'fs';", 16, /Node\.js built-in/],
  ['child_process', "import { exec } from 'child_process';", 22, /Node\.js built-in/],
  ['node:fs', "import fs from 'node:fs';", 16, /Node\.js built-in/],
  ['fs/promises', "import fs from 'fs/promises';", 16, /Node\.js built-in/],
  ['an http URL', "import x from 'http://evil.example/x.js';", 15, /URL imports/],
  ['an https URL', "import x from 'https://evil.example/x.js';", 15, /URL imports/],
  ['a data: URL', "import x from 'data:text/javascript,export default 1';", 15, /URL imports/],
  ['a file: URL', "import x from 'file:///etc/passwd';", 15, /URL imports/],
  ['an unlisted package', "import pad from 'left-pad';", 17, /not in the allowlist/],
  ['an allowlisted package not requested', "import clsx from 'clsx';", 18, /missing from options\.dependencies/],
  ['a package file that is not an entry point', "import x from 'react/cjs/react.production.js';", 15, /not a public entry point/],
  ['a React server entry point', "import x from 'react-dom/server';", 15, /not a public entry point/],
  ['require()', "const fs = require('fs');", 12, /require\(\) is not allowed/],
  ['a literal dynamic import()', "const p = import('child_process');", 18, /Node\.js built-in/],
  ['a computed dynamic import()', 'const p = (name) => import(`./${name}.js`);', 28, /computed import\(\) path/],
  ['a computed require()', "const p = (name) => require('../' + name);", 21, /require\(\) is not allowed/],
  ['a re-export', "export { x } from './other.js';", 19, /relative file imports/],
  ['an export-all', "export * from 'fs';", 15, /Node\.js built-in/],
  ['a CSS file', "import './styles.css';", 8, /relative file imports/],
  ['a query on a package', "import x from 'react?raw';", 15, /not a valid package name/],
  ['import attributes', "import data from 'react' with { type: 'json' };", 33, /Import attributes/],
  ['import.meta.glob', "const files = import.meta.glob('/etc/*');", 15, /import\.meta is not allowed/],
  ['new URL(…, import.meta.url)', "const u = new URL('./x.png', import.meta.url);", 30, /import\.meta is not allowed/],
];

for (const engine of ['esbuild', 'vite']) {
  for (const [name, statement, column, reason] of forbidden) {
    test(`${engine}: ${name} is a VALIDATION_ERROR naming the import and its position`, async () => {
      const response = await server.build(`// App.jsx\n${statement}\n${app}\n`, { engine });
      assert.equal(response.ok, false, brief(response));
      assert.equal(response.errorType, 'VALIDATION_ERROR', response.message);
      const [detail] = response.details;
      assert.match(detail.text, reason);
      assert.deepEqual({ file: detail.file, line: detail.line, column: detail.column, lineText: detail.lineText },
        { file: 'App.jsx', line: 2, column, lineText: statement });
      assert.match(response.message, new RegExp(`^App\\.jsx:2:${column}: `));
    });
  }
}

test('a JSX pragma pointing the runtime elsewhere is rejected by the resolver hook', async () => {
  for (const engine of ['esbuild', 'vite']) {
    const response = await server.build(`/** @jsxImportSource /etc */\n${app}`, { engine });
    assert.equal(response.errorType, 'VALIDATION_ERROR', `${engine}: ${brief(response)}`);
    assert.match(response.message, /absolute file paths/);
  }
});

test('every offending import is listed, not only the first', async () => {
  const response = await server.build(`import fs from 'fs';\nimport pad from 'left-pad';\n${app}`);
  assert.equal(response.details.length, 2);
  assert.match(response.message, /and 1 more/);
});

test('a package allowed for one build is rejected in the next build that did not request it', async () => {
  const source = `import clsx from 'clsx';\nexport default function App() { return <p className={clsx('a')}>x</p>; }`;
  assert.equal((await server.build(source, { dependencies: ['clsx'] })).ok, true);
  const again = await server.build(source, { dependencies: [] });
  assert.equal(again.errorType, 'VALIDATION_ERROR');
});

test('property names and strings that mention require or import.meta are fine', async () => {
  const source = `const config = { require: 'yes', text: "require('fs') and import.meta" };
export default function App() { return <p data-x={config.require}>{config.text}</p>; }`;
  const response = await server.build(source);
  assert.equal(response.ok, true, brief(response));
});

test('import.meta.env is allowed', async () => {
  const response = await server.build(`const mode = import.meta.env?.MODE;\n${app}`);
  assert.equal(response.ok, true, brief(response));
});
