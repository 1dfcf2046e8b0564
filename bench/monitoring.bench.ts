/**
 * Monitoring throughput, end to end (HTTP ingest → parse → normalise → durable append →
 * detection → alerts committed), with the baseline in the same run: COPY of the same
 * normalised rows into the same table. On PostgreSQL (DATABASE_URL; a throwaway database is
 * made) and then on the embedded database (PGlite, in a temporary folder); BENCH_BACKENDS
 * chooses. Rounds alternate the pipeline and COPY; medians are reported. A generator plants a
 * known number of events for several rules; the run reports the alerts and dedup counts.
 */

import { execFile } from 'node:child_process';
// Must come first: it sets MONITORING_RULES_DIR before the monitoring module loads its rules.
import './rules-300.ts';
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { buildApp } from '../src/app.ts';
import { ensureOperator } from '../src/kernel/auth/operator.ts';
import { loadConfig } from '../src/kernel/config.ts';
import { type AppDb, copyIn, openDatabase } from '../src/kernel/db/client.ts';
import { createMemoryMailer } from '../src/kernel/testing/memory-mailer.ts';
import { parseLine } from '../src/modules/monitoring/monitoring.parse.ts';
import { ensureEventPartitions } from '../src/modules/monitoring/monitoring.partitions.ts';
import { EVENT_COLUMNS } from '../src/modules/monitoring/monitoring.prepare.ts';
import { monitoringRuntime } from '../src/modules/monitoring/monitoring.routes.ts';
import { median, postgresCpuSeconds } from './lib.ts';

const round1 = (x: number) => Math.round(x * 10) / 10;
const EVENTS = Number(process.env.BENCH_EVENTS ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

interface Round {
  eventsPerSecond: number;
  copyEventsPerSecond: number;
  cpuSeconds: { server: number; postgres: number; sender: number };
  copyPostgresCpuSeconds: number;
  senderRetriesAfter429: number;
  stored: number;
  planted: ReturnType<typeof generate>['planted'];
  alerts: Array<{ rule_id: string; alerts: number; hits: number }>;
}
const BATCH = 1000;
// Many sensors send at once; with few requests in flight, parsing and committing cannot overlap.
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

function runSender(args: string[]): Promise<{ sent: number; retries: number; cpuSeconds: number }> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', path.join(import.meta.dirname, 'monitoring.sender.ts'), ...args],
      { maxBuffer: 1024 * 1024 },
      (err, stdout) => (err ? reject(err) : resolve(JSON.parse(stdout))),
    );
  });
}

/** A realistic mix: FortiGate traffic/UTM, RFC 5424, CEF, EVE alerts and flows, EDR-like ECS. */
export function generate(n: number) {
  const lines: string[] = [];
  const planted = { 'malware-detected': 0, 'brute-force-login': 0, 'ransomware-behaviour': 0 };
  const ts = () => new Date().toISOString();
  for (let i = 0; i < n; i++) {
    const k = i % 50;
    const ip = `192.168.${(i >> 8) & 255}.${i & 255}`;
    if (k === 0) {
      lines.push(
        JSON.stringify({
          '@timestamp': ts(),
          event: { kind: 'alert', category: 'malware', action: 'detected', outcome: 'success' },
          host: { name: `pc-${i % 7}` },
          file: { name: 'invoice.exe' },
          seq: i,
        }),
      );
      planted['malware-detected']++;
    } else if (k === 1) {
      lines.push(
        JSON.stringify({
          '@timestamp': ts(),
          event: { category: 'authentication', outcome: 'failure' },
          source: { ip: '203.0.113.66' },
          user: { name: 'admin' },
          seq: i,
        }),
      );
      planted['brute-force-login']++;
    } else if (k === 2 && i % 1000 === 2) {
      lines.push(
        JSON.stringify({
          '@timestamp': ts(),
          event: { category: 'process' },
          host: { name: 'pc-fin' },
          process: { name: 'cmd.exe', command_line: 'vssadmin delete shadows /all /quiet' },
          seq: i,
        }),
      );
      planted['ransomware-behaviour']++;
    } else if (k < 20) {
      lines.push(
        `<189>date=2026-11-21 time=10:01:02 devname="FG60F" devid="FG6H0F" logid="0000000013" type="traffic" subtype="forward" srcip=${ip} srcport=${40000 + (i % 20000)} dstip=198.51.100.${i % 200} dstport=443 action="accept" service="HTTPS" sentbyte=${i} seq=${i}`,
      );
    } else if (k < 30) {
      lines.push(
        `<165>1 2026-11-21T10:00:00.${String(i % 1000).padStart(3, '0')}+09:00 fw01 app - ID47 [meta@32473 seq="${i}"] connection closed from ${ip}`,
      );
    } else if (k < 35) {
      lines.push(
        `CEF:0|Vendor|Gateway|1.0|100|Allowed \\| traffic|3|src=${ip} dst=203.0.113.9 spt=${i % 60000} dpt=80 act=allow cs1=${i}`,
      );
    } else if (k < 45) {
      lines.push(
        JSON.stringify({
          timestamp: ts(),
          event_type: 'flow',
          src_ip: ip,
          src_port: 1000 + (i % 50000),
          dest_ip: '198.51.100.1',
          dest_port: 53,
          proto: 'UDP',
          flow_id: i,
        }),
      );
    } else {
      lines.push(
        JSON.stringify({
          '@timestamp': ts(),
          event: { category: 'process', action: 'start' },
          host: { name: `pc-${i % 30}` },
          process: { name: 'chrome.exe', command_line: `chrome.exe --type=renderer ${i}` },
        }),
      );
    }
  }
  return { lines, planted };
}

/** A throwaway database of the kind, and how to COPY text rows into it outside the server. */
async function benchDatabase(backend: 'postgres' | 'pglite', dataDir: string) {
  if (backend === 'pglite') {
    const database = await openDatabase({ pgliteDir: path.join(dataDir, 'db') });
    return {
      database,
      // The embedded database lives in this process: its CPU is the server's.
      dbCpuSeconds: async () => 0,
      copy: (text: string) =>
        database.db.transaction((tx) =>
          copyIn(tx as unknown as AppDb, 'monitoring_event', EVENT_COLUMNS, Buffer.from(text)),
        ),
      drop: () => database.close(),
    };
  }
  const url = process.env.DATABASE_URL as string;
  const name = `mamori_mon_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: u.toString() });
  const client = new pg.Client({ connectionString: u.toString() });
  await client.connect();
  return {
    database,
    dbCpuSeconds: postgresCpuSeconds,
    copy: (text: string) =>
      pipeline(
        Readable.from([text]),
        client.query(copyFrom(`COPY monitoring_event (${EVENT_COLUMNS.join(', ')}) FROM STDIN`)),
      ),
    drop: async () => {
      await client.end();
      await database.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`).finally(() => c.end());
    },
  };
}

async function main(backend: 'postgres' | 'pglite') {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'mamori-mon-bench-'));
  const { database, dbCpuSeconds, copy, drop } = await benchDatabase(backend, dataDir);
  try {
    await database.migrate();
    // As a running server has them from its first job run (5 s after start): today's table.
    await ensureEventPartitions(database.db, new Date());
    const port = await freePort();
    const config = loadConfig(
      {
        LOG_LEVEL: 'silent',
        MAMORI_RATE_LIMIT: 'off',
        SYSLOG_PORT: '0',
        MONITORING_PREPARE_THREADS: process.env.MONITORING_PREPARE_THREADS,
      },
      { dataDir, port },
    );
    const app = await buildApp(config, { database, mailer: createMemoryMailer(), logger: false });
    await app.listen({ host: '127.0.0.1', port });
    const base = `http://127.0.0.1:${port}`;
    await ensureOperator(app.mamori, { email: 'bench@example.test', password: 'bench-password-1' });
    const signIn = await fetch(`${base}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body: JSON.stringify({ email: 'bench@example.test', password: 'bench-password-1' }),
    });
    const cookie = signIn.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const json = { 'content-type': 'application/json', cookie, origin: base };
    const rules = (await (await fetch(`${base}/api/v1/monitoring/rules`)).json()).length;
    await monitoringRuntime(app.mamori)?.preparer.ready();

    // Rounds alternate the pipeline and COPY so that both see the same machine and table size;
    // each round is a tenant of its own, so its alerts and dedup counts stand alone.
    const rounds: Round[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const org = await (
        await fetch(`${base}/api/v1/orgs`, {
          method: 'POST',
          headers: json,
          body: JSON.stringify({
            name: `ベンチ ${round}`,
            kind: 'sme',
            prefecture: '13',
            industry: 'E',
            employees: '6-20',
          }),
        })
      ).json();
      const sensor = await (
        await fetch(`${base}/api/v1/orgs/${org.id}/sensors`, {
          method: 'POST',
          headers: json,
          body: JSON.stringify({ name: 'FG', kind: 'utm' }),
        })
      ).json();
      const { lines, planted } = generate(EVENTS);

      // --- the pipeline: the sender runs in its own process ---
      const linesFile = path.join(dataDir, `events-${round}.ndjson`);
      await writeFile(linesFile, lines.join('\n'));
      const cpu0 = process.cpuUsage();
      const pg0 = await dbCpuSeconds();
      const started = performance.now();
      const sender = await runSender([base, sensor.token, linesFile, String(BATCH), String(CONCURRENCY)]);
      await monitoringRuntime(app.mamori)?.worker.drain();
      const pipelineMs = performance.now() - started;
      const cpu = process.cpuUsage(cpu0);
      const pgSeconds = (await dbCpuSeconds()) - pg0;
      const alerts = (
        (await database.db.execute(
          sql`select rule_id, count(*)::int as alerts, sum(count)::int as hits from monitoring_alert
              where org_id = ${org.id} group by rule_id order by rule_id`,
        )) as unknown as { rows: Array<{ rule_id: string; alerts: number; hits: number }> }
      ).rows;
      const [stored] = (
        (await database.db.execute(
          sql`select count(*)::int as n from monitoring_event where org_id = ${org.id}`,
        )) as unknown as { rows: Array<{ n: number }> }
      ).rows;

      // --- the baseline: COPY the same normalised rows into the same table ---
      const rows = lines.map((line, i) => {
        const p = parseLine(line, { receivedAt: new Date() });
        const fields = p.ok ? p.event.fields : { message: line };
        const esc = (x: string) =>
          x.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
        return [
          org.id,
          sensor.id,
          createHash('sha256').update(`copy${round}-${i}`).digest('hex'),
          new Date().toISOString(),
          new Date().toISOString(),
          p.ok ? p.event.format : 'x',
          'copy',
          esc(line),
          esc(JSON.stringify(fields)),
          't',
        ].join('\t');
      });
      const text = `${rows.join('\n')}\n`;
      const copyCpu0 = process.cpuUsage();
      const copyPg0 = await dbCpuSeconds();
      const copyStarted = performance.now();
      await copy(text);
      const copyMs = performance.now() - copyStarted;
      const copyCpu = process.cpuUsage(copyCpu0);
      // On the embedded database the COPY runs in this process; on PostgreSQL in the server.
      const copyPgSeconds =
        backend === 'pglite' ? (copyCpu.user + copyCpu.system) / 1e6 : (await dbCpuSeconds()) - copyPg0;
      const serverSeconds = (cpu.user + cpu.system) / 1e6;
      rounds.push({
        eventsPerSecond: Math.round((EVENTS / pipelineMs) * 1000),
        copyEventsPerSecond: Math.round((EVENTS / copyMs) * 1000),
        cpuSeconds: {
          server: round1(serverSeconds),
          postgres: round1(pgSeconds),
          sender: round1(sender.cpuSeconds),
        },
        copyPostgresCpuSeconds: round1(copyPgSeconds),
        senderRetriesAfter429: sender.retries,
        stored: stored?.n ?? 0,
        planted,
        alerts,
      });
    }
    const med = (f: (r: Round) => number) => median(rounds.map(f));
    const eps = med((r) => r.eventsPerSecond);
    const copyEps = med((r) => r.copyEventsPerSecond);
    const cpuUsed = med((r) => r.cpuSeconds.server + r.cpuSeconds.postgres);
    console.log(
      JSON.stringify(
        {
          backend,
          events: EVENTS,
          rounds: ROUNDS,
          prepareThreads: config.monitoringPrepareThreads,
          rules,
          pipeline: {
            eventsPerSecond: eps,
            perRound: rounds.map((r) => r.eventsPerSecond),
            cpuSeconds: {
              server: med((r) => r.cpuSeconds.server),
              postgres: med((r) => r.cpuSeconds.postgres),
              sender: med((r) => r.cpuSeconds.sender),
            },
            // "Per core used": events over the CPU time of the server and the database together.
            eventsPerCpuSecond: Math.round(EVENTS / cpuUsed),
          },
          copyBaseline: {
            eventsPerSecond: copyEps,
            perRound: rounds.map((r) => r.copyEventsPerSecond),
            postgresCpuSeconds: med((r) => r.copyPostgresCpuSeconds),
            eventsPerCpuSecond: Math.round(EVENTS / med((r) => r.copyPostgresCpuSeconds)),
          },
          ratioToCopy: Math.round(med((r) => r.eventsPerSecond / r.copyEventsPerSecond) * 100) / 100,
          goal: ">= 0.5 of COPY (median of the rounds' ratios)",
          stored: rounds.map((r) => r.stored),
          senderRetriesAfter429: rounds.map((r) => r.senderRetriesAfter429),
          planted: rounds[0]?.planted,
          alerts: rounds[0]?.alerts,
          // Every planted event makes its alert, nothing else alerts, the dedup counts are exact:
          // 7 hosts with malware (one alert each), one address failing to log in (an alert from
          // the 10th failure on), one host wiping its shadow copies.
          detection: rounds.every(
            (r) =>
              JSON.stringify(r.alerts) ===
              JSON.stringify([
                { rule_id: 'brute-force-login', alerts: 1, hits: r.planted['brute-force-login'] - 9 },
                { rule_id: 'malware-detected', alerts: 7, hits: r.planted['malware-detected'] },
                { rule_id: 'ransomware-behaviour', alerts: 1, hits: r.planted['ransomware-behaviour'] },
              ]),
          )
            ? 'exact'
            : 'MISMATCH',
          sameAlertsEveryRound: rounds.every(
            (r) => JSON.stringify(r.alerts) === JSON.stringify(rounds[0]?.alerts),
          ),
        },
        null,
        2,
      ),
    );
    await app.close();
  } finally {
    await drop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

// PostgreSQL when DATABASE_URL is set, then the embedded database (BENCH_BACKENDS picks).
const backends = (process.env.BENCH_BACKENDS ?? (process.env.DATABASE_URL ? 'postgres,pglite' : 'pglite'))
  .split(',')
  .filter((b): b is 'postgres' | 'pglite' => b === 'postgres' || b === 'pglite');
for (const backend of backends) await main(backend);
