import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstLink } from '../../kernel/testing/memory-mailer.ts';
import {
  createTestApp,
  expectForeignOrg404,
  PUBLIC_URL,
  type TestApp,
  type TestUser,
} from '../../kernel/testing/test-app.ts';
import { ownersModule } from './module.ts';
import { sendReviewReminders } from './owners.reminders.ts';
import { contractorDto, cornerDto } from './owners.schema.ts';

let t: TestApp;
let operatorCookie: string;
beforeAll(async () => {
  t = await createTestApp();
  operatorCookie = await t.operatorCookie('owners-ops@example.test');
});
afterAll(() => t.close());

async function join(owner: TestUser, orgId: string, role: string, locale: 'ja' | 'en' = 'ja') {
  const u = await t.signUp({ locale });
  const inv = await t.request({
    method: 'POST',
    url: `/api/v1/orgs/${orgId}/invitations`,
    payload: { email: u.email, role },
    as: owner,
  });
  expect(inv.statusCode, inv.body).toBe(201);
  const acc = await t.request({ method: 'POST', url: `/api/v1/invitations/${inv.json().id}/accept`, as: u });
  expect(acc.statusCode, acc.body).toBe(200);
  return u;
}

const getCorner = async (u: TestUser, orgId: string, lang = 'ja') => {
  const res = await t.request({ method: 'GET', url: `/api/v1/orgs/${orgId}/owners?lang=${lang}`, as: u });
  expect(res.statusCode, res.body).toBe(200);
  return cornerDto.parse(res.json());
};

const patchAction = (u: TestUser, orgId: string, no: number | string, payload: Record<string, unknown>) =>
  t.request({ method: 'PATCH', url: `/api/v1/orgs/${orgId}/owners/actions/${no}`, payload, as: u });

const addContractor = (u: TestUser, orgId: string, payload: Record<string, unknown>) =>
  t.request({
    method: 'POST',
    url: `/api/v1/orgs/${orgId}/owners/contractors`,
    payload: { entrusted: '顧客名簿', confidentiality: 'yes', declared: 'none', ...payload },
    as: u,
  });

describe('GET /api/v1/owners/why (public)', () => {
  it('explains the 3 reasons, the 3 pitfalls and the 3 principles in the request language', async () => {
    const ja = (await t.request({ method: 'GET', url: '/api/v1/owners/why' })).json();
    expect(ja.minutes).toBe(3);
    expect(ja.reasons.items).toHaveLength(3);
    expect(ja.pitfalls.items.map((p: { title: string }) => p.title)).toEqual([
      '従業員に任せきり',
      'ルールを作りっぱなしで見直さない',
      '委託先を監督していない',
    ]);
    expect(ja.pitfalls.items[2].actions).toEqual([
      { no: 6, title: '委託先や外部サービスとの責任をはっきりさせる' },
    ]);
    expect(ja.principles).toHaveLength(3);
    const en = (await t.request({ method: 'GET', url: '/api/v1/owners/why?lang=en' })).json();
    expect(en.pitfalls.items[0].title).toBe('Leaving it to staff');
  });
});

describe("the owner's checklist", () => {
  it('starts with 7 actions not started, each pointing at the page that carries it out', async () => {
    const { user, orgId } = await t.userWithOrg();
    const c = await getCorner(user, orgId);
    expect(c.principles.map((p) => p.no)).toEqual([1, 2, 3]);
    expect(c.actions.map((a) => [a.no, a.status])).toEqual(
      [1, 2, 3, 4, 5, 6, 7].map((no) => [no, 'not_started']),
    );
    expect(c.summary).toEqual({ done: 0, inProgress: 0, notStarted: 7, overdue: 0, total: 7, next: 1 });
    expect(c.canEdit).toBe(true);
    expect(c.actions[0]?.links[0]?.path).toBe(`/orgs/${orgId}/policies`);
    expect(c.actions[5]?.links[0]?.path).toBe(`/orgs/${orgId}/owners/contractors`);
    expect(c.actions[0]?.title).toBe('会社としての方針を決める');
    expect((await getCorner(user, orgId, 'en')).actions[0]?.title).toBe('Set a company-wide policy');
  });

  it('records status, responsible member, note and review date; tells the member; audits', async () => {
    const { user: owner, orgId } = await t.userWithOrg();
    const p = await join(owner, orgId, 'practitioner', 'en');
    const res = await patchAction(owner, orgId, 1, {
      status: 'done',
      responsibleUserId: p.id,
      note: '基本方針を朝礼で伝えた',
      reviewDate: '2099-04-01',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      no: 1,
      status: 'done',
      responsibleName: p.name,
      note: '基本方針を朝礼で伝えた',
      reviewDate: '2099-04-01',
      overdue: false,
    });
    const mail = t.mailer.lastTo(p.email);
    expect(mail.subject).toBe('You are now responsible for owner\'s action 1 "Set a company-wide policy"');
    expect(firstLink(mail.text)).toBe(`${PUBLIC_URL}/orgs/${orgId}/owners#action-1`);

    await patchAction(owner, orgId, 3, { status: 'in_progress', reviewDate: '2000-01-01' });
    const c = await getCorner(owner, orgId);
    expect(c.summary).toEqual({ done: 1, inProgress: 1, notStarted: 5, overdue: 1, total: 7, next: 3 });
    expect(c.actions[2]).toMatchObject({ overdue: true, status: 'in_progress' });

    // Choosing yourself sends no mail.
    const before = t.mailer.sent.length;
    await patchAction(owner, orgId, 2, { responsibleUserId: owner.id });
    expect(t.mailer.sent.length).toBe(before);

    const audit = await t.request({
      method: 'GET',
      url: `/api/v1/admin/audit?action=owners.action_update&orgId=${orgId}`,
      headers: { cookie: operatorCookie },
    });
    expect(
      audit
        .json()
        .items.map((i: { target: string }) => i.target)
        .sort(),
    ).toEqual(['action-1', 'action-2', 'action-3']);
  });

  it('refuses bad input with a clear 400 and changes nothing', async () => {
    const { user, orgId } = await t.userWithOrg();
    const outsider = await t.signUp();
    const cases: Array<[number | string, Record<string, unknown>, string]> = [
      [1, { status: 'finished' }, 'status'],
      [1, { reviewDate: '2026-02-30' }, 'reviewDate'],
      [1, { note: 'x'.repeat(2001) }, 'note'],
      [1, { colour: 'red' }, 'body'],
      [8, { status: 'done' }, 'no'],
      ['one', { status: 'done' }, 'no'],
    ];
    for (const [no, payload, field] of cases) {
      const res = await patchAction(user, orgId, no, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(Object.keys(res.json().error.fields), JSON.stringify(payload)).toContain(field);
    }
    const empty = await patchAction(user, orgId, 1, {});
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields.body).toBe('変更する項目を1つ以上送ってください。');
    const stranger = await patchAction(user, orgId, 1, { responsibleUserId: outsider.id, status: 'done' });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().error.code).toBe('responsible_not_member');
    const en = await t.request({
      method: 'PATCH',
      url: `/api/v1/orgs/${orgId}/owners/actions/1?lang=en`,
      payload: { reviewDate: 'tomorrow' },
      as: user,
    });
    expect(en.json().error.fields.reviewDate).toMatch(/date/i);
    expect((await getCorner(user, orgId)).summary.notStarted).toBe(7);
  });

  it('lets employees read the checklist, and move only their own action along', async () => {
    const { user: owner, orgId } = await t.userWithOrg();
    const e = await join(owner, orgId, 'employee');
    const c = await getCorner(e, orgId);
    expect(c.canEdit).toBe(false);
    expect(c.contractors).toEqual({ total: 0, withoutTerms: 0, unknownTerms: 0 });
    expect((await patchAction(e, orgId, 7, { status: 'done' })).statusCode).toBe(403);

    await patchAction(owner, orgId, 7, { responsibleUserId: e.id });
    const mine = await patchAction(e, orgId, 7, { status: 'in_progress', note: '注意喚起を2件転送した' });
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json()).toMatchObject({ status: 'in_progress', note: '注意喚起を2件転送した' });
    expect((await patchAction(e, orgId, 7, { reviewDate: '2099-01-01' })).statusCode).toBe(403);
    expect((await patchAction(e, orgId, 7, { responsibleUserId: owner.id })).statusCode).toBe(403);
    expect((await patchAction(e, orgId, 6, { status: 'done' })).statusCode).toBe(403);
  });

  it('answers 404 to members of other organisations on every route', async () => {
    await expectForeignOrg404(t, (orgId) => ({ method: 'GET', url: `/api/v1/orgs/${orgId}/owners` }));
    await expectForeignOrg404(t, (orgId) => ({
      method: 'PATCH',
      url: `/api/v1/orgs/${orgId}/owners/actions/1`,
      payload: { status: 'done' },
    }));
    await expectForeignOrg404(t, (orgId) => ({
      method: 'GET',
      url: `/api/v1/orgs/${orgId}/owners/contractors`,
    }));
    await expectForeignOrg404(t, (orgId) => ({
      method: 'POST',
      url: `/api/v1/orgs/${orgId}/owners/contractors`,
      payload: { name: 'x', entrusted: 'y', confidentiality: 'yes', declared: 'none' },
    }));
    await expectForeignOrg404(t, (orgId) => ({
      method: 'PATCH',
      url: `/api/v1/orgs/${orgId}/owners/contractors/any`,
      payload: { name: 'x' },
    }));
    await expectForeignOrg404(t, (orgId) => ({
      method: 'DELETE',
      url: `/api/v1/orgs/${orgId}/owners/contractors/any`,
    }));
  });

  it('needs a session', async () => {
    const { orgId } = await t.userWithOrg();
    const res = await t.request({ method: 'GET', url: `/api/v1/orgs/${orgId}/owners` });
    expect(res.statusCode).toBe(401);
  });
});

describe('review reminders and the weekly digest', () => {
  it('mails the responsible member on the review date in their language, once per date', async () => {
    const { user: owner, orgId } = await t.userWithOrg();
    const p = await join(owner, orgId, 'practitioner', 'en');
    await patchAction(owner, orgId, 4, { responsibleUserId: p.id, reviewDate: '2020-03-01' });
    const toP = () => t.mailer.sent.filter((m) => m.to === p.email).length;
    const assigned = toP();
    await sendReviewReminders(t.app.mamori, new Date('2020-02-29T09:00:00+09:00'));
    expect(toP()).toBe(assigned);

    await sendReviewReminders(t.app.mamori, new Date('2020-03-01T00:30:00+09:00'));
    const mail = t.mailer.lastTo(p.email);
    expect(mail.subject).toBe('Review day: owner\'s action 4 "Have the measures reviewed regularly"');
    expect(mail.text).toContain('1 March 2020');
    expect(firstLink(mail.text)).toBe(`${PUBLIC_URL}/orgs/${orgId}/owners#action-4`);
    expect(toP()).toBe(assigned + 1);
    await sendReviewReminders(t.app.mamori, new Date('2020-03-02T09:00:00+09:00'));
    expect(toP()).toBe(assigned + 1);

    // A new review date earns a new reminder.
    await patchAction(owner, orgId, 4, { reviewDate: '2020-09-01' });
    await sendReviewReminders(t.app.mamori, new Date('2020-09-01T09:00:00+09:00'));
    expect(toP()).toBe(assigned + 2);
  });

  it('mails the owners in Japanese when nobody is responsible', async () => {
    const { user: owner, orgId } = await t.userWithOrg();
    await patchAction(owner, orgId, 5, { reviewDate: '2021-06-01' });
    await sendReviewReminders(t.app.mamori, new Date('2021-06-01T09:00:00+09:00'));
    const mail = t.mailer.lastTo(owner.email);
    expect(mail.subject).toBe('見直しの日です: 経営者の取組 5「緊急時の連絡と復旧の体制を整える」');
    expect(mail.text).toContain('2021年6月1日');
  });

  it("lists a member's overdue actions and those due in the coming week in the weekly digest", async () => {
    const { user: owner, orgId } = await t.userWithOrg();
    const p = await join(owner, orgId, 'practitioner');
    const e = await join(owner, orgId, 'employee');
    await patchAction(owner, orgId, 1, { responsibleUserId: p.id, reviewDate: '2030-01-05' });
    await patchAction(owner, orgId, 2, { responsibleUserId: p.id, reviewDate: '2030-02-01' });
    await patchAction(owner, orgId, 4, { responsibleUserId: p.id, reviewDate: '2030-01-15' });
    await patchAction(owner, orgId, 3, { reviewDate: '2000-01-01' });
    const digest = ownersModule.digest;
    if (!digest) throw new Error('owners contributes a digest');
    const req = (userId: string) => ({
      orgId,
      userId,
      lang: 'ja' as const,
      since: new Date('2030-01-01T00:00:00+09:00'),
      until: new Date('2030-01-08T00:00:00+09:00'),
    });
    const mine = await digest(t.app.mamori, req(p.id));
    expect(mine?.title).toBe('経営者の取組: 見直しの予定');
    expect(mine?.items.map((i) => i.text)).toEqual([
      '取組 1「会社としての方針を決める」の見直し日: 2030年1月5日',
      '取組 4「対策を定期的に見直させる」の見直し日: 2030年1月15日',
    ]);
    expect(mine?.items[0]?.url).toBe(`${PUBLIC_URL}/orgs/${orgId}/owners#action-1`);
    // Nobody is responsible for action 3: it goes to the owner, as overdue.
    const owners = await digest(t.app.mamori, req(owner.id));
    expect(owners?.items.map((i) => i.text)).toEqual([
      '取組 3「必要な対策を考えさせ、実行を指示する」の見直し日を過ぎています（2000年1月1日）',
    ]);
    expect(await digest(t.app.mamori, req(e.id))).toBeNull();
  });
});

describe('contractor check', () => {
  it('links a contractor to its declaration in the registry by declaration ID or 法人番号', async () => {
    const supplier = await t.userWithOrg();
    const declared = await t.request({
      method: 'POST',
      url: `/api/v1/orgs/${supplier.orgId}/declarations`,
      payload: { star: 1, pledges: [1, 2, 3, 4, 5] },
      as: supplier.user,
    });
    expect(declared.statusCode, declared.body).toBe(201);
    const id = declared.json().id as string;

    const { user, orgId } = await t.userWithOrg();
    const res = await addContractor(user, orgId, {
      name: '株式会社クラウド経理',
      declared: 'one_star',
      declarationId: id.toLowerCase(),
    });
    expect(res.statusCode, res.body).toBe(201);
    const c = contractorDto.parse(res.json());
    expect(c.declarationId).toBe(id);
    expect(c.registry).toMatchObject({
      id,
      star: 1,
      status: 'active',
      verifyUrl: `${PUBLIC_URL}/verify/${id}`,
    });
    expect(c.mismatch).toBe(false);

    // Claims ★★ but the registry says ★: the owner is told.
    const claimed = await t.request({
      method: 'PATCH',
      url: `/api/v1/orgs/${orgId}/owners/contractors/${c.id}`,
      payload: { declared: 'two_star' },
      as: user,
    });
    expect(claimed.json()).toMatchObject({ declared: 'two_star', mismatch: true });

    // An ID from IPA's own registry is kept as typed, without a link.
    const ipa = await addContractor(user, orgId, {
      name: '有限会社配送',
      declared: 'two_star',
      declarationId: '12345678',
    });
    expect(ipa.json()).toMatchObject({ declarationId: '12345678', registry: null, mismatch: false });

    const list = await t.request({
      method: 'GET',
      url: `/api/v1/orgs/${orgId}/owners/contractors`,
      as: user,
    });
    expect(list.json()).toMatchObject({ total: 2, page: 1, pageSize: 20 });
    expect(list.json().items.map((i: { name: string }) => i.name)).toEqual([
      '有限会社配送',
      '株式会社クラウド経理',
    ]);
    expect((await getCorner(user, orgId)).contractors).toEqual({
      total: 2,
      withoutTerms: 0,
      unknownTerms: 0,
    });

    const audit = await t.request({
      method: 'GET',
      url: `/api/v1/admin/audit?orgId=${orgId}`,
      headers: { cookie: operatorCookie },
    });
    expect(audit.json().items.map((i: { action: string }) => i.action)).toEqual(
      expect.arrayContaining(['owners.contractor_create', 'owners.contractor_update']),
    );

    const gone = await t.request({
      method: 'DELETE',
      url: `/api/v1/orgs/${orgId}/owners/contractors/${c.id}`,
      as: user,
    });
    expect(gone.statusCode).toBe(204);
    const again = await t.request({
      method: 'DELETE',
      url: `/api/v1/orgs/${orgId}/owners/contractors/${c.id}`,
      as: user,
    });
    expect(again.statusCode).toBe(404);
  });

  it('finds the declaration by 法人番号 when the contractor is on Mamori', async () => {
    const supplier = await t.signUp();
    const made = await t.request({
      method: 'POST',
      url: '/api/v1/orgs',
      as: supplier,
      payload: {
        name: '株式会社番号あり',
        kind: 'sme',
        corporateNumber: '2021001052596',
        prefecture: '27',
        industry: 'E',
        employees: '21-50',
      },
    });
    expect(made.statusCode, made.body).toBe(201);
    await t.request({
      method: 'POST',
      url: `/api/v1/orgs/${made.json().id}/declarations`,
      payload: { star: 1, pledges: [1, 2, 3, 4, 5] },
      as: supplier,
    });
    const { user, orgId } = await t.userWithOrg();
    const res = await addContractor(user, orgId, { name: '番号で探す', corporateNumber: '2021001052596' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().registry).toMatchObject({ orgName: '株式会社番号あり', star: 1, status: 'active' });
    expect(res.json().mismatch).toBe(true); // recorded "none", the registry says ★
  });

  it('refuses bad input with a clear 400 and creates nothing', async () => {
    const { user, orgId } = await t.userWithOrg();
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ name: '' }, 'name', 'validation_failed'],
      [{ name: 'A社', confidentiality: 'maybe' }, 'confidentiality', 'validation_failed'],
      [{ name: 'A社', declared: 'three_star' }, 'declared', 'validation_failed'],
      [{ name: 'A社', corporateNumber: '1234' }, 'corporateNumber', 'invalid_corporate_number'],
      [{ name: 'A社', corporateNumber: '1021001052596' }, 'corporateNumber', 'invalid_corporate_number'],
      [{ name: 'A社', declarationId: 'SA 1234' }, 'declarationId', 'validation_failed'],
      [{ name: 'A社', declarationId: 'SA-0000-0000' }, 'declarationId', 'unknown_declaration'],
    ];
    for (const [payload, field, code] of cases) {
      const res = await addContractor(user, orgId, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.code, JSON.stringify(payload)).toBe(code);
      expect(Object.keys(res.json().error.fields), JSON.stringify(payload)).toContain(field);
    }
    const unknown = await addContractor(user, orgId, { name: 'A社', declarationId: 'SA-0000-0000' });
    expect(unknown.json().error.fields.declarationId).toBe(
      'この宣言IDは Mamori の登録簿に見つかりません。IDを確かめてください。',
    );
    const list = await t.request({
      method: 'GET',
      url: `/api/v1/orgs/${orgId}/owners/contractors`,
      as: user,
    });
    expect(list.json().total).toBe(0);
    const page0 = await t.request({
      method: 'GET',
      url: `/api/v1/orgs/${orgId}/owners/contractors?page=0`,
      as: user,
    });
    expect(page0.statusCode).toBe(400);
  });

  it('pages by 20 and searches by name or entrusted information', async () => {
    const { user, orgId } = await t.userWithOrg();
    for (let i = 1; i <= 21; i++) {
      const res = await addContractor(user, orgId, {
        name: `委託先${String(i).padStart(2, '0')}`,
        entrusted: i === 7 ? '給与データ' : '顧客名簿',
      });
      expect(res.statusCode).toBe(201);
    }
    const p2 = (
      await t.request({ method: 'GET', url: `/api/v1/orgs/${orgId}/owners/contractors?page=2`, as: user })
    ).json();
    expect(p2).toMatchObject({ total: 21, page: 2 });
    expect(p2.items.map((i: { name: string }) => i.name)).toEqual(['委託先21']);
    const q = (
      await t.request({
        method: 'GET',
        url: `/api/v1/orgs/${orgId}/owners/contractors?q=${encodeURIComponent('給与')}`,
        as: user,
      })
    ).json();
    expect(q.items.map((i: { name: string }) => i.name)).toEqual(['委託先07']);
    const pct = (
      await t.request({ method: 'GET', url: `/api/v1/orgs/${orgId}/owners/contractors?q=%25`, as: user })
    ).json();
    expect(pct.total).toBe(0);
  });

  it('keeps the contractor list from employees', async () => {
    const { user: owner, orgId } = await t.userWithOrg();
    const e = await join(owner, orgId, 'employee');
    const p = await join(owner, orgId, 'practitioner');
    expect(
      (await t.request({ method: 'GET', url: `/api/v1/orgs/${orgId}/owners/contractors`, as: e })).statusCode,
    ).toBe(403);
    expect((await addContractor(e, orgId, { name: 'B社' })).statusCode).toBe(403);
    expect((await addContractor(p, orgId, { name: 'B社' })).statusCode).toBe(201);
  });
});
