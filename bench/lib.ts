import { execFile } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const autocannonBin = path.resolve(import.meta.dirname, '../node_modules/autocannon/autocannon.js');

export interface Load {
  rps: number;
  latencyMedianMs: number;
  latencyP99Ms: number;
  errors: number;
  non2xx: number;
}

/**
 * One autocannon run against a loopback URL, in its own process so the load
 * generator does not share the server's event loop. Bounded in time and connections.
 */
export async function load(opts: {
  url: string;
  method?: 'GET' | 'POST';
  body?: string;
  headers?: Record<string, string>;
  seconds?: number;
  connections?: number;
}): Promise<Load> {
  const args = [autocannonBin, '-j', '-d', String(opts.seconds ?? 5), '-c', String(opts.connections ?? 10)];
  args.push('-m', opts.method ?? 'GET', '-H', 'content-type=application/json');
  for (const [k, v] of Object.entries(opts.headers ?? {})) args.push('-H', `${k}=${v}`);
  if (opts.body) {
    const file = path.join(tmpdir(), `mamori-bench-body-${process.pid}.json`);
    await writeFile(file, opts.body);
    args.push('-i', file);
  }
  args.push(opts.url);
  const { stdout } = await run(process.execPath, args, { maxBuffer: 16 * 1024 * 1024 });
  const r = JSON.parse(stdout);
  return {
    rps: Math.round(r.requests.average),
    latencyMedianMs: r.latency.p50,
    latencyP99Ms: r.latency.p99,
    errors: r.errors,
    non2xx: r.non2xx,
  };
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

/**
 * CPU seconds used so far by the local PostgreSQL server's processes (Linux /proc): the
 * difference over a phase is what the database spent on it. Backends that exit take their
 * time with them, so measure phases whose connections stay open.
 */
export async function postgresCpuSeconds(): Promise<number> {
  const ticks = 100; // USER_HZ on Linux
  let total = 0;
  for (const pid of await readdir('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
    const close = stat.lastIndexOf(')');
    if (!stat.slice(stat.indexOf('(') + 1, close).startsWith('postgres')) continue;
    const f = stat.slice(close + 2).split(' ');
    total += (Number(f[11]) + Number(f[12])) / ticks;
  }
  return total;
}
