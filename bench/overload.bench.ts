/**
 * Overload: senders far faster than the store, for BENCH_SECONDS (default 600). The server's
 * memory must stay bounded (the committer's queue is capped; senders get 429 + Retry-After)
 * and every accepted event must be stored. Reports peak / median / p95 resident memory of
 * the server process, sampled every second. Uses DATABASE_URL when set, else PGlite.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/kernel/config.ts';
import { openDatabase } from '../src/kernel/db/client.ts';
import { createMemoryMailer } from '../src/kernel/testing/memory-mailer.ts';
import { ensureEventPartitions } from '../src/modules/monitoring/monitoring.partitions.ts';
import { hashToken } from '../src/modules/monitoring/monitoring.pipeline.ts';
import { monitoringRuntime } from '../src/modules/monitoring/monitoring.routes.ts';
import { median } from './lib.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 600);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);

async function main() {
  const dir = await mkdtemp(path.join(tmpdir(), 'mamori-overload-'));
  const url = process.env.DATABASE_URL;
  const dbName = `mamori_overload_${process.pid}`;
  let target: Parameters<typeof openDatabase>[0] = { pgliteDir: path.join(dir, 'pglite') };
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${dbName}`);
    await admin.end();
    const u = new URL(url);
    u.pathname = `/${dbName}`;
    target = { databaseUrl: u.toString() };
  }
  const database = await openDatabase(target);
  try {
    await database.migrate();
    // As a running server has them from its first job run (5 s after start): today's table.
    await ensureEventPartitions(database.db, new Date());
    const config = loadConfig(
      {
        LOG_LEVEL: 'silent',
        MAMORI_RATE_LIMIT: 'off',
        SYSLOG_PORT: '0',
        MONITORING_QUEUE_EVENTS: process.env.MONITORING_QUEUE_EVENTS,
      },
      { dataDir: dir },
    );
    const app = await buildApp(config, { database, mailer: createMemoryMailer(), logger: false });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const token = 'mms_overload-bench-token';
    await database.db.execute(
      sql`insert into "organization" (id, name, slug, created_at) values ('ov-org', '負荷', 'ov-org', now())`,
    );
    await database.db.execute(
      sql`insert into monitoring_sensor (id, org_id, name, kind, token_hash, token_prefix) values ('ov-sensor', 'ov-org', 'UTM', 'utm', ${hashToken(token)}, 'mms_over')`,
    );
    const samples: number[] = [];
    const depth: number[] = [];
    const rt = monitoringRuntime(app.mamori);
    const timer = setInterval(() => {
      samples.push(process.memoryUsage().rss);
      depth.push(rt?.committer.depth ?? 0);
    }, 1000);
    const started = performance.now();
    const sender = await new Promise<{ accepted: number; refused429: number; requests: number }>(
      (resolve, reject) =>
        execFile(
          process.execPath,
          [
            '--import',
            'tsx',
            path.join(import.meta.dirname, 'overload.sender.ts'),
            base,
            token,
            String(SECONDS),
            String(CONCURRENCY),
          ],
          { maxBuffer: 1024 * 1024 },
          (err, stdout) => (err ? reject(err) : resolve(JSON.parse(stdout))),
        ),
    );
    await rt?.worker.drain();
    clearInterval(timer);
    const ms = performance.now() - started;
    const stored = (
      (await database.db.execute(sql`select count(*)::int as n from monitoring_event`)) as unknown as {
        rows: Array<{ n: number }>;
      }
    ).rows[0]?.n;
    const mb = (b: number) => Math.round(b / 1024 / 1024);
    const sorted = [...samples].sort((a, b) => a - b);
    console.log(
      JSON.stringify(
        {
          backend: database.kind,
          seconds: SECONDS,
          senders: CONCURRENCY,
          ...sender,
          stored,
          lost: sender.accepted - (stored ?? 0),
          eventsPerSecond: Math.round(((stored ?? 0) / ms) * 1000),
          rssMiB: {
            first: mb(samples[0] ?? 0),
            median: mb(median(samples)),
            p95: mb(sorted[Math.floor(sorted.length * 0.95)] ?? 0),
            peak: mb(sorted.at(-1) ?? 0),
          },
          queueDepthPeak: Math.max(...depth),
          queueLimit: config.monitoringQueueEvents,
        },
        null,
        2,
      ),
    );
    await app.close();
  } finally {
    await database.close();
    if (url) {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${dbName} with (force)`).finally(() => c.end());
    }
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
