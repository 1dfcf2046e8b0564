import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  expectForeignOrg404,
  type TestApp,
  type TestUser,
} from '../../kernel/testing/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const oneStar = { star: 1, pledges: [1, 2, 3, 4, 5] };

async function declare(user: TestUser, orgId: string, body: object = oneStar) {
  return t.request({ method: 'POST', url: `/api/v1/orgs/${orgId}/declarations`, payload: body, as: user });
}

/** A diagnosis and a published basic policy: what ★★ needs. */
async function meetTwoStar(user: TestUser, orgId: string) {
  const answers = Object.fromEntries(Array.from({ length: 25 }, (_, i) => [String(i + 1), 'yes']));
  await t.request({ method: 'POST', url: `/api/v1/orgs/${orgId}/diagnoses`, payload: { answers }, as: user });
  const fields = {
    companyName: `${user.name}の会社`,
    assetScope: 'both',
    enactedOn: '2026-04-01',
    representativeTitle: '代表取締役',
    representativeName: user.name,
    showContact: false,
  };
  const doc = (
    await t.request({
      method: 'POST',
      url: `/api/v1/orgs/${orgId}/policies`,
      payload: { template: 'basic-policy', fields },
      as: user,
    })
  ).json();
  await t.request({
    method: 'POST',
    url: `/api/v1/orgs/${orgId}/policies/${doc.id}/approve`,
    payload: { version: 1 },
    as: user,
  });
  const pub = await t.request({
    method: 'POST',
    url: `/api/v1/orgs/${orgId}/policies/${doc.id}/publish`,
    payload: {},
    as: user,
  });
  expect(pub.statusCode, pub.body).toBe(200);
  return pub.json().publicUrl as string;
}

describe('one star', () => {
  it('needs all five pledges', async () => {
    const { user, orgId } = await t.userWithOrg();
    const res = await declare(user, orgId, { star: 1, pledges: [1, 2, 3] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.pledges).toContain('5か条すべて');
    const none = await declare(user, orgId, { star: 3 });
    expect(none.statusCode).toBe(400);
  });

  it('issues an ID, a public record, a badge and a verification page', async () => {
    const { user, orgId } = await t.userWithOrg();
    const res = await declare(user, orgId);
    expect(res.statusCode).toBe(201);
    const d = res.json();
    expect(d).toMatchObject({ star: 1, status: 'active' });
    expect(d.id).toMatch(/^SA-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

    const pub = (await t.request({ method: 'GET', url: `/api/v1/declarations/${d.id}` })).json();
    expect(pub).toMatchObject({
      id: d.id,
      orgName: `${user.name}の会社`,
      prefecture: '13',
      star: 1,
      status: 'active',
    });

    const svg = await t.request({ method: 'GET', url: `/api/v1/declarations/${d.id}/badge.svg` });
    expect(svg.headers['content-type']).toContain('image/svg+xml');
    expect(svg.body).toMatch(/^<svg/);
    const png = await t.request({ method: 'GET', url: `/api/v1/declarations/${d.id}/badge.png` });
    expect(png.rawPayload.subarray(1, 4).toString()).toBe('PNG');

    const page = await t.request({ method: 'GET', url: `/verify/${d.id}` });
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain(`${user.name}の会社`);
    expect(page.body).toContain('有効');
    expect(page.body).not.toMatch(/認定|取得/);

    const mine = (
      await t.request({ method: 'GET', url: `/api/v1/orgs/${orgId}/declarations`, as: user })
    ).json();
    expect(mine.current.id).toBe(d.id);
    expect(mine.badge.snippet).toContain(`/verify/${d.id}`);
    expect(mine.principles).toHaveLength(5);
  });

  it('answers 404 for an unknown ID, as JSON and as a page', async () => {
    expect((await t.request({ method: 'GET', url: '/api/v1/declarations/SA-0000-0000' })).statusCode).toBe(
      404,
    );
    expect((await t.request({ method: 'GET', url: '/verify/SA-0000-0000' })).statusCode).toBe(404);
  });

  it('is for the owner, not for employees', async () => {
    const { user: owner, orgId } = await t.userWithOrg();
    const e = await t.signUp();
    const inv = await t.request({
      method: 'POST',
      url: `/api/v1/orgs/${orgId}/invitations`,
      payload: { email: e.email, role: 'employee' },
      as: owner,
    });
    await t.request({ method: 'POST', url: `/api/v1/invitations/${inv.json().id}/accept`, as: e });
    expect((await declare(e, orgId)).statusCode).toBe(403);
  });
});

describe('two stars', () => {
  it('says exactly what is missing, then replaces ★ once the diagnosis and the published policy exist', async () => {
    const { user, orgId } = await t.userWithOrg();
    const first = (await declare(user, orgId)).json();
    const early = await declare(user, orgId, { star: 2 });
    expect(early.statusCode).toBe(422);
    expect(early.json().error.code).toBe('two_star_requirements_unmet');
    expect(Object.keys(early.json().error.fields).sort()).toEqual(['diagnosis', 'policy']);

    const policyUrl = await meetTwoStar(user, orgId);
    const res = await declare(user, orgId, { star: 2 });
    expect(res.statusCode, res.body).toBe(201);
    const two = res.json();
    const old = (await t.request({ method: 'GET', url: `/api/v1/declarations/${first.id}` })).json();
    expect(old).toMatchObject({ status: 'withdrawn', supersededBy: two.id });
    const now = (await t.request({ method: 'GET', url: `/api/v1/declarations/${two.id}` })).json();
    expect(now).toMatchObject({ star: 2, status: 'active', policyUrl });
    const page = await t.request({ method: 'GET', url: `/verify/${two.id}` });
    expect(page.body).toContain(policyUrl);
  });
});

describe('registry and statistics', () => {
  it('finds active declarers by name, prefecture and star, and counts them', async () => {
    const a = await t.userWithOrg();
    await t.request({
      method: 'PATCH',
      url: `/api/v1/orgs/${a.orgId}`,
      payload: { name: '登録簿テスト商店', prefecture: '40' },
      as: a.user,
    });
    const d = (await declare(a.user, a.orgId)).json();
    const found = (
      await t.request({
        method: 'GET',
        url: `/api/v1/declarations?q=${encodeURIComponent('登録簿テスト')}&prefecture=40&star=1`,
      })
    ).json();
    expect(found.items.map((i: { id: string }) => i.id)).toEqual([d.id]);
    expect((await t.request({ method: 'GET', url: `/api/v1/declarations?q=${d.id}` })).json().total).toBe(1);
    expect((await t.request({ method: 'GET', url: '/api/v1/declarations?prefecture=99' })).statusCode).toBe(
      400,
    );
    const stats = (await t.request({ method: 'GET', url: '/api/v1/declarations/stats' })).json();
    expect(stats.byPrefecture.find((p: { prefecture: string }) => p.prefecture === '40')).toMatchObject({
      name: '福岡県',
    });
    expect(stats.total).toBe(stats.oneStar + stats.twoStar);
  });
});

describe('withdrawal and revocation', () => {
  it('withdraws: the owner is e-mailed, the registry drops it, the page says so', async () => {
    const { user, orgId } = await t.userWithOrg();
    const d = (await declare(user, orgId)).json();
    const res = await t.request({
      method: 'POST',
      url: `/api/v1/orgs/${orgId}/declarations/${d.id}/withdraw`,
      as: user,
    });
    expect(res.json().status).toBe('withdrawn');
    expect(t.mailer.lastTo(user.email).subject).toContain('取り下げました');
    expect((await t.request({ method: 'GET', url: `/api/v1/declarations?q=${d.id}` })).json().total).toBe(0);
    expect((await t.request({ method: 'GET', url: `/verify/${d.id}` })).body).toContain('取り下げ済み');
    const again = await t.request({
      method: 'POST',
      url: `/api/v1/orgs/${orgId}/declarations/${d.id}/withdraw`,
      as: user,
    });
    expect(again.statusCode).toBe(409);
  });

  it('lets only the operator revoke, with a reason the owner receives', async () => {
    const { user, orgId } = await t.userWithOrg();
    const d = (await declare(user, orgId)).json();
    expect(
      (
        await t.request({
          method: 'POST',
          url: `/api/v1/admin/declarations/${d.id}/revoke`,
          payload: { reason: 'x' },
          as: user,
        })
      ).statusCode,
    ).toBe(403);
    const cookie = await t.operatorCookie('decl-ops@example.test');
    const empty = await t.request({
      method: 'POST',
      url: `/api/v1/admin/declarations/${d.id}/revoke`,
      payload: { reason: ' ' },
      headers: { cookie },
    });
    expect(empty.statusCode).toBe(400);
    const res = await t.request({
      method: 'POST',
      url: `/api/v1/admin/declarations/${d.id}/revoke`,
      payload: { reason: '虚偽の宣言との通報を確認したため' },
      headers: { cookie },
    });
    expect(res.json().status).toBe('revoked');
    const mail = t.mailer.lastTo(user.email);
    expect(mail.subject).toContain('取り消されました');
    expect(mail.text).toContain('虚偽の宣言との通報を確認したため');
  });
});

describe('supply chain', () => {
  it('shows a supplier’s star, its diagnosis total only with consent, and mails the buyer on changes', async () => {
    const buyer = await t.userWithOrg();
    const supplier = await t.userWithOrg();
    const d = (await declare(supplier.user, supplier.orgId)).json();
    const added = await t.request({
      method: 'POST',
      url: `/api/v1/orgs/${buyer.orgId}/suppliers`,
      payload: { label: '部品の仕入先', declarationId: d.id.toLowerCase() },
      as: buyer.user,
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({
      declaration: { id: d.id, star: 1 },
      diagnosisShared: false,
      latestDiagnosis: null,
    });

    const answers = Object.fromEntries(Array.from({ length: 25 }, (_, i) => [String(i + 1), 'partial']));
    await t.request({
      method: 'POST',
      url: `/api/v1/orgs/${supplier.orgId}/diagnoses`,
      payload: { answers },
      as: supplier.user,
    });
    const buyersSeen = (
      await t.request({ method: 'GET', url: `/api/v1/orgs/${supplier.orgId}/buyers`, as: supplier.user })
    ).json();
    expect(buyersSeen.items).toEqual([
      { orgId: buyer.orgId, name: `${buyer.user.name}の会社`, diagnosisShared: false },
    ]);
    await t.request({
      method: 'PUT',
      url: `/api/v1/orgs/${supplier.orgId}/buyers/consent`,
      payload: { buyerOrgId: buyer.orgId, granted: true },
      as: supplier.user,
    });
    const list = (
      await t.request({ method: 'GET', url: `/api/v1/orgs/${buyer.orgId}/suppliers`, as: buyer.user })
    ).json();
    expect(list.items[0]).toMatchObject({ diagnosisShared: true, latestDiagnosis: { total: 50 } });

    await t.request({
      method: 'POST',
      url: `/api/v1/orgs/${supplier.orgId}/declarations/${d.id}/withdraw`,
      as: supplier.user,
    });
    const mail = t.mailer.lastTo(buyer.user.email);
    expect(mail.subject).toContain('取引先');
    expect(mail.text).toContain('取り下げ');
  });

  it('needs a declaration ID or a corporate number, and refuses an unknown ID', async () => {
    const { user, orgId } = await t.userWithOrg();
    const none = await t.request({
      method: 'POST',
      url: `/api/v1/orgs/${orgId}/suppliers`,
      payload: { label: 'x' },
      as: user,
    });
    expect(none.statusCode).toBe(400);
    const unknown = await t.request({
      method: 'POST',
      url: `/api/v1/orgs/${orgId}/suppliers`,
      payload: { label: 'x', declarationId: 'SA-ZZZZ-ZZZZ' },
      as: user,
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('unknown_declaration');
    const byNumber = await t.request({
      method: 'POST',
      url: `/api/v1/orgs/${orgId}/suppliers`,
      payload: { label: '未登録の会社', corporateNumber: '7000012050002' },
      as: user,
    });
    expect(byNumber.json()).toMatchObject({ onMamori: false, declaration: null });
  });
});

describe('tenancy', () => {
  it.each([
    [
      'declare',
      (id: string) => ({ method: 'POST' as const, url: `/api/v1/orgs/${id}/declarations`, payload: oneStar }),
    ],
    [
      'declaration page',
      (id: string) => ({ method: 'GET' as const, url: `/api/v1/orgs/${id}/declarations` }),
    ],
    ['suppliers', (id: string) => ({ method: 'GET' as const, url: `/api/v1/orgs/${id}/suppliers` })],
    ['buyers', (id: string) => ({ method: 'GET' as const, url: `/api/v1/orgs/${id}/buyers` })],
  ])('%s: another organisation gets 404', async (_n, route) => {
    await expectForeignOrg404(t, route);
  });

  it('cannot withdraw another organisation’s declaration', async () => {
    const a = await t.userWithOrg();
    const b = await t.userWithOrg();
    const d = (await declare(b.user, b.orgId)).json();
    const res = await t.request({
      method: 'POST',
      url: `/api/v1/orgs/${a.orgId}/declarations/${d.id}/withdraw`,
      as: a.user,
    });
    expect(res.statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: `/api/v1/declarations/${d.id}` })).json().status).toBe(
      'active',
    );
  });
});

describe('the verification page', () => {
  it('labels the status row in words, not with a message key', async () => {
    const { user, orgId } = await t.userWithOrg();
    const d = (await declare(user, orgId)).json();
    const page = (await t.request({ method: 'GET', url: `/verify/${d.id}` })).body;
    expect(page).toContain('<dt>状態</dt>');
    expect(page).not.toContain('returned an object');
  });
});
