#!/usr/bin/env node
// Browser tests: makes sure Debian's Chromium (and fonts, poppler) are installed, then runs
// `playwright test` with playwright.config.ts. Extra arguments go to Playwright
// (e.g. `npm run test:e2e -- e2e/orgs.spec.ts --headed`). Fails when there is no *.spec.ts.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const testDir = resolve(root, process.env.E2E_TEST_DIR ?? 'e2e');

function specs(dir) {
  let out = [];
  let entries = [];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries) {
    if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) out = out.concat(specs(p));
    else if (e.name.endsWith('.spec.ts')) out.push(p);
  }
  return out;
}

const ensure = spawnSync(process.execPath, [join(root, 'scripts/ensure-chromium.mjs')], { stdio: 'inherit' });
if (ensure.status !== 0) process.exit(ensure.status ?? 1);

if (specs(testDir).length === 0) {
  console.error(`e2e: no browser tests (*.spec.ts) found in ${testDir}; Mamori always has browser tests.`);
  process.exit(1);
}

// `npx playwright test`, without npx's start-up cost and noise.
const cli = join(root, 'node_modules/@playwright/test/cli.js');
const r = spawnSync(process.execPath, [cli, 'test', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
});

if (r.status !== 0) {
  const log = join(root, '.tmp/e2e/server.log');
  if (existsSync(log)) {
    const lines = readFileSync(log, 'utf8').trimEnd().split('\n');
    console.error(`\n--- app server log (last 40 of ${lines.length} lines, ${log}) ---`);
    console.error(lines.slice(-40).join('\n'));
  }
}
process.exit(r.status ?? 1);
