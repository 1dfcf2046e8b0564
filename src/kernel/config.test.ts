import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

let dir = '';
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('config', () => {
  it('has embedded defaults and keeps one generated secret per data dir', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'mamori-cfg-'));
    const a = loadConfig({ DATA_DIR: dir });
    expect(a).toMatchObject({ host: '127.0.0.1', port: 3000, databaseUrl: undefined, syslogPort: 5514 });
    expect(a.publicUrl).toBe('http://127.0.0.1:3000');
    expect(a.authSecret).toHaveLength(64);
    expect(loadConfig({ DATA_DIR: dir }).authSecret).toBe(a.authSecret);
  });

  it('treats an empty variable as not set', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'mamori-cfg-'));
    expect(loadConfig({ DATA_DIR: dir, DATABASE_URL: '', SMTP_URL: '' })).toMatchObject({
      databaseUrl: undefined,
      smtpUrl: undefined,
    });
  });

  it('lists every problem at once', () => {
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'not a url', MAMORI_RATE_LIMIT: 'maybe' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const msg = (err as Error).message;
      expect(msg).toContain('PORT');
      expect(msg).toContain('DATABASE_URL');
      expect(msg).toContain('MAMORI_RATE_LIMIT');
    }
  });
});
