import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../kernel/testing/test-app.ts';
import { EventCommitter } from './monitoring.committer.ts';
import { Detector } from './monitoring.detect.ts';
import { decode, encode, JetStreamPipeline } from './monitoring.nats.ts';
import { rules } from './monitoring.pipeline.ts';
import { EventPreparer } from './monitoring.prepare.ts';
import { monitoringRuntime } from './monitoring.routes.ts';
import { ThreatIndex } from './monitoring.threats.ts';

const preparer = new EventPreparer(new Detector(rules), new ThreatIndex());

// CI and this machine run a local NATS server with JetStream (see docs/monitoring.md).
const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const streamName = () => `MAMORI_TEST_${randomBytes(6).toString('hex').toUpperCase()}`;

let t: TestApp;
const stream = streamName();
beforeAll(async () => {
  t = await createTestApp({ config: { natsUrl: NATS_URL, natsStream: stream } });
});
afterAll(async () => {
  await monitoringRuntime(t.app.mamori)?.nats?.destroy();
  await t.close();
});

async function sensorOf() {
  const { user, orgId } = await t.userWithOrg();
  const res = await t.request({
    method: 'POST',
    url: `/api/v1/orgs/${orgId}/sensors`,
    payload: { name: 'EDR', kind: 'edr' },
    as: user,
  });
  const s = res.json() as { id: string; token: string };
  return { user, orgId, sensor: { id: s.id, token: s.token, orgId, name: 'EDR', kind: 'edr' as const } };
}

const failedLogin = (i: number) =>
  JSON.stringify({
    '@timestamp': new Date(Date.now() + i).toISOString(),
    event: { category: 'authentication', outcome: 'failure', action: `logon-${i}` },
    source: { ip: '203.0.113.77' },
    user: { name: 'admin' },
  });

async function countOf(orgId: string) {
  const r = (await t.database.db.execute(
    sql`select (select count(*)::int from monitoring_event where org_id = ${orgId}) as events,
               (select count(*)::int from monitoring_alert where org_id = ${orgId}) as alerts,
               (select coalesce(sum(count), 0)::int from monitoring_alert where org_id = ${orgId}) as hits`,
  )) as unknown as { rows: Array<{ events: number; alerts: number; hits: number }> };
  return r.rows[0];
}

describe('JetStream scale-out', () => {
  it('ingest publishes to the stream; the worker commits and detects; 202 only after the stream stored it', async () => {
    const { orgId, sensor } = await sensorOf();
    const lines = Array.from({ length: 30 }, (_, i) => failedLogin(i));
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/ingest',
      payload: lines.join('\n'),
      headers: { authorization: `Bearer ${sensor.token}`, 'content-type': 'application/x-ndjson' },
    });
    expect(res.statusCode, res.body).toBe(202);
    const rt = monitoringRuntime(t.app.mamori);
    expect(rt?.nats?.published).toBeGreaterThan(0);
    await rt?.worker.drain();
    // 30 failures from one address, threshold 10: one alert carrying hits 10..30.
    expect(await countOf(orgId)).toEqual({ events: 30, alerts: 1, hits: 21 });
  });

  it('several workers share the load; a worker killed after committing, before acking, duplicates nothing', async () => {
    const { orgId, sensor } = await sensorOf();
    const name = streamName();
    const db = t.database.db;
    const publisher = new JetStreamPipeline({
      url: NATS_URL,
      stream: name,
      committer: null,
      ackWaitMs: 1000,
    });
    await publisher.start();
    const real = new EventCommitter(db);
    // Worker A commits its first batch, then "dies" before it can ack anything.
    let aCommitted = 0;
    const dying = {
      submit: async (b: Parameters<EventCommitter['submit']>[0]) => {
        await real.submit(b);
        aCommitted++;
        return new Promise<number>(() => undefined);
      },
    };
    const a = new JetStreamPipeline({ url: NATS_URL, stream: name, committer: dying, ackWaitMs: 1000 });
    await a.start();
    try {
      const batches = Array.from(
        { length: 20 },
        (_, k) =>
          preparer.prepare(
            sensor,
            Array.from({ length: 5 }, (_, i) => failedLogin(k * 5 + i)),
            'https',
          ).batch,
      );
      for (const b of batches) await publisher.submit(b);
      const until = Date.now() + 10_000;
      while (aCommitted === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
      expect(aCommitted).toBeGreaterThan(0);
      await a.kill();
      // What A had already taken keeps committing in its committer; let it finish (a real
      // killed process would simply stop, which the idempotent insert covers either way).
      await real.drain();

      // Two healthy workers take over what A held (redelivered after ack_wait) and the rest.
      const c1 = new EventCommitter(db);
      const c2 = new EventCommitter(db);
      const w1 = new JetStreamPipeline({ url: NATS_URL, stream: name, committer: c1 });
      const w2 = new JetStreamPipeline({ url: NATS_URL, stream: name, committer: c2 });
      await Promise.all([w1.start(), w2.start()]);
      await w1.drain(20_000);
      await Promise.all([c1.drain(), c2.drain()]);
      const counts = await countOf(orgId);
      // Counting is shared by all workers (windows in the database): 100 failures from one
      // address at threshold 10 make exactly one alert with hits 10..100.
      expect(counts).toEqual({ events: 100, alerts: 1, hits: 91 });
      expect(c1.committed + c2.committed).toBeGreaterThan(0);
      await Promise.all([w1.stop(), w2.stop()]);
    } finally {
      await publisher.destroy();
      await publisher.stop();
    }
  });
});

describe('group commit', () => {
  it('two groups committing at once count windows and alerts exactly, without deadlock', async () => {
    const { orgId, sensor } = await sensorOf();
    const committer = new EventCommitter(t.database.db, {
      maxQueuedEvents: 100_000,
      groupEvents: 10,
      parallel: 2,
    });
    const batches = Array.from(
      { length: 12 },
      (_, k) =>
        preparer.prepare(
          sensor,
          Array.from({ length: 10 }, (_, i) => failedLogin(1000 + k * 10 + i)),
          'https',
        ).batch,
    );
    await Promise.all(batches.map((b) => committer.submit(b)));
    await committer.drain();
    // 120 failures from one address at threshold 10: one alert, hits 10..120.
    expect(await countOf(orgId)).toEqual({ events: 120, alerts: 1, hits: 111 });
  });
});

describe('the stream message', () => {
  it('splits a big batch at row boundaries under the size limit and puts it back together exactly', () => {
    const sensor = { id: 's-1', orgId: 'o-1', name: 'EDR', kind: 'edr' as const };
    const lines = Array.from(
      { length: 3000 },
      (_, i) => `${failedLogin(i).slice(0, -1)},"pad":"${'x'.repeat(400)}\\t"}`,
    );
    const { batch } = preparer.prepare(sensor, lines, 'https');
    batch.failures.push({ reason: 'invalid_json', sample: '{' });
    const messages = encode(batch);
    expect(messages.length).toBeGreaterThan(1);
    expect(batch.matches.length).toBe(3000);
    for (const m of messages) expect(m.byteLength).toBeLessThan(1024 * 1024);
    const back = messages.map(decode);
    expect(Buffer.concat(back.map((b) => b.copy)).equals(Buffer.from(batch.copy))).toBe(true);
    expect(back.flatMap((b) => b.hashes)).toEqual(batch.hashes);
    expect(back.flatMap((b) => b.matches)).toEqual(batch.matches);
    expect(back.flatMap((b) => b.failures)).toEqual(batch.failures);
    expect(back[0]?.receivedAt).toEqual(batch.receivedAt);
    // Each message's rows, hashes and matches belong together.
    for (const b of back) {
      expect(Buffer.from(b.copy).toString('utf8').split('\n').filter(Boolean).length).toBe(b.hashes.length);
      for (const m of b.matches) expect(b.hashes).toContain(m.eventHash);
    }
    expect(() => decode(Buffer.from('not a batch'))).toThrow();
  });
});
