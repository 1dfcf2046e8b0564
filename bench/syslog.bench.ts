/**
 * Syslog receive rate, Mamori against rsyslog (Debian's package) in the same run, on the
 * same generated stream (FortiGate key=value, RFC 5424 with structured data, CEF with
 * escapes, Yamaha RTX without a header): rsyslog writes what it receives to a file; Mamori
 * parses, normalises, detects and commits it. Rate = lines stored / time from the first
 * byte sent to the last line stored. TCP must lose nothing; UDP reports what was dropped.
 * Uses DATABASE_URL when set (a throwaway database), else the embedded database.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/kernel/config.ts';
import { openDatabase } from '../src/kernel/db/client.ts';
import { createMemoryMailer } from '../src/kernel/testing/memory-mailer.ts';
import { monitoringRuntime } from '../src/modules/monitoring/monitoring.routes.ts';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 50_000);

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

function lines(n: number, tag: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const ip = `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
    const k = i % 4;
    if (k === 0)
      out.push(
        `<189>date=2026-11-22 time=10:01:02 devname="FG60F" logid="0000000013" type="traffic" subtype="forward" srcip=${ip} srcport=${40000 + (i % 20000)} dstip=198.51.100.${i % 200} dstport=443 action="accept" run="${tag}" seq=${i}`,
      );
    else if (k === 1)
      out.push(
        `<165>1 2026-11-22T10:00:00.${String(i % 1000).padStart(3, '0')}+09:00 fw01 app - ID47 [meta@32473 run="${tag}" seq="${i}"] connection closed from ${ip}`,
      );
    else if (k === 2)
      out.push(
        `<134>1 2026-11-22T10:00:01+09:00 gw01 cef - - - CEF:0|Vendor|Gateway|1.0|100|Allowed \\| traffic|3|src=${ip} dst=203.0.113.9 dpt=80 act=allow cs1=${tag}-${i}`,
      );
    else out.push(`[INSPECT] LAN2[in][${i}] TCP ${ip}:51515 > 198.51.100.2:3389 ${tag}`);
  }
  return out;
}

function send(proto: 'tcp' | 'udp', port: number, file: string): Promise<{ sent: number; ms: number }> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', path.join(import.meta.dirname, 'syslog.sender.ts'), proto, String(port), file],
      (err, stdout) => (err ? reject(err) : resolve(JSON.parse(stdout))),
    );
  });
}

/** Polls `count` until it reaches `want` or stops growing for `idleMs`; returns when the last growth was seen. */
async function waitFor(count: () => Promise<number>, want: number, idleMs: number) {
  let last = -1;
  let lastChange = performance.now();
  for (;;) {
    const n = await count();
    if (n !== last) {
      last = n;
      lastChange = performance.now();
    }
    if (n >= want || performance.now() - lastChange > idleMs) return { n, at: lastChange };
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function rsyslog(dir: string, tcpPort: number, udpPort: number) {
  const conf = path.join(dir, 'rsyslog.conf');
  const out = path.join(dir, 'rsyslog.out');
  await writeFile(
    conf,
    [
      'global(workDirectory="' + dir + '")',
      'module(load="imudp")',
      'module(load="imtcp")',
      `input(type="imudp" port="${udpPort}" address="127.0.0.1")`,
      `input(type="imtcp" port="${tcpPort}" address="127.0.0.1")`,
      `action(type="omfile" file="${out}" template="RSYSLOG_FileFormat")`,
    ].join('\n'),
  );
  const proc = spawn('/usr/sbin/rsyslogd', ['-n', '-f', conf, '-i', path.join(dir, 'rsyslog.pid')], {
    stdio: 'ignore',
  });
  await new Promise((r) => setTimeout(r, 1000));
  const countLines = async () => {
    try {
      const text = await readFile(out, 'utf8');
      let n = 0;
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
      return n;
    } catch {
      return 0;
    }
  };
  return { proc, countLines };
}

async function main() {
  const dir = await mkdtemp(path.join(tmpdir(), 'mamori-syslog-bench-'));
  let dbName: string | undefined;
  const url = process.env.DATABASE_URL;
  let target: Parameters<typeof openDatabase>[0] = { pgliteDir: path.join(dir, 'pglite') };
  if (url) {
    dbName = `mamori_syslog_bench_${process.pid}`;
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
    const syslogPort = await freePort();
    const config = loadConfig(
      { LOG_LEVEL: 'silent', MAMORI_RATE_LIMIT: 'off', SYSLOG_PORT: String(syslogPort) },
      { dataDir: dir, port: 0 },
    );
    const app = await buildApp(config, { database, mailer: createMemoryMailer(), logger: false });
    await app.ready();
    const rt = monitoringRuntime(app.mamori);
    const ports = rt?.syslogPorts;
    if (!ports) throw new Error('syslog receiver did not start');
    // One SME with one sensor registered for the loopback sender.
    await database.db.execute(
      sql`insert into "organization" (id, name, slug, created_at) values ('bench-org', 'ベンチ', 'bench-org', now())`,
    );
    await database.db.execute(
      sql`insert into monitoring_sensor (id, org_id, name, kind, source_address, token_hash, token_prefix) values ('bench-sensor', 'bench-org', 'FG', 'utm', '127.0.0.1', 'x', 'x')`,
    );
    const stored = async () => {
      const r = (await database.db.execute(
        sql`select count(*)::int as n from monitoring_event`,
      )) as unknown as {
        rows: Array<{ n: number }>;
      };
      return r.rows[0]?.n ?? 0;
    };
    const rs = await rsyslog(dir, await freePort(), await freePort());
    const rsPorts = await readFile(path.join(dir, 'rsyslog.conf'), 'utf8').then((c) =>
      [...c.matchAll(/port="(\d+)"/g)].map((m) => Number(m[1])),
    );
    const [rsUdp, rsTcp] = rsPorts as [number, number];
    const result: Record<string, unknown> = {
      backend: database.kind,
      events: EVENTS,
      cores: (await import('node:os')).cpus().length,
    };
    let base = 0;
    let rsBase = 0;
    for (const proto of ['tcp', 'udp'] as const) {
      const file = path.join(dir, `${proto}.log`);
      await writeFile(file, lines(EVENTS, proto).join('\n'));
      const t0 = performance.now();
      await send(proto, proto === 'tcp' ? ports.tcpPort : ports.udpPort, file);
      const m = await waitFor(async () => (await stored()) - base, EVENTS, 3000);
      const mamoriMs = m.at - t0;
      base += m.n;
      const t1 = performance.now();
      await send(proto, proto === 'tcp' ? rsTcp : rsUdp, file);
      const r = await waitFor(async () => (await rs.countLines()) - rsBase, EVENTS, 3000);
      const rsMs = r.at - t1;
      rsBase += r.n;
      result[proto] = {
        mamori: {
          stored: m.n,
          ms: Math.round(mamoriMs),
          linesPerSecond: Math.round((m.n / mamoriMs) * 1000),
        },
        rsyslogToFile: {
          written: r.n,
          ms: Math.round(rsMs),
          linesPerSecond: Math.round((r.n / rsMs) * 1000),
        },
        ratio: Math.round((m.n / mamoriMs / (r.n / rsMs)) * 100) / 100,
        udpDroppedByMamori: rt?.syslog?.counters.udpDropped,
      };
    }
    rs.proc.kill('SIGTERM');
    console.log(JSON.stringify(result, null, 2));
    await app.close();
  } finally {
    await database.close();
    if (url && dbName) {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${dbName} with (force)`).finally(() => c.end());
    }
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
