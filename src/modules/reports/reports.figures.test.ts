import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../../kernel/testing/test-app.ts';
import { type IncidentStatus, monthlyFigures, moveIncident } from '../monitoring/index.ts';
import { monthBounds } from './reports.month.ts';
import { generateOnDemand, runMonthlyReports } from './reports.service.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function sensorFor(user: TestUser, orgId: string, name: string, kind: string) {
  const res = await t.request({
    method: 'POST',
    url: `/api/v1/orgs/${orgId}/sensors`,
    payload: { name, kind },
    as: user,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; token: string };
}

async function ingest(token: string, events: object[]) {
  const res = await t.request({
    method: 'POST',
    url: '/api/v1/ingest',
    payload: events.map((e) => JSON.stringify(e)).join('\n'),
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson' },
  });
  expect(res.statusCode, res.body).toBe(202);
  expect(res.json().accepted).toBe(events.length);
}

/** Waits until the detection worker has taken every accepted event of the org. */
async function settled(orgId: string) {
  const all = { from: new Date('2000-01-01T00:00:00Z'), to: new Date('2100-01-01T00:00:00Z') };
  for (let i = 0; i < 200; i++) {
    const f = await monthlyFigures(t.app.mamori, orgId, all.from, all.to);
    if (f.events.pending === 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('detection did not catch up');
}

const net = (ts: string, action: string) => ({
  '@timestamp': ts,
  event: { category: 'network', action },
  source: { ip: '198.51.100.7' },
  destination: { ip: '192.168.1.10', port: 445 },
});

/** A known September (JST) for one SME: a UTM and an EDR, with events on both sides of each boundary. */
async function september(user: TestUser, orgId: string) {
  const utm = await sensorFor(user, orgId, 'UTM 本社', 'utm');
  const edr = await sensorFor(user, orgId, 'EDR 事務所', 'edr');
  const failures = Array.from({ length: 12 }, (_, i) => ({
    '@timestamp': new Date(Date.parse('2026-09-10T10:00:00+09:00') + i * 20_000).toISOString(),
    event: { category: 'authentication', outcome: 'failure', action: 'logon' },
    source: { ip: '203.0.113.5' },
    user: { name: 'taro' },
  }));
  await ingest(utm.token, [
    net('2026-08-31T23:59:59+09:00', 'allow'),
    net('2026-09-01T00:00:00+09:00', 'deny'),
    ...failures,
    {
      '@timestamp': '2026-09-20T14:00:00+09:00',
      event: { category: 'web', action: 'blocked' },
      url: { domain: 'bad.example' },
    },
    net('2026-09-05T08:00:00+09:00', 'allow'),
    net('2026-09-05T08:30:00+09:00', 'allow'),
    net('2026-09-25T12:00:00+09:00', 'allow'),
    net('2026-09-30T23:30:00+09:00', 'deny'),
    net('2026-10-01T00:10:00+09:00', 'deny'),
  ]);
  await ingest(edr.token, [
    {
      '@timestamp': '2026-09-15T09:00:00+09:00',
      event: { kind: 'alert', category: 'malware', action: 'quarantined' },
      host: { name: 'pc-07' },
      file: { name: 'invoice.exe' },
    },
  ]);
  await settled(orgId);
  return { utm, edr };
}

describe('monthly figures', () => {
  it('counts a known September exactly, with JST month boundaries', async () => {
    const { user, orgId } = await t.userWithOrg();
    const { utm, edr } = await september(user, orgId);
    const sep = monthBounds('2026-09');
    const f = await monthlyFigures(t.app.mamori, orgId, sep.from, sep.to);

    expect(f.events.total).toBe(19);
    expect(f.blocked.total).toBe(4);
    expect(f.events.authFailures).toBe(12);
    expect(f.events.pending).toBe(0);
    expect(f.events.byCategory).toEqual([
      { category: 'authentication', count: 12, blocked: 0 },
      { category: 'network', count: 5, blocked: 2 },
      { category: 'malware', count: 1, blocked: 1 },
      { category: 'web', count: 1, blocked: 1 },
    ]);
    expect(Object.fromEntries(f.events.bySensorKind.map((k) => [k.kind, k.count]))).toEqual({
      utm: 18,
      edr: 1,
    });
    expect(f.events.byDay).toEqual([
      { day: '2026-09-01', total: 1, blocked: 1 },
      { day: '2026-09-05', total: 2, blocked: 0 },
      { day: '2026-09-10', total: 12, blocked: 0 },
      { day: '2026-09-15', total: 1, blocked: 1 },
      { day: '2026-09-20', total: 1, blocked: 1 },
      { day: '2026-09-25', total: 1, blocked: 0 },
      { day: '2026-09-30', total: 1, blocked: 1 },
    ]);
    // 10 failures in 5 minutes raise the alert; the 11th and 12th are merged into it.
    expect(f.detected.byRule).toEqual([
      { ruleId: 'brute-force-login', alerts: 1, hits: 3, severity: 3 },
      { ruleId: 'malware-blocked', alerts: 1, hits: 1, severity: 2 },
    ]);
    expect(f.detected).toMatchObject({ alerts: 2, hits: 4 });
    expect(f.detected.bySeverity).toEqual([
      { severity: 3, alerts: 1 },
      { severity: 2, alerts: 1 },
    ]);
    expect(f.incidents.opened).toBe(2);
    expect(f.incidents.items.map((i) => [i.entity, i.ruleIds])).toEqual([
      ['ip:203.0.113.5', ['brute-force-login']],
      ['host:pc-07', ['malware-blocked']],
    ]);

    // The malware incident is handled; the report shows how it ended.
    const malwareIncident = f.incidents.items[1]?.id as string;
    await moveIncident(t.app.mamori, {
      orgId,
      incidentId: malwareIncident,
      to: 'resolved',
      actorUserId: user.id,
    });
    const after = await monthlyFigures(t.app.mamori, orgId, sep.from, sep.to);
    const byStatus = Object.fromEntries(after.incidents.byStatus.map((s) => [s.status, s.count]));
    expect(byStatus).toEqual({ new: 1, resolved: 1 } satisfies Partial<Record<IncidentStatus, number>>);

    // Uptime counts from the first record (both sensors were registered after September):
    // the UTM from 1 Sep 00:00 JST, 720 hours, 6 of them with events; the EDR from 15 Sep 09:00 JST.
    expect(f.sensors.map((s) => [s.id, s.events, s.hours, s.hoursWithEvents])).toEqual([
      [utm.id, 18, 720, 6],
      [edr.id, 1, 375, 1],
    ]);
    expect(f.sensors[0]?.uptime).toBeCloseTo(6 / 720, 10);

    const oct = monthBounds('2026-10');
    const of = await monthlyFigures(t.app.mamori, orgId, oct.from, oct.to);
    expect([of.events.total, of.blocked.total, of.detected.alerts, of.incidents.opened]).toEqual([
      1, 1, 0, 0,
    ]);
    const aug = monthBounds('2026-08');
    const af = await monthlyFigures(t.app.mamori, orgId, aug.from, aug.to);
    expect([af.events.total, af.blocked.total]).toEqual([1, 0]);
  });

  it('never counts another organisation’s events', async () => {
    const a = await t.userWithOrg();
    const b = await t.userWithOrg();
    const s = await sensorFor(a.user, a.orgId, 'UTM', 'utm');
    await ingest(s.token, [net('2026-07-10T10:00:00+09:00', 'deny')]);
    await settled(a.orgId);
    const jul = monthBounds('2026-07');
    expect((await monthlyFigures(t.app.mamori, a.orgId, jul.from, jul.to)).events.total).toBe(1);
    const fb = await monthlyFigures(t.app.mamori, b.orgId, jul.from, jul.to);
    expect([fb.events.total, fb.sensors.length]).toEqual([0, 0]);
  });
});

describe('the monthly job', () => {
  it('on 1 October makes September’s report once per SME and mails each owner once, in their language', async () => {
    const ja = await t.userWithOrg();
    await september(ja.user, ja.orgId);
    // Mid-September the owner looked at the month so far; the job replaces that with the whole month.
    const interim = await generateOnDemand(
      t.app.mamori,
      ja.orgId,
      '2026-09',
      ja.user.id,
      new Date('2026-09-12T12:00:00+09:00'),
    );
    expect([interim.final, interim.figures.events.total]).toEqual([false, 15]);
    const enUser = await t.signUp({ locale: 'en' });
    const enOrg = await t.request({
      method: 'POST',
      url: '/api/v1/orgs',
      as: enUser,
      payload: { name: 'Sakura Works', kind: 'sme', prefecture: '27', industry: 'E', employees: '6-20' },
    });
    expect(enOrg.statusCode, enOrg.body).toBe(201);
    const enSensor = await sensorFor(enUser, enOrg.json().id, 'UTM', 'utm');
    await ingest(enSensor.token, [net('2026-09-12T10:00:00+09:00', 'deny')]);
    await settled(enOrg.json().id);
    // An SME whose sensor came later than September gets no September report.
    const late = await t.userWithOrg();
    await sensorFor(late.user, late.orgId, 'UTM', 'utm');

    const firstOfOctober = new Date('2026-10-01T00:30:00+09:00');
    const sentBefore = t.mailer.sent.length;
    const run = await runMonthlyReports(t.app.mamori, firstOfOctober);
    expect(run.month).toBe('2026-09');
    expect(run.waiting).toBe(0);
    // The first test's SME also had September events: three SMEs, one owner each.
    expect(run.generated).toBe(3);
    expect(run.mailed).toBe(3);

    const jaMail = t.mailer.lastTo(ja.user.email);
    expect(jaMail.subject).toContain('2026年9月のセキュリティ月次レポート');
    expect(jaMail.text).toContain('19 件の記録が届き、そのうち 4 件の不審な通信やウイルスなどを止めました');
    expect(jaMail.text).toContain('パスワードを強くし、二段階の確認（二要素認証）を使いましょう');
    expect(jaMail.text).toContain(`/orgs/${ja.orgId}/reports/2026-09`);
    const enMail = t.mailer.lastTo(enUser.email);
    expect(enMail.subject).toBe('Monthly security report for September 2026 (Sakura Works)');
    expect(enMail.text).toContain('Suspicious connections, malware and the like stopped: 1.');
    expect(enMail.text).toContain('Take the 5-minute self-diagnosis');
    expect(t.mailer.sent.some((m) => m.to === late.user.email && m.subject.includes('月次レポート'))).toBe(
      false,
    );

    const report = await t.request({
      method: 'GET',
      url: `/api/v1/orgs/${ja.orgId}/reports/2026-09`,
      as: ja.user,
    });
    expect(report.statusCode, report.body).toBe(200);
    expect(report.json()).toMatchObject({ final: true, totals: { events: 19, blocked: 4, incidents: 2 } });

    // A rerun (a restart, or the operator pressing "run now") changes nothing and sends nothing.
    const again = await runMonthlyReports(t.app.mamori, new Date('2026-10-01T01:30:00+09:00'));
    expect(again).toEqual({ month: '2026-09', generated: 0, mailed: 0, waiting: 0 });
    expect(t.mailer.sent.length).toBe(sentBefore + 3);
    const same = await t.request({
      method: 'GET',
      url: `/api/v1/orgs/${ja.orgId}/reports/2026-09`,
      as: ja.user,
    });
    expect(same.json()).toEqual(report.json());
  });
});
