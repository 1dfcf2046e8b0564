#!/usr/bin/env node
// `npm test`: everything CI runs, in order, stopping at the first failure.
//   1. typecheck   tsc --noEmit (TypeScript 7)
//   2. lint        biome check .   (format, lint, import boundaries)
//   3. unit+api    vitest run      on PGlite (MAMORI_TEST_DB=pglite, DATABASE_URL unset)
//   4. api on pg   vitest run      with MAMORI_TEST_DB=postgres   (only when DATABASE_URL is set)
//   5. browser     node scripts/e2e.mjs  (Playwright + Debian Chromium)
// Ends with one line `N passed, N failed` summing vitest and Playwright test counts
// (a failed step that reports no test count, e.g. tsc or lint, counts as 1 failed).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(root, '.tmp/test-results');
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

const bin = (name) => join(root, 'node_modules/.bin', name);
const vitestJson = (name) => join(outDir, `vitest-${name}.json`);
const playwrightJson = join(outDir, 'playwright.json');

function withoutDatabaseUrl(env) {
  const copy = { ...env };
  delete copy.DATABASE_URL;
  return copy;
}

function vitestCounts(file) {
  if (!existsSync(file)) return null;
  try {
    const r = JSON.parse(readFileSync(file, 'utf8'));
    let failed = r.numFailedTests ?? 0;
    // a file that fails to load, or an unhandled error, fails the run without failing a test
    if (failed === 0 && r.success === false) failed = Math.max(1, r.numFailedTestSuites ?? 0);
    return {
      passed: r.numPassedTests ?? 0,
      failed,
      skipped: (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0),
    };
  } catch {
    return null;
  }
}

function playwrightCounts(file) {
  if (!existsSync(file)) return null;
  try {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    const s = report.stats ?? {};
    const errors = report.errors ?? []; // e.g. global setup failed: no test ran
    return {
      passed: (s.expected ?? 0) + (s.flaky ?? 0),
      failed: (s.unexpected ?? 0) + (errors.length > 0 && !s.unexpected ? 1 : 0),
      skipped: s.skipped ?? 0,
    };
  } catch {
    return null;
  }
}

const hasDatabaseUrl = Boolean(process.env.DATABASE_URL);
const steps = [
  { name: 'typecheck', title: 'tsc --noEmit', cmd: [bin('tsc'), '--noEmit'] },
  { name: 'lint', title: 'biome check .', cmd: [bin('biome'), 'check', '.'] },
  {
    name: 'unit+api (PGlite)',
    title: 'vitest run',
    cmd: [
      bin('vitest'),
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${vitestJson('pglite')}`,
    ],
    env: { ...withoutDatabaseUrl(process.env), MAMORI_TEST_DB: 'pglite' },
    counts: () => vitestCounts(vitestJson('pglite')),
  },
  {
    name: 'api (PostgreSQL)',
    title: 'vitest run, MAMORI_TEST_DB=postgres',
    skip: hasDatabaseUrl ? null : 'DATABASE_URL is not set',
    cmd: [
      bin('vitest'),
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${vitestJson('postgres')}`,
    ],
    env: { ...process.env, MAMORI_TEST_DB: 'postgres' },
    counts: () => vitestCounts(vitestJson('postgres')),
  },
  {
    name: 'browser (Playwright)',
    title: 'node scripts/e2e.mjs',
    cmd: [process.execPath, join(root, 'scripts/e2e.mjs'), '--reporter=list,json'],
    env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson },
    counts: () => playwrightCounts(playwrightJson),
  },
];

const fmt = (ms) => `${(ms / 1000).toFixed(1)} s`;
const rule = (title) =>
  console.log(`\n${'='.repeat(8)} ${title} ${'='.repeat(Math.max(4, 70 - title.length))}`);

const t0 = Date.now();
const results = [];
let failedStep = null;
for (const step of steps) {
  if (failedStep) {
    results.push({ step, status: 'not run', note: `after ${failedStep.name} failed` });
    continue;
  }
  if (step.skip) {
    results.push({ step, status: 'skipped', note: step.skip });
    continue;
  }
  rule(`${step.name}: ${step.title}`);
  const start = Date.now();
  const r = spawnSync(step.cmd[0], step.cmd.slice(1), {
    cwd: root,
    stdio: 'inherit',
    env: step.env ?? process.env,
  });
  const ms = Date.now() - start;
  const counts = step.counts ? step.counts() : null;
  const ok = r.status === 0;
  const exit = r.error ? r.error.message : r.signal ? `signal ${r.signal}` : `exit ${r.status}`;
  results.push({ step, status: ok ? 'ok' : 'FAILED', ms, counts, note: ok ? '' : exit });
  if (!ok) failedStep = step;
}

let passed = 0;
let failed = 0;
let skipped = 0;
rule('summary');
for (const { step, status, ms, counts, note } of results) {
  if (counts) {
    passed += counts.passed;
    failed += counts.failed;
    skipped += counts.skipped;
  }
  if (status === 'FAILED' && (!counts || counts.failed === 0)) failed += 1;
  const mark = status === 'ok' ? '✔' : status === 'FAILED' ? '✘' : '-';
  const tally = counts ? `  ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped` : '';
  const time = ms === undefined ? '' : `  ${fmt(ms)}`;
  console.log(
    `${mark} ${step.name.padEnd(22)} ${status.padEnd(8)}${time.padEnd(10)}${tally}${note ? `  (${note})` : ''}`,
  );
}
console.log(
  `total ${fmt(Date.now() - t0)}${failedStep ? `; FAILED at ${failedStep.name}` : '; all steps passed'}`,
);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failedStep ? 1 : 0);
