import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });

async function startServer(dataDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: '',
      DATA_DIR: dataDir,
      PORT: String(port),
      SYSLOG_PORT: '0',
      LOG_LEVEL: 'error',
      MAMORI_RATE_LIMIT: 'off',
      OPERATOR_EMAIL: 'durable@example.test',
      OPERATOR_PASSWORD: 'durable-password-1',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  // Generous: PGlite initdb on a busy two-core CI machine has taken tens of seconds.
  for (let i = 0; i < 900; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/readyz`)).ok) return child;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error('server did not become ready');
}

describe('durability', () => {
  it('loses no acknowledged event when the process is killed with SIGKILL under load', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'mamori-durable-'));
    dirs.push(dataDir);
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    let server = await startServer(dataDir, port);

    const signIn = await fetch(`${base}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body: JSON.stringify({ email: 'durable@example.test', password: 'durable-password-1' }),
    });
    const cookie = signIn.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const json = { 'content-type': 'application/json', cookie, origin: base };
    const org = await (
      await fetch(`${base}/api/v1/orgs`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({
          name: '耐久テスト',
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
        body: JSON.stringify({ name: 'UTM', kind: 'utm' }),
      })
    ).json();

    // Two senders post 100-line batches until the process dies; count what was acknowledged.
    let acknowledged = 0;
    let seq = 0;
    let killed = false;
    const sender = async () => {
      while (!killed) {
        const lines = Array.from({ length: 100 }, () =>
          JSON.stringify({
            '@timestamp': new Date().toISOString(),
            message: `event ${seq++}`,
            event: { category: 'network' },
          }),
        );
        try {
          const res = await fetch(`${base}/api/v1/ingest`, {
            method: 'POST',
            headers: { authorization: `Bearer ${sensor.token}`, 'content-type': 'application/x-ndjson' },
            body: lines.join('\n'),
          });
          if (res.status === 202) acknowledged += (await res.json()).accepted;
        } catch {
          return; // the server is gone
        }
      }
    };
    const senders = [sender(), sender()];
    await new Promise((r) => setTimeout(r, 2500));
    killed = true;
    server.kill('SIGKILL');
    await Promise.all(senders);
    expect(acknowledged).toBeGreaterThan(0);

    server = await startServer(dataDir, port);
    try {
      const again = await fetch(`${base}/api/auth/sign-in/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: base },
        body: JSON.stringify({ email: 'durable@example.test', password: 'durable-password-1' }),
      });
      const cookie2 = again.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      const summary = await (
        await fetch(`${base}/api/v1/orgs/${org.id}/monitoring/summary`, { headers: { cookie: cookie2 } })
      ).json();
      expect(summary.events.total).toBeGreaterThanOrEqual(acknowledged);
    } finally {
      server.kill('SIGKILL');
    }
  }, 300_000);
});
