// The resolver hooks are the second line of defence behind the source scan. These tests call the engines directly,
// skipping the scan, to prove each hook rejects forbidden imports on its own.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { Allowlist } from '../src/allowlist.mjs';
import { EsbuildEngine } from '../src/engines/esbuild-engine.mjs';
import { ViteEngine } from '../src/engines/vite-engine.mjs';
import { ImportPolicy } from '../src/imports-policy.mjs';
import { BuildFailure } from '../src/messages.mjs';
import { defaultViteSettings } from '../src/vite-config.mjs';
import { nodeDir } from './support/build-server.mjs';

const allowlist = new Allowlist(nodeDir);
const engines = { esbuild: new EsbuildEngine({ nodeDir }), vite: new ViteEngine({ nodeDir }) };
after(async () => { await Promise.all(Object.values(engines).map((engine) => engine.dispose())); });

const app = 'export default function App() { return <p>{String(x)}</p>; }';
const cases = [
  ['fs', "import x from 'fs';", /Node\.js built-in/],
  ['a relative file', "import x from './package.json';", /relative file imports/],
  ['an absolute path', "import x from '/etc/hostname';", /absolute file paths/],
  ['an unrequested allowlisted package', "import x from 'clsx';", /missing from options\.dependencies/],
  ['an unlisted installed package', "import x from 'vite';", /not in the allowlist/],
];

async function rejection(engineName, source) {
  const policy = new ImportPolicy(allowlist, []);
  try {
    await engines[engineName].build({ source, policy, minify: true, settings: defaultViteSettings });
  } catch (error) {
    assert.ok(error instanceof BuildFailure, `expected a BuildFailure, got ${error}`);
    return error;
  }
  assert.fail('the build succeeded');
}

for (const engineName of ['esbuild', 'vite']) {
  for (const [name, statement, reason] of cases) {
    test(`${engineName} resolver hook rejects ${name}`, async () => {
      const failure = await rejection(engineName, `${statement}\n${app}`);
      assert.equal(failure.errorType, 'VALIDATION_ERROR');
      assert.match(failure.details[0].text, reason);
    });
  }
}

for (const engineName of ['esbuild', 'vite']) {
  test(`the ${engineName} hook reports the offending import at its position in App.jsx`, async () => {
    const failure = await rejection(engineName, `// first line\nimport x from 'fs';\n${app}`);
    assert.deepEqual([failure.details[0].file, failure.details[0].line, failure.details[0].column], ['App.jsx', 2, 15]);
    assert.match(failure.message, /^App\.jsx:2:15: /);
  });
}

test('esbuild refuses a bundle whose metafile shows a glob import', async () => {
  // A computed path that matches nothing: esbuild still turns it into a glob, which the metafile check refuses.
  const source = 'export default function App() { const x = globalThis.x; return <p>{String(import(`./no-such-dir-${x}/*.nothing`))}</p>; }';
  const failure = await rejection('esbuild', source);
  assert.equal(failure.errorType, 'VALIDATION_ERROR');
  assert.match(failure.message, /Computed import paths are not allowed/);
});
