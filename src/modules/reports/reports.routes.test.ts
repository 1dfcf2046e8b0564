import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  expectForeignOrg404,
  type TestApp,
  type TestUser,
} from '../../kernel/testing/test-app.ts';
import { monthlyFigures } from '../monitoring/index.ts';
import { monthOf, previousMonth } from './reports.month.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const current = () => monthOf(new Date());

async function monitored(user: TestUser, orgId: string) {
  const sensor = await t.request({
    method: 'POST',
    url: `/api/v1/orgs/${orgId}/sensors`,
    payload: { name: 'UTM 本社', kind: 'utm' },
    as: user,
  });
  expect(sensor.statusCode, sensor.body).toBe(201);
  const now = Date.now();
  const lines = [
    ...Array.from({ length: 25 }, (_, i) => ({
      '@timestamp': new Date(now - 60_000 + i * 1000).toISOString(),
      event: { category: 'authentication', outcome: 'failure', action: 'logon' },
      source: { ip: '203.0.113.9' },
      user: { name: 'hanako' },
    })),
    {
      '@timestamp': new Date(now - 30_000).toISOString(),
      event: { category: 'network', action: 'deny' },
      source: { ip: '198.51.100.1' },
    },
  ];
  const res = await t.request({
    method: 'POST',
    url: '/api/v1/ingest',
    payload: lines.map((l) => JSON.stringify(l)).join('\n'),
    headers: { authorization: `Bearer ${sensor.json().token}`, 'content-type': 'application/x-ndjson' },
  });
  expect(res.statusCode, res.body).toBe(202);
  for (let i = 0; i < 200; i++) {
    const f = await monthlyFigures(
      t.app.mamori,
      orgId,
      new Date(now - 86_400_000),
      new Date(now + 86_400_000),
    );
    if (f.events.pending === 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('detection did not catch up');
}

const answers = (overrides: Record<string, string>) => ({
  answers: Object.fromEntries(
    Array.from({ length: 25 }, (_, i) => [String(i + 1), overrides[String(i + 1)] ?? 'yes']),
  ),
});

describe('monthly report routes', () => {
  it('lets the owner make this month’s report so far, read it, and download the PDF', async () => {
    const { user, orgId } = await t.userWithOrg();
    await monitored(user, orgId);
    const diag = await t.request({
      method: 'POST',
      url: `/api/v1/orgs/${orgId}/diagnoses`,
      payload: answers({ '3': 'no', '11': 'partial', '14': 'unknown' }),
      as: user,
    });
    expect(diag.statusCode, diag.body).toBe(201);

    const before = await t.request({
      method: 'GET',
      url: `/api/v1/orgs/${orgId}/reports/${current()}`,
      as: user,
    });
    expect(before.statusCode).toBe(404);
    expect(before.json().error.code).toBe('report_not_found');

    const made = await t.request({
      method: 'POST',
      url: `/api/v1/orgs/${orgId}/reports`,
      payload: { month: current() },
      as: user,
    });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json()).toMatchObject({ month: current(), final: false });

    const list = await t.request({ method: 'GET', url: `/api/v1/orgs/${orgId}/reports`, as: user });
    expect(list.json()).toMatchObject({
      total: 1,
      currentMonth: current(),
      items: [{ month: current(), final: false, events: 26, blocked: 1, alerts: 1, incidents: 1 }],
    });

    const res = await t.request({
      method: 'GET',
      url: `/api/v1/orgs/${orgId}/reports/${current()}`,
      as: user,
    });
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json();
    expect(v.totals).toMatchObject({ events: 26, blocked: 1, alerts: 1, authFailures: 25, incidents: 1 });
    expect(v.tone).toBe('act');
    expect(v.summary[0]).toContain('26 件の記録が届き、そのうち 1 件の不審な通信やウイルスなどを止めました');
    expect(v.rules[0]).toMatchObject({ ruleId: 'brute-force-login', title: 'パスワード総当たり攻撃' });
    // Tied to the month (many failed logins) and to the diagnosis (item 3 answered "no").
    const ids = v.recommendations.map((r: { id: string }) => r.id);
    expect(ids).toEqual(['incidents-open', 'signal-failed-logins', 'item-14', 'item-11']);
    expect(v.recommendations[1]).toMatchObject({
      item: { no: 3, answer: 'no', answerLabel: '実施していない' },
      link: { path: `/orgs/${orgId}/learning/passwords` },
    });
    expect(v.recommendations[1].text).toContain('ログインの失敗が 25 回');
    expect(v.recommendations[2].link.path).toBe(`/orgs/${orgId}/learning/screen-lock`);
    expect(v.days.length).toBeGreaterThanOrEqual(28);

    const en = await t.request({
      method: 'GET',
      url: `/api/v1/orgs/${orgId}/reports/${current()}?lang=en`,
      as: user,
    });
    expect(en.json().recommendations[1].title).toBe('Use strong passwords and turn on two-step sign-in');

    const pdf = await t.request({
      method: 'GET',
      url: `/api/v1/orgs/${orgId}/reports/${current()}/report.pdf`,
      as: user,
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const dir = mkdtempSync(path.join(tmpdir(), 'report-pdf-'));
    const file = path.join(dir, 'r.pdf');
    writeFileSync(file, pdf.rawPayload);
    writeFileSync('/tmp/report-look.pdf', pdf.rawPayload);
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8');
    expect(text).toContain('月次セキュリティレポート');
    expect(text).toContain('途中経過');
    expect(text).toContain('パスワードを強くし、二段階の確認');
    expect(text).toContain('パスワード総当たり攻撃');
    expect(text).toMatch(/届いた記録/);
    expect(text).toContain('UTM 本社（UTM）');
  });

  it('replaces an interim report on the next request, but never a final one', async () => {
    const { user, orgId } = await t.userWithOrg();
    await monitored(user, orgId);
    const post = (month: string) =>
      t.request({ method: 'POST', url: `/api/v1/orgs/${orgId}/reports`, payload: { month }, as: user });
    const first = await post(current());
    const second = await post(current());
    expect(Date.parse(second.json().generatedAt)).toBeGreaterThanOrEqual(
      Date.parse(first.json().generatedAt),
    );
    const last = await post(previousMonth(current()));
    expect(last.json()).toMatchObject({ month: previousMonth(current()), final: true });
    const again = await post(previousMonth(current()));
    expect(again.json()).toEqual(last.json());
  });

  it('answers bad months clearly and changes nothing', async () => {
    const { user, orgId } = await t.userWithOrg();
    const post = (month: unknown) =>
      t.request({ method: 'POST', url: `/api/v1/orgs/${orgId}/reports`, payload: { month }, as: user });
    const bad = await post('2026-13');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.month).toContain('年-月');
    expect((await post('2020-01')).json().error.code).toBe('report_month_unavailable');
    expect((await post('2999-01')).json().error.code).toBe('report_month_future');
    const get = await t.request({ method: 'GET', url: `/api/v1/orgs/${orgId}/reports/october`, as: user });
    expect(get.statusCode).toBe(400);
    const list = await t.request({ method: 'GET', url: `/api/v1/orgs/${orgId}/reports`, as: user });
    expect(list.json().total).toBe(0);
  });

  it('lets the provider serving the SME read and make reports; each only with access', async () => {
    const { sme, provider } = await t.servedSme();
    await monitored(sme.user, sme.orgId);
    const made = await t.request({
      method: 'POST',
      url: `/api/v1/orgs/${sme.orgId}/reports`,
      payload: { month: current() },
      as: provider.user,
    });
    expect(made.statusCode, made.body).toBe(201);
    const read = await t.request({
      method: 'GET',
      url: `/api/v1/orgs/${sme.orgId}/reports/${current()}/report.pdf`,
      as: provider.user,
    });
    expect(read.statusCode).toBe(200);
    // A provider organisation has no monthly report of its own.
    const own = await t.request({
      method: 'POST',
      url: `/api/v1/orgs/${provider.orgId}/reports`,
      payload: { month: current() },
      as: provider.user,
    });
    expect(own.statusCode).toBe(422);
    expect(own.json().error.code).toBe('not_an_sme');
  });

  it('lets an employee read the reports but not make one', async () => {
    const { user: owner, orgId } = await t.userWithOrg();
    const employee = await t.signUp();
    const inv = await t.request({
      method: 'POST',
      url: `/api/v1/orgs/${orgId}/invitations`,
      payload: { email: employee.email, role: 'employee' },
      as: owner,
    });
    await t.request({ method: 'POST', url: `/api/v1/invitations/${inv.json().id}/accept`, as: employee });
    await t.request({
      method: 'POST',
      url: `/api/v1/orgs/${orgId}/reports`,
      payload: { month: current() },
      as: owner,
    });
    const made = await t.request({
      method: 'POST',
      url: `/api/v1/orgs/${orgId}/reports`,
      payload: { month: current() },
      as: employee,
    });
    expect(made.statusCode).toBe(403);
    const read = await t.request({
      method: 'GET',
      url: `/api/v1/orgs/${orgId}/reports/${current()}`,
      as: employee,
    });
    expect(read.statusCode).toBe(200);
  });

  it('keeps every route to the SME, its provider, and no one else', async () => {
    const routes = (orgId: string) => [
      { method: 'GET' as const, url: `/api/v1/orgs/${orgId}/reports` },
      { method: 'POST' as const, url: `/api/v1/orgs/${orgId}/reports`, payload: { month: current() } },
      { method: 'GET' as const, url: `/api/v1/orgs/${orgId}/reports/${current()}` },
      { method: 'GET' as const, url: `/api/v1/orgs/${orgId}/reports/${current()}/report.pdf` },
    ];
    for (let i = 0; i < 4; i++) await expectForeignOrg404(t, (orgId) => routes(orgId)[i] as never);

    // Provider ↔ provider: another provider's staff cannot see a customer it does not serve.
    const { sme } = await t.servedSme();
    const other = await t.userWithOrg('provider');
    await t.request({
      method: 'POST',
      url: `/api/v1/orgs/${sme.orgId}/reports`,
      payload: { month: current() },
      as: sme.user,
    });
    for (const r of routes(sme.orgId)) {
      const res = await t.request({ ...r, as: other.user });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(404);
    }
    const anonymous = await t.request({ method: 'GET', url: `/api/v1/orgs/${sme.orgId}/reports` });
    expect(anonymous.statusCode).toBe(401);
  });
});
