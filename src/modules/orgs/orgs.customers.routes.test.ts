import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, expectForeignOrg404, type TestApp } from '../../kernel/testing/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('provider ↔ SME service links', () => {
  it('the SME owner entrusts a provider; its managers are mailed; both sides see the link', async () => {
    const sme = await t.userWithOrg('sme');
    const provider = await t.userWithOrg('provider');
    const found = await t.request({ method: 'GET', url: '/api/v1/providers?q=の会社', as: sme.user });
    expect(found.json().items.map((p: { id: string }) => p.id)).toContain(provider.orgId);
    expect(found.json().items.map((p: { id: string }) => p.id)).not.toContain(sme.orgId);

    const granted = await t.request({
      method: 'POST',
      url: `/api/v1/orgs/${sme.orgId}/providers`,
      as: sme.user,
      payload: { providerOrgId: provider.orgId },
    });
    expect(granted.statusCode, granted.body).toBe(201);
    expect(granted.json().items).toHaveLength(1);
    const mail = t.mailer.lastTo(provider.user.email);
    expect(mail.subject).toContain('見守りサービスの依頼');
    expect(mail.text).toContain(`/orgs/${provider.orgId}/customers`);

    const again = await t.request({
      method: 'POST',
      url: `/api/v1/orgs/${sme.orgId}/providers`,
      as: sme.user,
      payload: { providerOrgId: provider.orgId },
    });
    expect(again.json().items).toHaveLength(1);

    const customers = await t.request({
      method: 'GET',
      url: `/api/v1/orgs/${provider.orgId}/customers`,
      as: provider.user,
    });
    expect(customers.json().items).toEqual([
      expect.objectContaining({ customerOrgId: sme.orgId, providerOrgId: provider.orgId }),
    ]);
  });

  it('refuses a non-provider target, a provider granting, and a non-owner', async () => {
    const sme = await t.userWithOrg('sme');
    const other = await t.userWithOrg('sme');
    const bad = await t.request({
      method: 'POST',
      url: `/api/v1/orgs/${sme.orgId}/providers?lang=en`,
      as: sme.user,
      payload: { providerOrgId: other.orgId },
    });
    expect(bad.statusCode).toBe(404);
    expect(bad.json().error.message).toBe('That provider could not be found.');

    const provider = await t.userWithOrg('provider');
    const reverse = await t.request({
      method: 'POST',
      url: `/api/v1/orgs/${provider.orgId}/providers`,
      as: provider.user,
      payload: { providerOrgId: provider.orgId },
    });
    expect(reverse.statusCode).toBe(403);
    const empty = await t.request({
      method: 'POST',
      url: `/api/v1/orgs/${sme.orgId}/providers`,
      as: sme.user,
      payload: {},
    });
    expect(empty.statusCode).toBe(400);
    const list = await t.request({ method: 'GET', url: `/api/v1/orgs/${sme.orgId}/providers`, as: sme.user });
    expect(list.json().items).toEqual([]);
  });

  it('either side ends the link; the provider no longer lists the customer', async () => {
    const { sme, provider } = await t.servedSme();
    const end = await t.request({
      method: 'DELETE',
      url: `/api/v1/orgs/${provider.orgId}/customers/${sme.orgId}`,
      as: provider.user,
    });
    expect(end.statusCode).toBe(204);
    const customers = await t.request({
      method: 'GET',
      url: `/api/v1/orgs/${provider.orgId}/customers`,
      as: provider.user,
    });
    expect(customers.json().items).toEqual([]);
    const twice = await t.request({
      method: 'DELETE',
      url: `/api/v1/orgs/${sme.orgId}/providers/${provider.orgId}`,
      as: sme.user,
    });
    expect(twice.statusCode).toBe(404);
  });

  it('keeps links private to both parties', async () => {
    await expectForeignOrg404(t, (orgId) => ({ method: 'GET', url: `/api/v1/orgs/${orgId}/providers` }));
    await expectForeignOrg404(t, (orgId) => ({
      method: 'POST',
      url: `/api/v1/orgs/${orgId}/providers`,
      payload: { providerOrgId: orgId },
    }));
    const { provider } = await t.servedSme();
    const stranger = await t.userWithOrg('provider');
    const res = await t.request({
      method: 'GET',
      url: `/api/v1/orgs/${provider.orgId}/customers`,
      as: stranger.user,
    });
    expect(res.statusCode).toBe(404);
  });
});
