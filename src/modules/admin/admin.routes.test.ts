import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureOperator } from '../../kernel/auth/operator.ts';
import { cookieHeader, createTestApp, type TestApp, type TestUser } from '../../kernel/testing/test-app.ts';

let t: TestApp;
let operator: TestUser;
beforeAll(async () => {
  t = await createTestApp();
  await ensureOperator(t.app.mamori, { email: 'ops@example.test', password: 'operator-password' });
  const res = await t.request({
    method: 'POST',
    url: '/api/auth/sign-in/email',
    payload: { email: 'ops@example.test', password: 'operator-password' },
  });
  expect(res.statusCode).toBe(200);
  operator = {
    id: res.json().user.id,
    email: 'ops@example.test',
    name: '運営者',
    password: 'operator-password',
    cookie: cookieHeader(res),
  };
});
afterAll(() => t.close());

describe('operator console', () => {
  it.each(['/api/v1/admin/orgs', '/api/v1/admin/users', '/api/v1/admin/audit', '/api/v1/admin/outbox'])(
    '%s is for operators only',
    async (url) => {
      expect((await t.request({ method: 'GET', url })).statusCode).toBe(401);
      const { user } = await t.userWithOrg();
      const res = await t.request({ method: 'GET', url, as: user });
      expect(res.statusCode).toBe(403);
      expect((await t.request({ method: 'GET', url, as: operator })).statusCode).toBe(200);
    },
  );

  it('lists organisations across tenants with member counts and search', async () => {
    const { user, orgId } = await t.userWithOrg('provider');
    const res = await t.request({
      method: 'GET',
      url: `/api/v1/admin/orgs?q=${encodeURIComponent(user.name)}`,
      as: operator,
    });
    expect(res.json()).toMatchObject({ total: 1, items: [{ id: orgId, kind: 'provider', memberCount: 1 }] });
  });

  it('lists users and marks the operator', async () => {
    const res = await t.request({ method: 'GET', url: '/api/v1/admin/users?q=ops@', as: operator });
    expect(res.json().items).toEqual([
      expect.objectContaining({ email: 'ops@example.test', isOperator: true }),
    ]);
  });

  it('reads the audit log, filtered by action', async () => {
    const { orgId } = await t.userWithOrg();
    const res = await t.request({
      method: 'GET',
      url: '/api/v1/admin/audit?action=orgs.create',
      as: operator,
    });
    const items = res.json().items as Array<{ action: string; orgId: string; orgName: string }>;
    expect(items.every((i) => i.action === 'orgs.create')).toBe(true);
    expect(items.find((i) => i.orgId === orgId)?.orgName).toContain('の会社');
  });

  it('rejects a bad page number with 400', async () => {
    const res = await t.request({ method: 'GET', url: '/api/v1/admin/audit?page=0', as: operator });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields)).toEqual(['page']);
  });

  it('lists the scheduled jobs and runs one on demand, for operators only', async () => {
    const list = await t.request({ method: 'GET', url: '/api/v1/admin/jobs', as: operator });
    expect(list.statusCode).toBe(200);
    const names = list.json().items.map((j: { name: string }) => j.name);
    expect(names).toContain('monitoring.retention');
    const { user } = await t.userWithOrg();
    const url = '/api/v1/admin/jobs/monitoring.retention/run';
    expect((await t.request({ method: 'POST', url, as: user })).statusCode).toBe(403);
    expect((await t.request({ method: 'POST', url, as: operator })).statusCode).toBe(204);
    const missing = await t.request({
      method: 'POST',
      url: '/api/v1/admin/jobs/no.such-job/run',
      as: operator,
    });
    expect(missing.statusCode).toBe(404);
  });
});
