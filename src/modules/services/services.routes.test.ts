import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../kernel/testing/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const estimate = (payload: object, lang = 'ja') =>
  t.request({ method: 'POST', url: `/api/v1/subsidy/estimate?lang=${lang}`, payload });

describe('POST /api/v1/subsidy/estimate', () => {
  it('estimates with the year’s rules and lists the conditions', async () => {
    const res = await estimate({ fiscalYear: 2025, monthlyFee: 10_000, months: 24, smallBusiness: true });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      eligible: true,
      rate: 2 / 3,
      subsidy: 160_000,
      maxSubsidy: 1_500_000,
      confirmed: true,
    });
    expect(res.json().conditions.join()).toContain('SECURITY ACTION');
  });

  it('reports an amount below the minimum as not eligible, with the reason', async () => {
    const res = await estimate({ fiscalYear: 2024, monthlyFee: 2_000, months: 12, smallBusiness: false });
    expect(res.json()).toMatchObject({ eligible: false, reasonCode: 'below_minimum', subsidy: 0 });
    expect(res.json().reason).toContain('50,000');
  });

  it('says when a year’s rules are unconfirmed', async () => {
    const res = await estimate({ fiscalYear: 2026, monthlyFee: 10_000, months: 24, smallBusiness: false });
    expect(res.json()).toMatchObject({ confirmed: false });
    expect(res.json().note).toContain('確認できていない');
  });

  it.each([
    [{ months: 0 }, 'months'],
    [{ months: 25 }, 'months'],
    [{ monthlyFee: -1 }, 'monthlyFee'],
    [{ monthlyFee: 1.5 }, 'monthlyFee'],
    [{ fiscalYear: 2019 }, 'fiscalYear'],
    [{ smallBusiness: 'yes' }, 'smallBusiness'],
  ])('answers 400 naming the field for %o', async (patch, field) => {
    const res = await estimate({
      fiscalYear: 2025,
      monthlyFee: 10_000,
      months: 24,
      smallBusiness: false,
      ...patch,
    });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields)).toEqual([field]);
  });

  it('accepts exactly 24 months', async () => {
    expect(
      (await estimate({ fiscalYear: 2025, monthlyFee: 10_000, months: 24, smallBusiness: false })).statusCode,
    ).toBe(200);
  });
});

describe('the service standard', () => {
  it('publishes the standard with its tiers and requirements', async () => {
    const std = (await t.request({ method: 'GET', url: '/api/v1/services/standard' })).json();
    expect(std.tiers[0]).toMatchObject({
      id: '1',
      caps: { networkMonthly: 10_000, endpointMonthlyPerDevice: 2_000 },
      capsConfirmed: true,
    });
    expect(std.tiers[1]).toMatchObject({ id: '2', caps: null, capsConfirmed: false });
    expect(std.requirements.map((r: { id: string }) => r.id)).toContain('onsite');
  });

  it('checks an offer per requirement, in plain Japanese', async () => {
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/services/check',
      payload: {
        tier: '1',
        type: 'endpoint',
        monthlyFeePerDevice: 2_500,
        minDevices: 1,
        deskChannels: ['phone'],
        monitoringHours: 24,
        onsite: { available: true, remoteOnly: true },
        insurance: { insurer: '○○損保', coversInitialResponse: true },
        easeDescription: 'エージェントを入れるだけで監視が始まり、設定は当社が行います。',
      },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.passed).toBe(false);
    const failing = body.results
      .filter((r: { status: string }) => r.status === 'fail')
      .map((r: { id: string }) => r.id);
    expect(failing.sort()).toEqual(['onsite', 'price']);
    expect(body.results.find((r: { id: string }) => r.id === 'price').message).toContain('2,000');
  });
});

describe('operator-maintained subsidy years', () => {
  it('lets the operator add a year and correct an unconfirmed one; estimates follow at once', async () => {
    const cookie = await t.operatorCookie('subsidy-ops@example.test');
    const year2027 = {
      minSubsidy: 50_000,
      maxSubsidy: 2_000_000,
      rate: [1, 2],
      smallBusinessRate: [3, 4],
      confirmed: true,
    };
    const put = await t.request({
      method: 'PUT',
      url: '/api/v1/admin/subsidy/years/2027',
      payload: year2027,
      headers: { cookie },
    });
    expect(put.statusCode).toBe(204);
    const est = await estimate({ fiscalYear: 2027, monthlyFee: 100_000, months: 24, smallBusiness: true });
    expect(est.json()).toMatchObject({
      eligible: true,
      subsidy: 1_800_000,
      rateLabel: '3/4',
      confirmed: true,
    });
    const years = (await t.request({ method: 'GET', url: '/api/v1/subsidy/years' })).json();
    expect(years.find((y: { fiscalYear: number }) => y.fiscalYear === 2027)).toMatchObject({
      source: 'operator',
    });

    const bad = await t.request({
      method: 'PUT',
      url: '/api/v1/admin/subsidy/years/2028',
      payload: { ...year2027, rate: [3, 2], minSubsidy: 5_000_000 },
      headers: { cookie },
    });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(['minSubsidy', 'rate']);
    const { user } = await t.userWithOrg();
    expect(
      (
        await t.request({
          method: 'PUT',
          url: '/api/v1/admin/subsidy/years/2027',
          payload: year2027,
          as: user,
        })
      ).statusCode,
    ).toBe(403);
  });
});
