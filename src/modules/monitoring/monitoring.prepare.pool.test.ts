import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../kernel/testing/test-app.ts';
import { Detector } from './monitoring.detect.ts';
import { rules } from './monitoring.pipeline.ts';
import { PreparePool } from './monitoring.prepare.pool.ts';
import { EventPreparer } from './monitoring.prepare.ts';
import { monitoringRuntime } from './monitoring.routes.ts';
import { registerSensor } from './monitoring.testing.ts';
import { ThreatIndex } from './monitoring.threats.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ config: { monitoringPrepareThreads: 2 } });
});
afterAll(() => t.close());

const now = () => new Date().toISOString();
const lines = (n: number) =>
  Array.from({ length: n }, (_, i) =>
    JSON.stringify({
      '@timestamp': new Date(Date.now() + i).toISOString(),
      event: { category: 'authentication', outcome: 'failure', action: `logon-${i}` },
      source: { ip: '203.0.113.91' },
      user: { name: 'admin' },
    }),
  );

describe('preparing in threads', () => {
  it('gives the same alerts as the main thread would, threat lists included', async () => {
    const operator = await t.operatorCookie('pool-ops@example.test');
    const imported = await t.request({
      method: 'PUT',
      url: '/api/v1/admin/threat-lists/pool-feed',
      payload: 'type,value\nip,198.51.100.66\n',
      headers: { 'content-type': 'text/csv', cookie: operator },
    });
    expect(imported.statusCode, imported.body).toBe(200);
    const { user, orgId } = await t.userWithOrg();
    const sensor = await registerSensor(t, user, orgId);
    const c2 = JSON.stringify({
      '@timestamp': now(),
      event: { category: 'network', action: 'accept' },
      source: { ip: '192.168.1.20' },
      destination: { ip: '198.51.100.66', port: 443 },
    });
    // Several requests at once: both threads take work.
    const bodies = [
      [c2, '{"broken":'],
      ...Array.from({ length: 6 }, (_, k) => lines(10).map((l) => l.replace('logon-', `logon-${k}-`))),
    ];
    const answers = await Promise.all(
      bodies.map((b) =>
        t.request({
          method: 'POST',
          url: '/api/v1/ingest',
          payload: b.join('\n'),
          headers: { authorization: `Bearer ${sensor.token}`, 'content-type': 'application/x-ndjson' },
        }),
      ),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(bodies.map(() => 202));
    expect(answers[0]?.json()).toEqual({ accepted: 1, rejected: [{ line: 2, reason: 'invalid_json' }] });
    await monitoringRuntime(t.app.mamori)?.worker.drain();
    const alerts = (await t.request({ method: 'GET', url: `/api/v1/orgs/${orgId}/alerts`, as: user })).json()
      .items as Array<{ rule: string; count: number }>;
    expect(alerts.map((a) => a.rule).sort()).toEqual(['brute-force-login', 'c2-known-bad-destination']);
    // 60 failures from one address at threshold 10: hits 10..60 in one alert.
    expect(alerts.find((a) => a.rule === 'brute-force-login')?.count).toBe(51);
  });

  it('replaces a thread that dies; its jobs fail, the next ones are served', async () => {
    const threats = new ThreatIndex();
    const pool = new PreparePool(1, threats);
    const inline = new EventPreparer(new Detector(rules), threats);
    try {
      const sensor = { id: 's-1', orgId: 'o-1', name: 'EDR', kind: 'edr' as const };
      const at = new Date('2026-12-01T00:00:00Z');
      const five = lines(5);
      const first = await pool.prepare(sensor, five.join('\n'), 'https', at, undefined);
      const same = inline.prepare(sensor, five, 'https', at).batch;
      expect(first.batch.hashes).toEqual(same.hashes);
      expect(first.batch.matches).toEqual(same.matches);
      expect(Buffer.from(first.batch.copy).equals(Buffer.from(same.copy))).toBe(true);
      const thread = (pool as unknown as { threads: Array<{ worker: { terminate(): Promise<number> } }> })
        .threads[0];
      // Stopped before the job is posted: a live thread might answer it first and the test
      // would race the thread's speed; a thread stopping takes every job it holds with it.
      const dying = thread?.worker.terminate();
      const lost = pool.prepare(sensor, lines(5).join('\n'), 'https', at, undefined);
      await dying;
      await expect(lost).rejects.toThrow(/exited/);
      const again = await pool.prepare(sensor, lines(3), 'https', at, undefined);
      expect(again.stats.accepted).toBe(3);
    } finally {
      await pool.close();
    }
  });
});
