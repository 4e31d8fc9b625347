// Versions and a digest of everything that shapes a bundle; the pool puts them into its build cache key.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

function packageVersion(nodeDir, name) {
  try {
    return JSON.parse(readFileSync(join(nodeDir, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return null;
  }
}

/** The script files: the entry, every module under src/, the manifest (allowlist) and the lock file. */
function scriptFiles(nodeDir) {
  const files = ['build-server.mjs', 'package.json', 'package-lock.json'].map((f) => join(nodeDir, f));
  const visit = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.name.endsWith('.mjs')) files.push(path);
    }
  };
  visit(join(nodeDir, 'src'));
  return files.map((f) => relative(nodeDir, f)).sort();
}

/** sha256 over the script files' names and contents, in a stable order. */
export function scriptDigest(nodeDir) {
  const hash = createHash('sha256');
  for (const file of scriptFiles(nodeDir)) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(join(nodeDir, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

export function toolchain(nodeDir) {
  return {
    node: process.version,
    esbuild: packageVersion(nodeDir, 'esbuild'),
    vite: packageVersion(nodeDir, 'vite'),
    react: packageVersion(nodeDir, 'react'),
    reactDom: packageVersion(nodeDir, 'react-dom'),
    pluginReact: packageVersion(nodeDir, '@vitejs/plugin-react'),
    script: scriptDigest(nodeDir),
  };
}
