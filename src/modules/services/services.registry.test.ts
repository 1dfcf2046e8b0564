import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, expectForeignOrg404, type TestApp } from '../../kernel/testing/test-app.ts';

let t: TestApp;
let opCookie = '';
beforeAll(async () => {
  t = await createTestApp();
  opCookie = await t.operatorCookie('svc-ops@example.test');
});
afterAll(() => t.close());

const application = {
  name: 'まもるネット見守りパック',
  tier: '1',
  type: 'network',
  summary: 'UTM を置くだけで24時間見守ります。',
  description: '事務所のネットワークの出入口に UTM を設置し、当社の監視センターが24時間見守ります。',
  monitoredDevices: 'UTM 1台（社内の全端末の通信）',
  monitoringHours: 24,
  prefectures: ['13', '14'],
  firstResponseMinutes: 30,
  onsiteWithinHours: 24,
  deskChannels: ['phone', 'mail'],
  deskHours: '平日 9:00〜18:00（緊急時は24時間）',
  onsite: { available: true, remoteOnly: false, terms: '東京都・神奈川県は翌営業日までに駆け付けます。' },
  insurance: {
    insurer: '○○損害保険',
    coversInitialResponse: true,
    coverage: '駆け付け費用・調査費用',
    limitYen: 1_000_000,
    copayYen: 0,
  },
  monthlyNetworkFee: 10_500,
  initialFee: 30_000,
  minDevices: 1,
  minTermMonths: 12,
  contact: { name: '営業部 鈴木', email: 'sales@mamoru.example', phone: '03-1234-5678' },
  easeDescription: '機器は設定済みで届き、電源と LAN ケーブルをつなぐだけで監視が始まります。',
};

describe('a provider’s application through review to the public list', () => {
  it('checks the price cap, goes through changes requested, and is listed once approved', async () => {
    const provider = await t.userWithOrg('provider');
    const base = `/api/v1/orgs/${provider.orgId}/services`;
    const created = await t.request({ method: 'POST', url: base, payload: application, as: provider.user });
    expect(created.statusCode, created.body).toBe(201);
    const svc = created.json();
    expect(svc.passed).toBe(false);
    expect(svc.checks.find((c: { id: string }) => c.id === 'price')).toMatchObject({ status: 'fail' });

    const refused = await t.request({ method: 'POST', url: `${base}/${svc.id}/submit`, as: provider.user });
    expect(refused.statusCode).toBe(422);
    expect(Object.keys(refused.json().error.fields)).toEqual(['price']);

    await t.request({
      method: 'PUT',
      url: `${base}/${svc.id}`,
      payload: { ...application, monthlyNetworkFee: 9_800 },
      as: provider.user,
    });
    const submitted = await t.request({ method: 'POST', url: `${base}/${svc.id}/submit`, as: provider.user });
    expect(submitted.json()).toMatchObject({ status: 'submitted', currentVersion: 1, passed: true });
    expect(t.mailer.lastTo('svc-ops@example.test').subject).toContain('審査依頼');

    const locked = await t.request({
      method: 'PUT',
      url: `${base}/${svc.id}`,
      payload: application,
      as: provider.user,
    });
    expect(locked.statusCode).toBe(409);

    const changes = await t.request({
      method: 'POST',
      url: `/api/v1/admin/services/${svc.id}/review`,
      payload: {
        action: 'request_changes',
        comments: [{ requirementId: 'insurance', comment: '補償の上限額の根拠を記載してください。' }],
      },
      headers: { cookie: opCookie },
    });
    expect(changes.json()).toMatchObject({ status: 'changes_requested' });
    const mail = t.mailer.lastTo(provider.user.email);
    expect(mail.subject).toContain('修正依頼');
    expect(mail.text).toContain('簡易サイバー保険: 補償の上限額の根拠を記載してください。');

    await t.request({
      method: 'PUT',
      url: `${base}/${svc.id}`,
      payload: {
        ...application,
        monthlyNetworkFee: 9_800,
        insurance: { ...application.insurance, coverage: '駆け付け費用（上限100万円）' },
      },
      as: provider.user,
    });
    const v2 = (
      await t.request({ method: 'POST', url: `${base}/${svc.id}/submit`, as: provider.user })
    ).json();
    expect(v2).toMatchObject({ status: 'submitted', currentVersion: 2 });
    expect(v2.reviews.find((r: { action: string }) => r.action === 'comment')).toMatchObject({
      requirementId: 'insurance',
      version: 1,
      standardVersion: '2.0',
    });

    expect(
      (await t.request({ method: 'GET', url: '/api/v1/services' }))
        .json()
        .items.some((s: { id: string }) => s.id === svc.id),
    ).toBe(false);
    const approved = await t.request({
      method: 'POST',
      url: `/api/v1/admin/services/${svc.id}/review`,
      payload: { action: 'approve' },
      headers: { cookie: opCookie },
    });
    expect(approved.json()).toMatchObject({ status: 'approved', approvedVersion: 2 });

    const list = (
      await t.request({ method: 'GET', url: '/api/v1/services?type=network&prefecture=13' })
    ).json().items;
    expect(list.map((s: { id: string }) => s.id)).toContain(svc.id);
    expect(
      (await t.request({ method: 'GET', url: '/api/v1/services?prefecture=01' }))
        .json()
        .items.some((s: { id: string }) => s.id === svc.id),
    ).toBe(false);
    expect(
      (await t.request({ method: 'GET', url: '/api/v1/services?maxMonthly=9000' }))
        .json()
        .items.some((s: { id: string }) => s.id === svc.id),
    ).toBe(false);
    const page = (await t.request({ method: 'GET', url: `/api/v1/services/${svc.id}` })).json();
    expect(page).toMatchObject({
      providerName: `${provider.user.name}の会社`,
      version: 2,
      data: { monthlyNetworkFee: 9_800 },
    });

    // An SME asks to be contacted and shares its diagnosis total.
    const sme = await t.userWithOrg();
    const answers = Object.fromEntries(Array.from({ length: 25 }, (_, i) => [String(i + 1), 'partial']));
    await t.request({
      method: 'POST',
      url: `/api/v1/orgs/${sme.orgId}/diagnoses`,
      payload: { answers },
      as: sme.user,
    });
    const contact = await t.request({
      method: 'POST',
      url: `/api/v1/services/${svc.id}/contact`,
      payload: { orgId: sme.orgId, message: '見積もりをお願いします。', shareDiagnosis: true },
      as: sme.user,
    });
    expect(contact.statusCode).toBe(201);
    const note = t.mailer.lastTo(provider.user.email);
    expect(note.text).toContain('50 点');
    const requests = (
      await t.request({
        method: 'GET',
        url: `/api/v1/orgs/${provider.orgId}/service-requests`,
        as: provider.user,
      })
    ).json();
    expect(requests.items[0]).toMatchObject({
      smeOrgName: `${sme.user.name}の会社`,
      diagnosisTotal: 50,
      serviceName: application.name,
    });
  });

  it('answers 400 naming the field for bad input and refuses SMEs as applicants', async () => {
    const provider = await t.userWithOrg('provider');
    const base = `/api/v1/orgs/${provider.orgId}/services`;
    for (const [patch, field] of [
      [{ monthlyNetworkFee: -1 }, 'monthlyNetworkFee'],
      [{ prefectures: ['48'] }, 'prefectures.0'],
      [{ tier: '3' }, 'tier'],
      [{ contact: { ...application.contact, email: 'x' } }, 'contact.email'],
    ] as const) {
      const res = await t.request({
        method: 'POST',
        url: base,
        payload: { ...application, ...patch },
        as: provider.user,
      });
      expect(res.statusCode).toBe(400);
      expect(Object.keys(res.json().error.fields)).toContain(field);
    }
    const sme = await t.userWithOrg();
    const res = await t.request({
      method: 'POST',
      url: `/api/v1/orgs/${sme.orgId}/services`,
      payload: application,
      as: sme.user,
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('not_provider');
  });

  it('keeps review to operators', async () => {
    const provider = await t.userWithOrg('provider');
    const svc = (
      await t.request({
        method: 'POST',
        url: `/api/v1/orgs/${provider.orgId}/services`,
        payload: application,
        as: provider.user,
      })
    ).json();
    const res = await t.request({
      method: 'POST',
      url: `/api/v1/admin/services/${svc.id}/review`,
      payload: { action: 'approve' },
      as: provider.user,
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('tenancy', () => {
  it.each([
    ['list own', (id: string) => ({ method: 'GET' as const, url: `/api/v1/orgs/${id}/services` })],
    ['requests', (id: string) => ({ method: 'GET' as const, url: `/api/v1/orgs/${id}/service-requests` })],
    [
      'apply',
      (id: string) => ({ method: 'POST' as const, url: `/api/v1/orgs/${id}/services`, payload: application }),
    ],
  ])('%s: another organisation gets 404', async (_n, route) => {
    await expectForeignOrg404(t, route);
  });

  it('one provider never reaches another’s application', async () => {
    const a = await t.userWithOrg('provider');
    const b = await t.userWithOrg('provider');
    const svc = (
      await t.request({
        method: 'POST',
        url: `/api/v1/orgs/${b.orgId}/services`,
        payload: application,
        as: b.user,
      })
    ).json();
    expect(
      (await t.request({ method: 'GET', url: `/api/v1/orgs/${a.orgId}/services/${svc.id}`, as: a.user }))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await t.request({
          method: 'PUT',
          url: `/api/v1/orgs/${a.orgId}/services/${svc.id}`,
          payload: application,
          as: a.user,
        })
      ).statusCode,
    ).toBe(404);
  });
});
