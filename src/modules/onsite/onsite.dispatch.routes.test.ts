import { and, eq, like } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../kernel/audit/audit.tables.ts';
import { createTestApp, type TestApp, type TestUser } from '../../kernel/testing/test-app.ts';
import { getIncident } from '../monitoring/index.ts';
import {
  costs,
  dispatchWithWork,
  englishSme,
  joinAs,
  realIncident,
  requestPayload,
} from './onsite.test-fixtures.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const url = (orgId: string, rest = '') => `/api/v1/orgs/${orgId}/onsite/dispatches${rest}`;
const mailsTo = (email: string) => t.mailer.sent.filter((m) => m.to === email);

describe('a dispatch from request to confirmation', () => {
  it('runs request → scheduled → on site → work done → confirmed, mails each side and moves the incident', async () => {
    const { sme, provider } = await t.servedSme();
    const analyst = await joinAs(t, provider.user, provider.orgId, 'analyst');
    const incidentId = await realIncident(t, sme.user, sme.orgId);

    const created = await t.request({
      method: 'POST',
      url: url(sme.orgId),
      as: sme.user,
      payload: { ...requestPayload(incidentId), preferredAt: '2026-11-24T01:00:00.000Z' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const d = created.json();
    expect(d).toMatchObject({
      status: 'requested',
      incidentId,
      providerOrgId: provider.orgId,
      can: { schedule: false, confirm: false, cancel: true },
    });
    expect(d.incident).toMatchObject({ id: incidentId, entity: expect.stringContaining('pc-07') });
    expect((await getIncident(t.app.mamori, sme.orgId, incidentId)).status).toBe('onsite');

    // The provider's manager and analyst hear of it, each in Japanese, with what and where.
    for (const who of [provider.user, analyst]) {
      const mail = t.mailer.lastTo(who.email);
      expect(mail.subject).toBe(`【Mamori】駆け付けの依頼: ${d.orgName}`);
      expect(mail.text).toContain('身代金を要求する表示');
      expect(mail.text).toContain('大阪府大阪市北区梅田1-1-1');
      expect(mail.text).toContain('2026年11月24日(火) 10:00');
      expect(mail.text).toContain(`/orgs/${sme.orgId}/onsite/dispatches/${d.id}`);
    }

    const base = url(sme.orgId, `/${d.id}`);
    const scheduled = await t.request({
      method: 'POST',
      url: `${base}/schedule`,
      as: analyst,
      payload: {
        engineerName: '田中 一郎',
        scheduledAt: '2026-11-25T05:00:00.000Z',
        note: '受付でお名前をどうぞ',
      },
    });
    expect(scheduled.statusCode, scheduled.body).toBe(200);
    expect(scheduled.json()).toMatchObject({ status: 'scheduled', engineerName: '田中 一郎' });
    const when = t.mailer.lastTo(sme.user.email);
    expect(when.subject).toBe('【Mamori】技術者の訪問日時が決まりました（2026年11月25日(水) 14:00）');
    expect(when.text).toContain('田中 一郎 さん');
    expect(when.text).toContain('連絡事項: 受付でお名前をどうぞ');
    expect(when.text).toContain('電源を切らず');

    const arrived = await t.request({ method: 'POST', url: `${base}/arrive`, as: analyst, payload: {} });
    expect(arrived.json()).toMatchObject({ status: 'on_site', arrivedAt: expect.any(String) });

    const work = await t.request({
      method: 'POST',
      url: `${base}/work`,
      as: analyst,
      payload: { summary: '感染した端末を隔離し、駆除しました。', workMinutes: 150, costs },
    });
    expect(work.statusCode, work.body).toBe(200);
    expect(work.json()).toMatchObject({ status: 'work_done', totalYen: 15000, workMinutes: 150, costs });
    const done = t.mailer.lastTo(sme.user.email);
    expect(done.subject).toContain('内容のご確認をお願いします');
    expect(done.text).toContain('作業時間: 2時間30分');
    expect(done.text).toContain('費用の合計: 15,000円');
    expect(done.text).toContain('作業の完了を確認する');

    const seen = await t.request({ method: 'GET', url: base, as: sme.user });
    expect(seen.json().can).toMatchObject({ confirm: true, dispute: true, recordWork: false });

    const confirmed = await t.request({
      method: 'POST',
      url: `${base}/confirm`,
      as: sme.user,
      payload: { comment: '助かりました' },
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toMatchObject({ status: 'confirmed', confirmedAt: expect.any(String) });
    expect(confirmed.json().steps.map((s: { kind: string }) => s.kind)).toEqual([
      'requested',
      'scheduled',
      'arrived',
      'work_recorded',
      'confirmed',
    ]);
    expect(t.mailer.lastTo(analyst.email).subject).toContain('駆け付けの完了を確認しました');

    const audit = await t.app.mamori.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.target, d.id), like(auditLog.action, 'onsite.dispatch.%')));
    expect(audit.map((a) => a.action).sort()).toEqual(
      [
        'onsite.dispatch.arrive',
        'onsite.dispatch.confirm',
        'onsite.dispatch.request',
        'onsite.dispatch.schedule',
        'onsite.dispatch.work',
      ].sort(),
    );
  });

  it('writes to an English-speaking owner in English, with the time in Japan', async () => {
    const provider = await t.userWithOrg('provider');
    const sme = await englishSme(t, provider.orgId);
    const created = await t.request({
      method: 'POST',
      url: url(sme.orgId),
      as: sme.user,
      payload: { reason: 'Our website shows strange text.' },
    });
    expect(created.statusCode, created.body).toBe(201);
    await t.request({
      method: 'POST',
      url: url(sme.orgId, `/${created.json().id}/schedule`),
      as: provider.user,
      payload: { engineerName: 'Ichiro Tanaka', scheduledAt: '2026-11-25T05:00:00.000Z' },
    });
    const mail = t.mailer.lastTo(sme.user.email);
    expect(mail.subject).toBe("[Mamori] Your engineer's visit is scheduled (Wed, 25 Nov 2026, 14:00 (JST))");
    expect(mail.text).toContain('Engineer: Ichiro Tanaka');
    // The provider's manager reads Japanese: the request reached them in Japanese.
    expect(t.mailer.lastTo(provider.user.email).subject).toBe('【Mamori】駆け付けの依頼: Sakura Trading');
  });

  it('sends disputed work back on site with the comment, and the provider records it again', async () => {
    const { sme, provider } = await t.servedSme();
    const id = await dispatchWithWork(t, sme, provider.user);
    const base = url(sme.orgId, `/${id}`);
    const disputed = await t.request({
      method: 'POST',
      url: `${base}/dispute`,
      as: sme.user,
      payload: { comment: 'まだ警告が出ます' },
    });
    expect(disputed.statusCode, disputed.body).toBe(200);
    expect(disputed.json()).toMatchObject({ status: 'on_site', workDoneAt: null });
    const mail = t.mailer.lastTo(provider.user.email);
    expect(mail.subject).toContain('作業についての連絡があります');
    expect(mail.text).toContain('まだ警告が出ます');
    const again = await t.request({
      method: 'POST',
      url: `${base}/work`,
      as: provider.user,
      payload: { summary: '残っていた不審なプログラムも削除しました。', workMinutes: 60, costs: [] },
    });
    expect(again.json()).toMatchObject({ status: 'work_done', totalYen: 0 });
  });

  it('lets the SME cancel before the visit, telling the provider; a cancelled dispatch takes no more steps', async () => {
    const { sme, provider } = await t.servedSme();
    const created = await t.request({
      method: 'POST',
      url: url(sme.orgId),
      as: sme.user,
      payload: requestPayload(),
    });
    const base = url(sme.orgId, `/${created.json().id}`);
    const cancelled = await t.request({
      method: 'POST',
      url: `${base}/cancel`,
      as: sme.user,
      payload: { reason: '再起動したら直りました' },
    });
    expect(cancelled.json().status).toBe('cancelled');
    expect(t.mailer.lastTo(provider.user.email).text).toContain('再起動したら直りました');
    const late = await t.request({
      method: 'POST',
      url: `${base}/schedule`,
      as: provider.user,
      payload: { engineerName: '田中', scheduledAt: '2026-11-25T05:00:00.000Z' },
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('dispatch_step_not_allowed');
  });

  it('lets the provider’s analyst request a dispatch for its customer without an incident', async () => {
    const { sme, provider } = await t.servedSme();
    const analyst = await joinAs(t, provider.user, provider.orgId, 'analyst');
    const res = await t.request({
      method: 'POST',
      url: url(sme.orgId),
      as: analyst,
      payload: { reason: 'ご相談の結果、現地で設定を確認します。' },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ incidentId: null, incident: null, providerOrgId: provider.orgId });
    // The analyst is not mailed about their own request; the manager is.
    expect(mailsTo(analyst.email).some((m) => m.subject.includes('駆け付けの依頼'))).toBe(false);
    expect(t.mailer.lastTo(provider.user.email).subject).toContain('駆け付けの依頼');
    const told = t.mailer.lastTo(sme.user.email);
    expect(told.subject).toContain('技術者の駆け付けを手配しています');
    expect(told.text).toContain('ご相談の結果、現地で設定を確認します。');
  });
});

describe('who may do what', () => {
  it('refuses employees, SMEs scheduling, providers confirming, and an SME without a provider', async () => {
    const { sme, provider } = await t.servedSme();
    const employee = await joinAs(t, sme.user, sme.orgId, 'employee');
    const practitioner = await joinAs(t, sme.user, sme.orgId, 'practitioner');
    expect(
      (await t.request({ method: 'POST', url: url(sme.orgId), as: employee, payload: requestPayload() }))
        .statusCode,
    ).toBe(403);
    const created = await t.request({
      method: 'POST',
      url: url(sme.orgId),
      as: practitioner,
      payload: requestPayload(),
    });
    expect(created.statusCode, created.body).toBe(201);
    const base = url(sme.orgId, `/${created.json().id}`);
    const bySme = await t.request({
      method: 'POST',
      url: `${base}/schedule`,
      as: sme.user,
      payload: { engineerName: '自分で', scheduledAt: '2026-11-25T05:00:00.000Z' },
    });
    expect(bySme.statusCode).toBe(403);
    expect(bySme.json().error.message).toBe('この操作を行う権限がありません。');
    const byProvider = await t.request({
      method: 'POST',
      url: `${base}/confirm`,
      as: provider.user,
      payload: {},
    });
    expect(byProvider.statusCode).toBe(403);
    expect((await t.request({ method: 'GET', url: base, as: employee })).statusCode).toBe(403);

    const alone = await t.userWithOrg();
    const none = await t.request({
      method: 'POST',
      url: url(alone.orgId),
      as: alone.user,
      payload: requestPayload(),
    });
    expect(none.statusCode).toBe(422);
    expect(none.json().error.code).toBe('no_provider');
    expect(none.json().error.message).toContain('お助け隊サービスの事業者が登録されていません');
  });
});

describe('validation', () => {
  let sme: { user: TestUser; orgId: string };
  let provider: { user: TestUser; orgId: string };
  let base: string;
  beforeAll(async () => {
    ({ sme, provider } = await t.servedSme());
    const created = await t.request({
      method: 'POST',
      url: url(sme.orgId),
      as: sme.user,
      payload: requestPayload(),
    });
    base = url(sme.orgId, `/${created.json().id}`);
    await t.request({
      method: 'POST',
      url: `${base}/schedule`,
      as: provider.user,
      payload: { engineerName: '田中', scheduledAt: '2026-11-25T05:00:00.000Z' },
    });
    await t.request({ method: 'POST', url: `${base}/arrive`, as: provider.user, payload: {} });
  });

  it.each([
    [
      'a negative amount',
      [{ label: '派遣費', amountYen: -1 }],
      'costs.0.amountYen',
      '金額は 0 以上の整数（円）で入力してください。',
    ],
    [
      'a fraction of a yen',
      [{ label: '派遣費', amountYen: 10.5 }],
      'costs.0.amountYen',
      '金額は 0 以上の整数（円）で入力してください。',
    ],
    [
      'an amount as text',
      [{ label: '派遣費', amountYen: '1万' }],
      'costs.0.amountYen',
      '金額は 0 以上の整数（円）で入力してください。',
    ],
    [
      'a huge amount',
      [{ label: '派遣費', amountYen: 1e12 }],
      'costs.0.amountYen',
      '金額が大きすぎます。入力を確認してください。',
    ],
    ['an empty label', [{ label: ' ', amountYen: 100 }], 'costs.0.label', '入力してください。'],
  ])('refuses %s with a Japanese message and changes nothing', async (_name, bad, field, message) => {
    const before = (await t.request({ method: 'GET', url: base, as: provider.user })).json();
    const res = await t.request({
      method: 'POST',
      url: `${base}/work`,
      as: provider.user,
      payload: { summary: '作業', workMinutes: 30, costs: bad },
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.fields[field]).toBe(message);
    const after = (await t.request({ method: 'GET', url: base, as: provider.user })).json();
    expect(after).toEqual(before);
    expect(after.status).toBe('on_site');
  });

  it('answers in English when asked, and refuses hours that are not whole minutes', async () => {
    const res = await t.request({
      method: 'POST',
      url: `${base}/work?lang=en`,
      as: provider.user,
      payload: { summary: 'work', workMinutes: 1.5, costs: [{ label: 'Visit', amountYen: -5 }] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toMatchObject({
      workMinutes: 'Enter a work time between 1 minute and 7 days.',
      'costs.0.amountYen': 'Enter the amount as a whole number of yen, 0 or more.',
    });
  });

  it('refuses a foreign or unknown incident, a bad phone number and a step out of order', async () => {
    const other = await t.userWithOrg();
    const foreignIncident = await realIncident(t, other.user, other.orgId);
    const res = await t.request({
      method: 'POST',
      url: url(sme.orgId),
      as: sme.user,
      payload: { ...requestPayload(foreignIncident), contactPhone: 'call me' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toMatchObject({
      contactPhone: '電話番号は数字とハイフンで入力してください。',
    });
    const unknown = await t.request({
      method: 'POST',
      url: url(sme.orgId),
      as: sme.user,
      payload: requestPayload(foreignIncident),
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields.incidentId).toBe('このインシデントは見つかりませんでした。');
    expect((await getIncident(t.app.mamori, other.orgId, foreignIncident)).status).toBe('new');
    const list = await t.request({ method: 'GET', url: url(sme.orgId), as: sme.user });
    expect(list.json().total).toBe(1);

    const early = await t.request({
      method: 'POST',
      url: `${base}/confirm`,
      as: sme.user,
      payload: {},
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toContain('今の状態ではその操作ができません');
    const future = await t.request({
      method: 'POST',
      url: `${base}/arrive`,
      as: provider.user,
      payload: { arrivedAt: '2099-01-01T00:00:00.000Z' },
    });
    expect(future.statusCode).toBe(400);
  });
});

describe('tenancy', () => {
  it('keeps every dispatch route to the SME, its provider, and nobody else', async () => {
    const { sme, provider } = await t.servedSme();
    const id = await dispatchWithWork(t, sme, provider.user);
    const otherSme = await t.servedSme();
    // A second provider serving the same SME (provider ↔ provider) must not see the first one's work.
    const rival = await t.userWithOrg('provider');
    const grant = await t.request({
      method: 'POST',
      url: `/api/v1/orgs/${sme.orgId}/providers`,
      as: sme.user,
      payload: { providerOrgId: rival.orgId },
    });
    expect(grant.statusCode).toBe(201);

    const routes: (orgId: string, dispatchId: string) => Omit<InjectOptions, 'headers'>[] = (o, d) => [
      { method: 'GET', url: url(o, `/${d}`) },
      {
        method: 'POST',
        url: url(o, `/${d}/schedule`),
        payload: { engineerName: 'x', scheduledAt: '2026-11-25T05:00:00.000Z' },
      },
      { method: 'POST', url: url(o, `/${d}/arrive`), payload: {} },
      { method: 'POST', url: url(o, `/${d}/work`), payload: { summary: 'x', workMinutes: 1, costs: [] } },
      { method: 'POST', url: url(o, `/${d}/confirm`), payload: {} },
      { method: 'POST', url: url(o, `/${d}/dispute`), payload: { comment: 'x' } },
      { method: 'POST', url: url(o, `/${d}/cancel`), payload: { reason: 'x' } },
    ];
    const before = (await t.request({ method: 'GET', url: url(sme.orgId, `/${id}`), as: sme.user })).json();
    const outsiders: [string, TestUser, string][] = [
      ['another SME', otherSme.sme.user, sme.orgId],
      ['another SME, through its own org', otherSme.sme.user, otherSme.sme.orgId],
      ['another SME’s provider', otherSme.provider.user, sme.orgId],
      ['another SME’s provider, through its customer', otherSme.provider.user, otherSme.sme.orgId],
      ['a rival provider of the same SME', rival.user, sme.orgId],
    ];
    for (const [who, user, orgId] of outsiders) {
      for (const r of routes(orgId, id)) {
        const res = await t.request({ ...r, as: user });
        expect(res.statusCode, `${who}: ${r.method} ${r.url} → ${res.body}`).toBe(404);
      }
    }
    const after = (await t.request({ method: 'GET', url: url(sme.orgId, `/${id}`), as: sme.user })).json();
    expect(after).toEqual(before);

    // Lists: outsiders get 404 on the SME's list; each provider's own list shows only its work.
    for (const user of [otherSme.sme.user, otherSme.provider.user]) {
      expect((await t.request({ method: 'GET', url: url(sme.orgId), as: user })).statusCode).toBe(404);
      expect(
        (await t.request({ method: 'POST', url: url(sme.orgId), as: user, payload: requestPayload() }))
          .statusCode,
      ).toBe(404);
    }
    // The SME's owner cannot read a provider's list across customers.
    expect((await t.request({ method: 'GET', url: url(provider.orgId), as: sme.user })).statusCode).toBe(404);
    const mine = await t.request({ method: 'GET', url: url(provider.orgId), as: provider.user });
    expect(mine.json().items.map((x: { id: string }) => x.id)).toEqual([id]);
    const theirs = await t.request({ method: 'GET', url: url(rival.orgId), as: rival.user });
    expect(theirs.json()).toEqual({ items: [], total: 0 });
    const rivalView = await t.request({ method: 'GET', url: url(sme.orgId), as: rival.user });
    expect(rivalView.json().total).toBe(0);
    const smeView = await t.request({ method: 'GET', url: url(sme.orgId), as: sme.user });
    expect(smeView.json().items).toHaveLength(1);
  });

  it('filters and pages the provider’s list across customers', async () => {
    const { sme, provider } = await t.servedSme();
    for (let i = 0; i < 3; i += 1) {
      await t.request({ method: 'POST', url: url(sme.orgId), as: sme.user, payload: requestPayload() });
    }
    const page = await t.request({
      method: 'GET',
      url: `${url(provider.orgId)}?pageSize=2&page=2&status=requested`,
      as: provider.user,
    });
    expect(page.json().total).toBe(3);
    expect(page.json().items).toHaveLength(1);
    const none = await t.request({
      method: 'GET',
      url: `${url(provider.orgId)}?status=confirmed`,
      as: provider.user,
    });
    expect(none.json().total).toBe(0);
    const bad = await t.request({
      method: 'GET',
      url: `${url(provider.orgId)}?status=lost`,
      as: provider.user,
    });
    expect(bad.statusCode).toBe(400);
  });
});
