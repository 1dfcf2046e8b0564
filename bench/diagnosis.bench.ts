/**
 * Diagnosis benchmarks (issue: self-diagnosis), each run side by side with its baseline
 * in the same process and run:
 *  1. POST /api/v1/diagnosis/score throughput vs a bare Fastify route taking the same body.
 *  2. comparison latency with 100,000 stored diagnoses vs a trivial authenticated GET (/api/v1/me).
 * Runs on PGlite by default, on PostgreSQL with DATABASE_URL (a throwaway database is created).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { buildApp } from '../src/app.ts';
import { ensureOperator } from '../src/kernel/auth/operator.ts';
import { loadConfig } from '../src/kernel/config.ts';
import { type Database, openDatabase } from '../src/kernel/db/client.ts';
import { createMemoryMailer } from '../src/kernel/testing/memory-mailer.ts';
import { rebuildAggregates } from '../src/modules/diagnosis/diagnosis.repo.ts';
import { scoreAnswers } from '../src/modules/diagnosis/diagnosis.service.ts';
import { load, median } from './lib.ts';

const DIAGNOSES = Number(process.env.BENCH_DIAGNOSES ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const a = srv.address();
      srv.close(() => (a && typeof a === 'object' ? resolve(a.port) : reject(new Error('no port'))));
    });
  });
}

async function openBenchDb(): Promise<{ database: Database; cleanup: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const dir = await mkdtemp(path.join(tmpdir(), 'mamori-bench-'));
    const database = await openDatabase({ pgliteDir: dir });
    return { database, cleanup: () => rm(dir, { recursive: true, force: true }) };
  }
  const name = `mamori_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: u.toString() });
  return {
    database,
    cleanup: async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`).finally(() => c.end());
    },
  };
}

/** 100k diagnoses over 20k organisations (5 each) in 20 industries × 6 bands, in bulk SQL. */
async function seed(database: Database, n: number) {
  const orgs = Math.ceil(n / 5);
  const db = database.db;
  await db.execute(sql`
    insert into organization (id, name, slug)
    select 'bench-' || g, 'Bench ' || g, 'bench-' || g from generate_series(1, ${orgs}) g`);
  await db.execute(sql`
    insert into org_profile (org_id, kind, prefecture, industry, employees)
    select 'bench-' || g, 'sme', lpad((1 + g % 47)::text, 2, '0'),
           chr(65 + g % 20), (array['1-5','6-20','21-50','51-100','101-300','301+'])[1 + g % 6]
      from generate_series(1, ${orgs}) g`);
  await db.execute(sql`
    insert into diagnosis (id, org_id, bank_version, answers, total, band, parts, industry, employees, created_at)
    select 'bench-d-' || g, 'bench-' || (1 + g % ${orgs}), '2026.1', '{}'::jsonb,
           t, case when t = 100 then 'complete' when t >= 70 then 'mostly' when t >= 50 then 'insufficient' else 'urgent' end,
           '[]'::jsonb, p.industry, p.employees, now() - (g || ' minutes')::interval
      from generate_series(1, ${n}) g
      cross join lateral (select (-25 + (g * 7919) % 126) as t) s
      join org_profile p on p.org_id = 'bench-' || (1 + g % ${orgs})`);
  await rebuildAggregates(db);
}

async function main() {
  const { database, cleanup } = await openBenchDb();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'mamori-bench-data-'));
  try {
    await database.migrate();
    const port = await freePort();
    const config = loadConfig({ LOG_LEVEL: 'silent', MAMORI_RATE_LIMIT: 'off' }, { dataDir, port });
    const app = await buildApp(config, { database, mailer: createMemoryMailer(), logger: false });
    // The baseline: the same body through a bare route with no schema or work.
    app.post('/bench/bare', async () => ({ ok: true }));
    // A second reference: the same bare route answering with a result-sized body (no work),
    // to tell the cost of the payload from the cost of validating and scoring.
    const sized = scoreAnswers(
      Object.fromEntries(
        Array.from({ length: 25 }, (_, i) => [String(i + 1), ['yes', 'partial', 'no', 'unknown'][i % 4]]),
      ) as never,
      'ja',
    );
    app.post('/bench/bare-sized', async () => sized);
    await app.listen({ host: '127.0.0.1', port });
    const base = `http://127.0.0.1:${port}`;

    const answers = Object.fromEntries(
      Array.from({ length: 25 }, (_, i) => [String(i + 1), ['yes', 'partial', 'no', 'unknown'][i % 4]]),
    );
    const body = JSON.stringify({ answers });

    // A signed-in owner whose org sits in a large peer group, with one saved diagnosis.
    await ensureOperator(app.mamori, { email: 'bench@example.test', password: 'bench-password-1' });
    const signIn = await fetch(`${base}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body: JSON.stringify({ email: 'bench@example.test', password: 'bench-password-1' }),
    });
    if (!signIn.ok) throw new Error(`sign-in failed: ${signIn.status} ${await signIn.text()}`);
    const cookie = signIn.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const headers = { cookie, origin: base };
    const org = await (
      await fetch(`${base}/api/v1/orgs`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({
          name: 'ベンチ株式会社',
          kind: 'sme',
          prefecture: '13',
          industry: 'E',
          employees: '21-50',
        }),
      })
    ).json();

    const seeded = performance.now();
    await seed(database, DIAGNOSES);
    const seedMs = Math.round(performance.now() - seeded);
    const saved = await (
      await fetch(`${base}/api/v1/orgs/${org.id}/diagnoses`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body,
      })
    ).json();
    const cmpUrl = `${base}/api/v1/orgs/${org.id}/diagnoses/${saved.id}/comparison`;
    const check = await (await fetch(cmpUrl, { headers })).json();
    if (!check.peers) throw new Error(`expected peers in the bench group: ${JSON.stringify(check)}`);

    const rounds: Array<Record<string, number>> = [];
    for (let i = 0; i < ROUNDS; i++) {
      const bare = await load({ url: `${base}/bench/bare`, method: 'POST', body, seconds: SECONDS });
      const bareSized = await load({
        url: `${base}/bench/bare-sized`,
        method: 'POST',
        body,
        seconds: SECONDS,
      });
      const scoreRun = await load({
        url: `${base}/api/v1/diagnosis/score`,
        method: 'POST',
        body,
        seconds: SECONDS,
      });
      const me = await load({ url: `${base}/api/v1/me`, headers, seconds: SECONDS });
      const cmp = await load({ url: cmpUrl, headers, seconds: SECONDS });
      for (const r of [bare, scoreRun, me, cmp])
        if (r.errors || r.non2xx) throw new Error(`errors in run: ${JSON.stringify(r)}`);
      rounds.push({
        bareRps: bare.rps,
        bareSizedRps: bareSized.rps,
        scoreRps: scoreRun.rps,
        meMedianMs: me.latencyMedianMs,
        cmpMedianMs: cmp.latencyMedianMs,
        meRps: me.rps,
        cmpRps: cmp.rps,
      });
    }
    const m = (k: string) => median(rounds.map((r) => r[k] as number));
    const result = {
      backend: database.kind,
      diagnoses: DIAGNOSES,
      seedMs,
      peers: check.peers,
      rounds,
      scoreVsBare: Math.round((m('scoreRps') / m('bareRps')) * 100) / 100,
      scoreVsBareSameSizedBody: Math.round((m('scoreRps') / m('bareSizedRps')) * 100) / 100,
      comparisonVsMe: {
        medianLatencyRatio: Math.round((m('cmpMedianMs') / m('meMedianMs')) * 100) / 100,
        throughputRatio: Math.round((m('cmpRps') / m('meRps')) * 100) / 100,
      },
      goals: { scoreVsBare: '>= 0.5', comparisonLatencyRatio: '<= 2' },
    };
    console.log(JSON.stringify(result, null, 2));
    await app.close();
  } finally {
    await database.close();
    await cleanup();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
