import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from './kernel/config.ts';
import { startServer } from './server.ts';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

describe('npm start on the embedded database', () => {
  it('creates the operator from the environment, listens, and keeps data across a restart', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'mamori-start-'));
    dirs.push(dataDir);
    const env = {
      DATA_DIR: dataDir,
      PORT: '0',
      SYSLOG_PORT: '0',
      LOG_LEVEL: 'silent',
      OPERATOR_EMAIL: 'root@example.test',
      OPERATOR_PASSWORD: 'operator-pass-123',
    };
    const signIn = (url: string) =>
      fetch(`${url}/api/auth/sign-in/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'root@example.test', password: 'operator-pass-123' }),
      });

    const first = await startServer(loadConfig(env));
    try {
      expect(first.database.kind).toBe('pglite');
      expect(await (await fetch(`${first.url}/readyz`)).json()).toEqual({ status: 'ready' });
      expect((await signIn(first.url)).status).toBe(200);
    } finally {
      await first.close();
    }

    const second = await startServer(loadConfig({ ...env, OPERATOR_EMAIL: undefined }));
    try {
      const res = await signIn(second.url);
      expect(res.status).toBe(200);
      const cookie = res.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      const me = await (await fetch(`${second.url}/api/v1/me`, { headers: { cookie } })).json();
      expect(me.user).toMatchObject({ email: 'root@example.test', isOperator: true });
    } finally {
      await second.close();
    }
  }, 60_000);
});
