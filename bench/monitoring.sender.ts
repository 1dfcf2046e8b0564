/**
 * The load generator for bench/monitoring.bench.ts, in its own process so that the server
 * being measured has its CPU to itself: reads NDJSON lines from a file and posts them to
 * /api/v1/ingest in batches, several requests in flight, honouring 429 Retry-After.
 * Usage: node --import tsx bench/monitoring.sender.ts <baseUrl> <token> <file> <batch> <concurrency>
 */
import { readFile } from 'node:fs/promises';

const [base, token, file, batchArg, concArg] = process.argv.slice(2);
const lines = (await readFile(file as string, 'utf8')).split('\n').filter(Boolean);
const batch = Number(batchArg ?? 1000);
const chunks: string[] = [];
for (let i = 0; i < lines.length; i += batch) chunks.push(lines.slice(i, i + batch).join('\n'));
let next = 0;
let retries = 0;
const send = async () => {
  while (next < chunks.length) {
    const body = chunks[next++] as string;
    for (;;) {
      const res = await fetch(`${base}/api/v1/ingest`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson' },
        body,
      });
      if (res.status === 202) {
        await res.arrayBuffer();
        break;
      }
      if (res.status === 429) {
        retries++;
        await new Promise((r) => setTimeout(r, Number(res.headers.get('retry-after') ?? 1) * 100));
        continue;
      }
      throw new Error(`ingest answered ${res.status}: ${await res.text()}`);
    }
  }
};
await Promise.all(Array.from({ length: Number(concArg ?? 4) }, send));
const cpu = process.cpuUsage();
process.stdout.write(
  JSON.stringify({ sent: lines.length, retries, cpuSeconds: (cpu.user + cpu.system) / 1e6 }),
);
