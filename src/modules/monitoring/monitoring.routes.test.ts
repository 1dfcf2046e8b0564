import dgram from 'node:dgram';
import net from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createTestApp,
  expectForeignOrg404,
  type TestApp,
  type TestUser,
} from '../../kernel/testing/test-app.ts';
import { monitoringModule } from './module.ts';
import { checkSilentSensors } from './monitoring.pipeline.ts';
import { sensorHealth } from './monitoring.repo.ts';
import { monitoringRuntime } from './monitoring.routes.ts';
import { SyslogReceiver } from './monitoring.syslog.ts';
import { registerSensor } from './monitoring.testing.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const runtime = () => {
  const rt = monitoringRuntime(t.app.mamori);
  if (!rt) throw new Error('no monitoring runtime');
  return rt;
};
const worker = () => runtime().worker;

const sensorFor = (user: TestUser, orgId: string, body?: object) => registerSensor(t, user, orgId, body);

const ingest = (token: string, lines: string[]) =>
  t.request({
    method: 'POST',
    url: '/api/v1/ingest',
    payload: lines.join('\n'),
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson' },
  });

const now = () => new Date().toISOString();
const failedLogin = (ip: string, i: number) =>
  JSON.stringify({
    '@timestamp': now(),
    event: { category: 'authentication', outcome: 'failure', action: `logon-${i}` },
    source: { ip },
    user: { name: 'admin' },
  });
const malware = (host: string) =>
  JSON.stringify({
    '@timestamp': now(),
    event: { kind: 'alert', category: 'malware', action: 'detected', outcome: 'success' },
    host: { name: host },
    file: { name: 'invoice.exe' },
  });

describe('ingestion', () => {
  it('accepts good lines, rejects a bad one alone, and stores a re-sent line once', async () => {
    const { user, orgId } = await t.userWithOrg();
    const s = await sensorFor(user, orgId);
    const lines = [
      malware('pc-01'),
      '{"broken": ',
      JSON.stringify({ '@timestamp': now(), message: 'hello' }),
    ];
    const res = await ingest(s.token, lines);
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ accepted: 2, rejected: [{ line: 2, reason: 'invalid_json' }] });
    await worker().drain();
    await ingest(s.token, [lines[0] as string]);
    await worker().drain();
    const alerts = (await t.request({ method: 'GET', url: `/api/v1/orgs/${orgId}/alerts`, as: user })).json();
    expect(alerts.items.filter((a: { rule: string }) => a.rule === 'malware-detected')).toHaveLength(1);
    expect(alerts.items[0].count).toBe(1);
    expect(alerts.items[0].what).toContain('。');
    expect(alerts.items[0].actions.length).toBeGreaterThanOrEqual(2);

    // The sensor's health: its rate counts what was stored (the re-sent line once), and the
    // refused line is there with its reason and a sample, for whoever set the sensor up.
    const listed = (await t.request({ method: 'GET', url: `/api/v1/orgs/${orgId}/sensors`, as: user })).json()
      .items[0];
    expect(listed.traffic).toMatchObject({ last24h: 2, failedLast24h: 1 });
    expect(listed.traffic.hours).toHaveLength(24);
    // One hour holds it all (the current one, unless the clock just turned the hour).
    const busy = listed.traffic.hours.filter((h: { events: number }) => h.events > 0);
    expect(busy).toEqual([{ hour: expect.any(String), events: 2, failures: 1 }]);
    expect(listed.traffic.thisHour).toBe(listed.traffic.hours[23].events);
    expect(listed.parseFailures).toEqual([
      { reason: 'invalid_json', count: 1, sample: '{"broken": ', lastAt: expect.any(String) },
    ]);
  });

  it('drops events and hourly counts past the retention days, keeps younger ones', async () => {
    const { user, orgId } = await t.userWithOrg();
    const s = await sensorFor(user, orgId);
    expect((await ingest(s.token, [malware('pc-ret'), malware('pc-ret2')])).statusCode).toBe(202);
    await worker().drain();
    const retention = monitoringModule.jobs?.find((j) => j.name === 'monitoring.retention');
    const days = t.app.mamori.config.monitoringRetentionDays;
    const stored = async () => {
      const all = { from: '2000-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z' };
      const summary = await t.request({
        method: 'GET',
        url: `/api/v1/orgs/${orgId}/monitoring/summary?from=${all.from}&to=${all.to}`,
        as: user,
      });
      const hours = await sensorHealth(t.app.mamori.db, [s.id], new Date(all.from));
      return { events: summary.json().events.total, hours: hours.hours.length };
    };
    await retention?.run(t.app.mamori, new Date(Date.now() + (days - 1) * 86_400_000));
    expect(await stored()).toEqual({ events: 2, hours: 1 });
    await retention?.run(t.app.mamori, new Date(Date.now() + (days + 1) * 86_400_000));
    expect(await stored()).toEqual({ events: 0, hours: 0 });
  });

  it('stores each line exactly as sent, and refuses alone what the database cannot hold', async () => {
    const { user, orgId } = await t.userWithOrg();
    const s = await sensorFor(user, orgId);
    const odd = JSON.stringify({ '@timestamp': now(), message: 'tab\there back\\slash cr\rend ¥円' });
    const res = await ingest(s.token, [
      odd,
      '{"message":"nul \\u0000 inside"}',
      '{"message":"half a pair \\ud800"}',
      '<13>Nov 21 10:00:00 rtx01 plain\ttabbed line',
    ]);
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toEqual({
      accepted: 2,
      rejected: [
        { line: 2, reason: 'nul_character' },
        { line: 3, reason: 'broken_unicode' },
      ],
    });
    await worker().drain();
    const stored = (await t.database.db.execute(
      sql`select raw, fields->>'message' as message from monitoring_event where org_id = ${orgId} order by raw`,
    )) as unknown as { rows: Array<{ raw: string; message: string }> };
    expect(stored.rows.map((r) => r.raw).sort()).toEqual(
      [odd, '<13>Nov 21 10:00:00 rtx01 plain\ttabbed line'].sort(),
    );
    expect(stored.rows.map((r) => r.message)).toContain('tab\there back\\slash cr\rend ¥円');
  });

  it('answers 401 to an unknown or revoked token, 413 to an oversized body', async () => {
    const { user, orgId } = await t.userWithOrg();
    const s = await sensorFor(user, orgId);
    expect((await ingest('mms_wrong', [malware('x')])).statusCode).toBe(401);
    await t.request({ method: 'POST', url: `/api/v1/orgs/${orgId}/sensors/${s.id}/revoke`, as: user });
    const revoked = await ingest(s.token, [malware('x')]);
    expect(revoked.statusCode).toBe(401);
    expect(revoked.json().error.code).toBe('invalid_token');
    const s2 = await sensorFor(user, orgId);
    const big = await ingest(s2.token, ['x'.repeat(6 * 1024 * 1024)]);
    expect(big.statusCode).toBe(413);
  });
});

describe('detection', () => {
  it('deduplicates by tenant + rule + group values and counts suppressed hits exactly', async () => {
    const { user, orgId } = await t.userWithOrg();
    const s = await sensorFor(user, orgId);
    // 15 failures from one address (threshold 10 in 5 minutes) and 3 from another.
    const lines = [
      ...Array.from({ length: 15 }, (_, i) => failedLogin('203.0.113.7', i)),
      ...Array.from({ length: 3 }, (_, i) => failedLogin('198.51.100.2', i)),
    ];
    expect((await ingest(s.token, lines)).json().accepted).toBe(18);
    await worker().drain();
    const alerts = (await t.request({ method: 'GET', url: `/api/v1/orgs/${orgId}/alerts`, as: user })).json()
      .items;
    const brute = alerts.filter((a: { rule: string }) => a.rule === 'brute-force-login');
    expect(brute).toHaveLength(1);
    expect(brute[0].group).toMatchObject({ 'source.ip': '203.0.113.7' });
    expect(brute[0].count).toBe(15 - 10 + 1);

    const summary = (
      await t.request({ method: 'GET', url: `/api/v1/orgs/${orgId}/monitoring/summary`, as: user })
    ).json();
    expect(summary.events).toEqual({ total: 18, byKind: { utm: 18 } });
    expect(summary.alerts.open).toBeGreaterThanOrEqual(1);
    expect(summary.incidents.open).toBeGreaterThanOrEqual(1);
    expect(summary.sensors[0]).toMatchObject({ name: 'UTM 本社', status: 'ok' });
  });

  it('keeps tenants apart: the same events in another org make their own alerts', async () => {
    const a = await t.userWithOrg();
    const b = await t.userWithOrg();
    const sa = await sensorFor(a.user, a.orgId);
    const sb = await sensorFor(b.user, b.orgId);
    await ingest(sa.token, [malware('pc-09')]);
    await ingest(sb.token, [malware('pc-09')]);
    await worker().drain();
    for (const x of [a, b]) {
      const items = (
        await t.request({ method: 'GET', url: `/api/v1/orgs/${x.orgId}/alerts`, as: x.user })
      ).json().items;
      expect(items).toHaveLength(1);
    }
  });

  it('lets a tenant switch a rule off for one host', async () => {
    const { user, orgId } = await t.userWithOrg();
    const s = await sensorFor(user, orgId);
    const res = await t.request({
      method: 'POST',
      url: `/api/v1/orgs/${orgId}/monitoring/overrides`,
      payload: { ruleId: 'malware-detected', host: 'lab-pc' },
      as: user,
    });
    expect(res.statusCode).toBe(204);
    await ingest(s.token, [malware('lab-pc'), malware('pc-02')]);
    await worker().drain();
    const items = (await t.request({ method: 'GET', url: `/api/v1/orgs/${orgId}/alerts`, as: user })).json()
      .items;
    expect(items.map((a: { group: Record<string, string> }) => a.group['host.name'])).toEqual(['pc-02']);
    const bad = await t.request({
      method: 'POST',
      url: `/api/v1/orgs/${orgId}/monitoring/overrides`,
      payload: { ruleId: 'nope' },
      as: user,
    });
    expect(bad.statusCode).toBe(400);
  });

  it('raises sensor-silent for a sensor quiet beyond its interval, once', async () => {
    const { user, orgId } = await t.userWithOrg();
    await sensorFor(user, orgId, { name: 'EDR 経理PC', kind: 'edr', expectedIntervalMinutes: 5 });
    const later = new Date(Date.now() + 10 * 60_000);
    expect(await checkSilentSensors(t.app.mamori, later)).toBeGreaterThanOrEqual(1);
    await checkSilentSensors(t.app.mamori, new Date(later.getTime() + 60_000));
    const items = (await t.request({ method: 'GET', url: `/api/v1/orgs/${orgId}/alerts`, as: user })).json()
      .items;
    expect(items.filter((a: { rule: string }) => a.rule === 'sensor-silent')).toHaveLength(1);
  });
});

describe('syslog', () => {
  it('receives UDP and octet-counted / newline TCP, matching the sender to its sensor', async () => {
    const { user, orgId } = await t.userWithOrg();
    await sensorFor(user, orgId, {
      name: 'RTX1300',
      kind: 'utm',
      vendor: 'Yamaha',
      sourceAddress: '127.0.0.1',
    });
    const rx = new SyslogReceiver(t.database.db, runtime().sink, runtime().preparer);
    const { udpPort, tcpPort } = await rx.start('127.0.0.1', 0);
    try {
      const udp = dgram.createSocket('udp4');
      await new Promise<void>((r) =>
        udp.send(
          '[INSPECT] LAN2[in][101080] TCP 203.0.113.5:51515 > 198.51.100.2:3389',
          udpPort,
          '127.0.0.1',
          () => r(),
        ),
      );
      udp.close();
      const frame = '<134>1 2026-11-21T10:00:00+09:00 rtx - - - - [IP] Rejected at IN(1) filter';
      await new Promise<void>((resolve) => {
        const sock = net.connect(tcpPort, '127.0.0.1', () => {
          sock.end(`${Buffer.byteLength(frame)} ${frame}<134>Nov 21 10:00:01 rtx newline framed\n`);
        });
        sock.on('close', () => resolve());
      });
      await vi.waitFor(
        () => expect(rx.counters.udpReceived + rx.counters.tcpReceived).toBeGreaterThanOrEqual(2),
        {
          timeout: 10_000,
        },
      );
      await rx.flush();
      const summary = (
        await t.request({ method: 'GET', url: `/api/v1/orgs/${orgId}/monitoring/summary`, as: user })
      ).json();
      expect(summary.events.total).toBe(3);
    } finally {
      await rx.stop();
    }
  });
});

describe('tenancy and validation', () => {
  it.each([
    ['sensors', (id: string) => ({ method: 'GET' as const, url: `/api/v1/orgs/${id}/sensors` })],
    [
      'create sensor',
      (id: string) => ({
        method: 'POST' as const,
        url: `/api/v1/orgs/${id}/sensors`,
        payload: { name: 'x', kind: 'utm' },
      }),
    ],
    ['summary', (id: string) => ({ method: 'GET' as const, url: `/api/v1/orgs/${id}/monitoring/summary` })],
    ['alerts', (id: string) => ({ method: 'GET' as const, url: `/api/v1/orgs/${id}/alerts` })],
  ])('%s: another organisation gets 404', async (_n, route) => {
    await expectForeignOrg404(t, route);
  });

  it('answers 400 to a bad sensor', async () => {
    const { user, orgId } = await t.userWithOrg();
    const res = await t.request({
      method: 'POST',
      url: `/api/v1/orgs/${orgId}/sensors`,
      payload: { name: 'x', kind: 'router', sourceAddress: '999.1.1.1' },
      as: user,
    });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields).sort()).toEqual(['kind', 'sourceAddress']);
  });

  it('lets the provider serving the SME register its sensors and read its alerts; no other provider', async () => {
    const { sme, provider } = await t.servedSme();
    const sensor = await sensorFor(provider.user, sme.orgId, { name: 'EDR 事務所', kind: 'edr' });
    expect((await ingest(sensor.token, [malware('pc-01')])).statusCode).toBe(202);
    await worker().drain();
    const alerts = await t.request({
      method: 'GET',
      url: `/api/v1/orgs/${sme.orgId}/alerts`,
      as: provider.user,
    });
    expect(alerts.statusCode).toBe(200);
    expect(alerts.json().total).toBe(1);

    const stranger = await t.userWithOrg('provider');
    for (const url of [`/api/v1/orgs/${sme.orgId}/alerts`, `/api/v1/orgs/${sme.orgId}/monitoring/summary`]) {
      expect((await t.request({ method: 'GET', url, as: stranger.user })).statusCode).toBe(404);
    }
    const refused = await t.request({
      method: 'POST',
      url: `/api/v1/orgs/${sme.orgId}/sensors`,
      payload: { name: 'x', kind: 'utm' },
      as: stranger.user,
    });
    expect(refused.statusCode).toBe(404);

    await t.request({
      method: 'DELETE',
      url: `/api/v1/orgs/${sme.orgId}/providers/${provider.orgId}`,
      as: sme.user,
    });
    const after = await t.request({
      method: 'GET',
      url: `/api/v1/orgs/${sme.orgId}/alerts`,
      as: provider.user,
    });
    expect(after.statusCode).toBe(404);
  });
});
