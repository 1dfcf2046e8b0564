import { describe, expect, it } from 'vitest';
import { estimateSubsidy, loadSubsidyRules, type YearRule } from './services.subsidy.ts';

const rules = loadSubsidyRules();
const year = (y: number) => rules.years.find((r) => r.fiscalYear === y) as YearRule;

describe('estimateSubsidy', () => {
  it('pays half of the fees in 2024, rounded down to the yen', () => {
    expect(
      estimateSubsidy(year(2024), { monthlyFee: 9_999, months: 24, smallBusiness: false }),
    ).toMatchObject({
      eligible: true,
      eligibleCost: 239_976,
      rate: 0.5,
      rateLabel: '1/2',
      subsidy: 119_988,
    });
  });

  it('pays 2/3 to small businesses from 2025, but 1/2 in 2024', () => {
    expect(
      estimateSubsidy(year(2025), { monthlyFee: 10_000, months: 24, smallBusiness: true }),
    ).toMatchObject({ subsidy: 160_000, rateLabel: '2/3' });
    expect(
      estimateSubsidy(year(2025), { monthlyFee: 10_000, months: 24, smallBusiness: false }).subsidy,
    ).toBe(120_000);
    expect(estimateSubsidy(year(2024), { monthlyFee: 10_000, months: 24, smallBusiness: true }).subsidy).toBe(
      120_000,
    );
    // 2/3 of 100,001 is 66,667.33…: rounded down.
    expect(estimateSubsidy(year(2025), { monthlyFee: 100_001, months: 1, smallBusiness: true }).subsidy).toBe(
      66_667,
    );
  });

  it('is eligible exactly at the minimum and not one yen below', () => {
    expect(
      estimateSubsidy(year(2024), { monthlyFee: 100_000, months: 1, smallBusiness: false }),
    ).toMatchObject({ eligible: true, subsidy: 50_000 });
    const below = estimateSubsidy(year(2024), { monthlyFee: 99_999, months: 1, smallBusiness: false });
    expect(below).toMatchObject({ eligible: false, reason: 'below_minimum', subsidy: 0 });
    expect(
      estimateSubsidy(year(2024), { monthlyFee: 100_002, months: 1, smallBusiness: false }).subsidy,
    ).toBe(50_001);
  });

  it('caps at the year’s maximum, exactly and one yen over', () => {
    expect(
      estimateSubsidy(year(2024), { monthlyFee: 2_000_000, months: 1, smallBusiness: false }).subsidy,
    ).toBe(1_000_000);
    expect(
      estimateSubsidy(year(2024), { monthlyFee: 2_000_002, months: 1, smallBusiness: false }).subsidy,
    ).toBe(1_000_000);
    expect(
      estimateSubsidy(year(2024), { monthlyFee: 1_999_998, months: 1, smallBusiness: false }).subsidy,
    ).toBe(999_999);
    expect(
      estimateSubsidy(year(2025), { monthlyFee: 3_000_000, months: 24, smallBusiness: false }).subsidy,
    ).toBe(1_500_000);
  });

  it('keeps unconfirmed years marked as such', () => {
    expect(year(2026).confirmed).toBe(false);
    expect(year(2026).note?.ja).toContain('確認できていない');
    expect(year(2023)).toMatchObject({ minSubsidy: 50_000, maxSubsidy: 1_000_000, confirmed: true });
  });
});
