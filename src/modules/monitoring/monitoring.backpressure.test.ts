import dgram from 'node:dgram';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../../kernel/testing/test-app.ts';
import { EventCommitter } from './monitoring.committer.ts';
import { monitoringRuntime } from './monitoring.routes.ts';
import { SyslogReceiver } from './monitoring.syslog.ts';
import { registerSensor } from './monitoring.testing.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ config: { monitoringQueueEvents: 20 } });
});
afterAll(() => t.close());

const rt = () => {
  const r = monitoringRuntime(t.app.mamori);
  if (!r) throw new Error('no runtime');
  return r;
};

/** Holds every commit until released: the database "falls behind". */
function stallCommits() {
  let release: () => void = () => undefined;
  const gate = new Promise<void>((r) => {
    release = r;
  });
  const c = rt().committer as unknown as { commit: (b: unknown) => Promise<number[]> };
  const original = EventCommitter.prototype as unknown as { commit: (b: unknown) => Promise<number[]> };
  c.commit = async function (this: EventCommitter, b: unknown) {
    await gate;
    return original.commit.call(this, b);
  };
  return () => {
    release();
  };
}

const line = (i: number) =>
  JSON.stringify({ '@timestamp': new Date().toISOString(), event: { category: 'network' }, seq: i });

describe('backpressure', () => {
  it('answers 429 with Retry-After while the store is behind, keeps every accepted event, drops none silently', async () => {
    const { user, orgId } = await t.userWithOrg();
    const sensor = await registerSensor(t, user, orgId, {
      name: 'UTM',
      kind: 'utm',
      sourceAddress: '127.0.0.1',
    });
    const release = stallCommits();
    const send = (i: number) =>
      t.request({
        method: 'POST',
        url: '/api/v1/ingest',
        payload: Array.from({ length: 15 }, (_, k) => line(i * 100 + k)).join('\n'),
        headers: { authorization: `Bearer ${sensor.token}`, 'content-type': 'application/x-ndjson' },
      });
    // The first two requests fill the queue (15 + 15 ≥ 20) and wait for their commit.
    const first = [send(1), send(2)];
    const depth = async () => (await t.request({ method: 'GET', url: '/metrics' })).body;
    await vi.waitFor(async () => expect(await depth()).toMatch(/mamori_monitoring_queue_depth 30/), {
      timeout: 10_000,
    });
    const refused = await send(3);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBe('2');
    expect(refused.json().error.message).toContain('秒ほど待ってから');
    const metrics = await t.request({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toMatch(/mamori_monitoring_queue_depth 30/);

    // Syslog meanwhile: UDP overflow is dropped and counted; TCP is held, not dropped.
    const rx = new SyslogReceiver(t.database.db, rt().sink, rt().preparer);
    const { udpPort, tcpPort } = await rx.start('127.0.0.1', 0);
    rt().syslog = rx;
    const udp = dgram.createSocket('udp4');
    await new Promise<void>((r) => udp.send('fw udp line', udpPort, '127.0.0.1', () => r()));
    udp.close();
    const tcp = net.connect(tcpPort, '127.0.0.1');
    await new Promise<void>((r) => tcp.once('connect', () => r()));
    tcp.end(`${Array.from({ length: 40 }, (_, i) => `fw tcp line ${i}`).join('\n')}\n`);
    await vi.waitFor(() => expect(rx.counters.udpDropped).toBe(1), { timeout: 10_000 });
    const dropped = await t.request({ method: 'GET', url: '/metrics' });
    expect(dropped.body).toMatch(/mamori_monitoring_syslog_udp_dropped 1/);

    release();
    for (const r of await Promise.all(first)) expect(r.statusCode).toBe(202);
    await rx.stop();
    rt().syslog = null;
    await rt().worker.drain();
    const summary = await t.request({
      method: 'GET',
      url: `/api/v1/orgs/${orgId}/monitoring/summary`,
      as: user,
    });
    // 30 accepted over HTTPS + all 40 TCP lines; the refused request and the dropped datagram are not stored.
    expect(summary.json().events.total).toBe(70);
  });
});
