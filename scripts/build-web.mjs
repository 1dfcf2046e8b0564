#!/usr/bin/env node
// Builds the web front end (web/ → dist/web) with Vite's JS API.
// --if-stale: skip when dist/web/index.html is newer than every input file.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const output = join(root, 'dist/web/index.html');

function newestMtime(path) {
  let st;
  try {
    st = statSync(path);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs; // a deleted file changes its folder's mtime
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

function inputs() {
  const list = [join(root, 'web'), join(root, 'content/reference'), join(root, 'vite.config.ts')];
  const modules = join(root, 'src/modules');
  let names = [];
  try {
    names = readdirSync(modules);
  } catch {}
  for (const m of names) list.push(join(modules, m, 'ui'));
  return list;
}

if (process.argv.includes('--if-stale')) {
  let built = 0;
  try {
    built = statSync(output).mtimeMs;
  } catch {}
  if (built > 0) {
    const newest = Math.max(...inputs().map(newestMtime));
    if (newest < built) {
      console.log('web: dist/web is up to date, build skipped');
      process.exit(0);
    }
  }
}

const started = Date.now();
const { build } = await import('vite');
await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
console.log(`web: built dist/web in ${((Date.now() - started) / 1000).toFixed(1)}s`);
