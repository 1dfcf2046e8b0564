import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstLink } from '../../kernel/testing/memory-mailer.ts';
import { createTestApp, expectForeignOrg404, type TestApp } from '../../kernel/testing/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const validOrg = {
  name: '株式会社みまもり製作所',
  kind: 'sme',
  corporateNumber: '7000012050002',
  prefecture: '27',
  industry: 'E',
  employees: '21-50',
  website: 'https://example.co.jp',
};

describe('POST /api/v1/orgs', () => {
  it('needs a signed-in user', async () => {
    const res = await t.request({ method: 'POST', url: '/api/v1/orgs', payload: validOrg });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('unauthenticated');
    expect(res.json().error.message).toBe('ログインが必要です。');
  });

  it('creates the organisation and makes the creator its owner', async () => {
    const user = await t.signUp();
    const res = await t.request({ method: 'POST', url: '/api/v1/orgs', payload: validOrg, as: user });
    expect(res.statusCode).toBe(201);
    const org = res.json();
    expect(org).toMatchObject({ ...validOrg, role: 'owner' });
    const list = await t.request({ method: 'GET', url: '/api/v1/orgs', as: user });
    expect(list.json().items.map((o: { id: string }) => o.id)).toEqual([org.id]);
    const me = await t.request({ method: 'GET', url: '/api/v1/me', as: user });
    expect(me.json().activeOrgId).toBe(org.id);
  });

  it('makes the creator of a provider its manager', async () => {
    const { user, orgId } = await t.userWithOrg('provider');
    const res = await t.request({ method: 'GET', url: `/api/v1/orgs/${orgId}`, as: user });
    expect(res.json()).toMatchObject({ kind: 'provider', role: 'manager' });
  });

  it('rejects a wrong 法人番号 check digit with invalid_corporate_number, in the request language', async () => {
    const user = await t.signUp();
    const bad = { ...validOrg, corporateNumber: '8000012050002' };
    const ja = await t.request({ method: 'POST', url: '/api/v1/orgs', payload: bad, as: user });
    expect(ja.statusCode).toBe(400);
    expect(ja.json().error.code).toBe('invalid_corporate_number');
    expect(ja.json().error.fields.corporateNumber).toContain('検査用数字');
    const en = await t.request({
      method: 'POST',
      url: '/api/v1/orgs',
      payload: bad,
      as: user,
      headers: { 'accept-language': 'en-US,en;q=0.9' },
    });
    expect(en.json().error.fields.corporateNumber).toContain('check digit');
    const list = await t.request({ method: 'GET', url: '/api/v1/orgs', as: user });
    expect(list.json().items).toEqual([]);
  });

  it.each([
    ['unknown prefecture', { prefecture: '48' }, 'prefecture'],
    ['unknown industry', { industry: 'Z' }, 'industry'],
    ['unknown employee band', { employees: '7-9' }, 'employees'],
    ['wrong kind', { kind: 'bank' }, 'kind'],
    ['empty name', { name: '   ' }, 'name'],
    ['non-http website', { website: 'javascript:alert(1)' }, 'website'],
    ['number as name', { name: 42 }, 'name'],
    ['12-digit 法人番号', { corporateNumber: '700001205000' }, 'corporateNumber'],
  ])('answers 400 naming the field for %s', async (_label, patch, field) => {
    const user = await t.signUp();
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/orgs',
      payload: { ...validOrg, ...patch },
      as: user,
    });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields)).toContain(field);
  });

  it('says which fields are missing and which are unknown', async () => {
    const user = await t.signUp();
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/orgs',
      payload: { name: 'x', extra: 1 },
      as: user,
    });
    expect(res.statusCode).toBe(400);
    const { fields } = res.json().error;
    expect(fields.prefecture).toBe('入力してください。');
    expect(fields.body).toContain('extra');
  });

  it('answers 400, not 500, to malformed JSON and 413 to an oversized body', async () => {
    const user = await t.signUp();
    const malformed = await t.request({
      method: 'POST',
      url: '/api/v1/orgs?lang=en',
      payload: '{"name":',
      headers: { 'content-type': 'application/json' },
      as: user,
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error).toMatchObject({ code: 'invalid_json' });
    const huge = await t.request({
      method: 'POST',
      url: '/api/v1/orgs',
      payload: JSON.stringify({ ...validOrg, name: 'x'.repeat(2 * 1024 * 1024) }),
      headers: { 'content-type': 'application/json' },
      as: user,
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe('body_too_large');
  });

  it('refuses a cookie-carrying write from another site (CSRF)', async () => {
    const user = await t.signUp();
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/orgs',
      payload: validOrg,
      headers: { origin: 'https://evil.example' },
      as: user,
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf_rejected');
    const same = await t.request({
      method: 'POST',
      url: '/api/v1/orgs',
      payload: validOrg,
      headers: { origin: 'http://127.0.0.1:3999' },
      as: user,
    });
    expect(same.statusCode).toBe(201);
  });
});

describe('profile', () => {
  it('lets the owner edit and refuses a practitioner', async () => {
    const { user, orgId } = await t.userWithOrg();
    const ok = await t.request({
      method: 'PATCH',
      url: `/api/v1/orgs/${orgId}`,
      payload: { name: '新しい社名', employees: '51-100' },
      as: user,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ name: '新しい社名', employees: '51-100' });

    const practitioner = await joinAs(user, orgId, 'practitioner');
    const denied = await t.request({
      method: 'PATCH',
      url: `/api/v1/orgs/${orgId}`,
      payload: { name: '乗っ取り' },
      as: practitioner,
    });
    expect(denied.statusCode).toBe(403);
    const after = await t.request({ method: 'GET', url: `/api/v1/orgs/${orgId}`, as: user });
    expect(after.json().name).toBe('新しい社名');
  });
});

/** Invites a new user with `role` and has them accept through the mailed link. */
async function joinAs(owner: Awaited<ReturnType<TestApp['signUp']>>, orgId: string, role: string) {
  const invitee = await t.signUp();
  const inv = await t.request({
    method: 'POST',
    url: `/api/v1/orgs/${orgId}/invitations`,
    payload: { email: invitee.email, role },
    as: owner,
  });
  expect(inv.statusCode, inv.body).toBe(201);
  const link = new URL(firstLink(t.mailer.lastTo(invitee.email).text));
  const id = link.pathname.split('/').at(-1) ?? '';
  expect(id).toBe(inv.json().id);
  const accepted = await t.request({ method: 'POST', url: `/api/v1/invitations/${id}/accept`, as: invitee });
  expect(accepted.statusCode, accepted.body).toBe(200);
  return invitee;
}

describe('members and invitations', () => {
  it('invites by e-mail in the invitee’s language; the invitee sees and accepts it', async () => {
    const { user: owner, orgId } = await t.userWithOrg();
    const invitee = await t.signUp({ locale: 'en' });
    const inv = await t.request({
      method: 'POST',
      url: `/api/v1/orgs/${orgId}/invitations`,
      payload: { email: invitee.email, role: 'employee' },
      as: owner,
    });
    expect(inv.statusCode).toBe(201);
    const mail = t.mailer.lastTo(invitee.email);
    expect(mail.subject).toContain('You are invited');
    expect(mail.text).toContain(owner.name);

    const view = await t.request({ method: 'GET', url: `/api/v1/invitations/${inv.json().id}`, as: invitee });
    expect(view.json()).toMatchObject({ role: 'employee', inviterName: owner.name, orgKind: 'sme' });

    const stranger = await t.signUp();
    const wrong = await t.request({
      method: 'POST',
      url: `/api/v1/invitations/${inv.json().id}/accept`,
      as: stranger,
    });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error.code).toBe('invitation_email_mismatch');

    const ok = await t.request({
      method: 'POST',
      url: `/api/v1/invitations/${inv.json().id}/accept`,
      as: invitee,
    });
    expect(ok.json()).toEqual({ orgId });
    const members = await t.request({ method: 'GET', url: `/api/v1/orgs/${orgId}/members`, as: owner });
    expect(members.json().members.map((m: { email: string; role: string }) => [m.email, m.role])).toEqual([
      [owner.email, 'owner'],
      [invitee.email, 'employee'],
    ]);
    expect(members.json().invitations).toEqual([]);
    const again = await t.request({
      method: 'POST',
      url: `/api/v1/invitations/${inv.json().id}/accept`,
      as: invitee,
    });
    expect(again.statusCode).toBe(404);
  });

  it('keeps roles to the organisation kind', async () => {
    const { user, orgId } = await t.userWithOrg('provider');
    const res = await t.request({
      method: 'POST',
      url: `/api/v1/orgs/${orgId}/invitations`,
      payload: { email: 'x@example.test', role: 'practitioner' },
      as: user,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('role_not_allowed');
    const analyst = await t.request({
      method: 'POST',
      url: `/api/v1/orgs/${orgId}/invitations`,
      payload: { email: 'x@example.test', role: 'analyst' },
      as: user,
    });
    expect(analyst.statusCode).toBe(201);
  });

  it('changes roles and removes members, but never the last owner', async () => {
    const { user: owner, orgId } = await t.userWithOrg();
    const p = await joinAs(owner, orgId, 'practitioner');
    const list = (await t.request({ method: 'GET', url: `/api/v1/orgs/${orgId}/members`, as: owner })).json();
    const ownerMember = list.members.find((m: { email: string }) => m.email === owner.email);
    const pMember = list.members.find((m: { email: string }) => m.email === p.email);

    const demote = await t.request({
      method: 'PATCH',
      url: `/api/v1/orgs/${orgId}/members/${ownerMember.id}`,
      payload: { role: 'employee' },
      as: owner,
    });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().error.code).toBe('last_owner');

    const promote = await t.request({
      method: 'PATCH',
      url: `/api/v1/orgs/${orgId}/members/${pMember.id}`,
      payload: { role: 'owner' },
      as: owner,
    });
    expect(promote.json().role).toBe('owner');
    const removed = await t.request({
      method: 'DELETE',
      url: `/api/v1/orgs/${orgId}/members/${pMember.id}`,
      as: owner,
    });
    expect(removed.statusCode).toBe(204);
    const gone = await t.request({ method: 'GET', url: `/api/v1/orgs/${orgId}`, as: p });
    expect(gone.statusCode).toBe(404);
  });

  it('cancels a pending invitation', async () => {
    const { user, orgId } = await t.userWithOrg();
    const inv = await t.request({
      method: 'POST',
      url: `/api/v1/orgs/${orgId}/invitations`,
      payload: { email: 'later@example.test', role: 'employee' },
      as: user,
    });
    const del = await t.request({
      method: 'DELETE',
      url: `/api/v1/orgs/${orgId}/invitations/${inv.json().id}`,
      as: user,
    });
    expect(del.statusCode).toBe(204);
    const members = await t.request({ method: 'GET', url: `/api/v1/orgs/${orgId}/members`, as: user });
    expect(members.json().invitations).toEqual([]);
  });

  it('switches the active organisation', async () => {
    const { user, orgId: first } = await t.userWithOrg();
    const second = await t.request({
      method: 'POST',
      url: '/api/v1/orgs',
      payload: { ...validOrg, name: '二社目', corporateNumber: undefined },
      as: user,
    });
    expect((await t.request({ method: 'GET', url: '/api/v1/me', as: user })).json().activeOrgId).toBe(
      second.json().id,
    );
    const res = await t.request({ method: 'POST', url: `/api/v1/orgs/${first}/activate`, as: user });
    expect(res.json()).toEqual({ activeOrgId: first });
    const me = await t.request({ method: 'GET', url: '/api/v1/me', as: user });
    expect(me.json().activeOrgId).toBe(first);
    expect(me.json().orgs).toHaveLength(2);
  });
});

describe('tenancy: another organisation’s member gets 404 on every org route', () => {
  it.each([
    ['GET org', (id: string) => ({ method: 'GET' as const, url: `/api/v1/orgs/${id}` })],
    [
      'PATCH org',
      (id: string) => ({ method: 'PATCH' as const, url: `/api/v1/orgs/${id}`, payload: { name: 'x' } }),
    ],
    ['activate', (id: string) => ({ method: 'POST' as const, url: `/api/v1/orgs/${id}/activate` })],
    ['members', (id: string) => ({ method: 'GET' as const, url: `/api/v1/orgs/${id}/members` })],
    [
      'invite',
      (id: string) => ({
        method: 'POST' as const,
        url: `/api/v1/orgs/${id}/invitations`,
        payload: { email: 'spy@example.test', role: 'owner' },
      }),
    ],
    [
      'cancel invitation',
      (id: string) => ({ method: 'DELETE' as const, url: `/api/v1/orgs/${id}/invitations/any` }),
    ],
    [
      'change role',
      (id: string) => ({
        method: 'PATCH' as const,
        url: `/api/v1/orgs/${id}/members/any`,
        payload: { role: 'owner' },
      }),
    ],
    ['remove member', (id: string) => ({ method: 'DELETE' as const, url: `/api/v1/orgs/${id}/members/any` })],
  ])('%s', async (_name, route) => {
    await expectForeignOrg404(t, route);
  });

  it('does not let a member act on another organisation’s member id', async () => {
    const a = await t.userWithOrg();
    const b = await t.userWithOrg();
    const bMembers = (
      await t.request({ method: 'GET', url: `/api/v1/orgs/${b.orgId}/members`, as: b.user })
    ).json();
    const res = await t.request({
      method: 'DELETE',
      url: `/api/v1/orgs/${a.orgId}/members/${bMembers.members[0].id}`,
      as: a.user,
    });
    expect(res.statusCode).toBe(404);
  });
});

describe('audit', () => {
  it('records who created the organisation, from where', async () => {
    const { user, orgId } = await t.userWithOrg();
    const { listAudit } = await import('../../kernel/audit/audit.ts');
    const { items } = await listAudit(t.database.db, { orgId, page: 1 });
    expect(items.map((i) => i.action)).toContain('orgs.create');
    const entry = items.find((i) => i.action === 'orgs.create');
    expect(entry).toMatchObject({ actorEmail: user.email, target: orgId, ip: '127.0.0.1' });
  });
});
