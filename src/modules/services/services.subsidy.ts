import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** Subsidy rules per fiscal year are data (content/services/subsidy.json). */
const text = z.object({ ja: z.string(), en: z.string() });
const fraction = z.tuple([z.number().int().min(1), z.number().int().min(1)]);
export const subsidyRulesSchema = z.object({
  scheme: text,
  maxMonths: z.number().int().min(1),
  conditions: z.array(text),
  years: z.array(
    z.object({
      fiscalYear: z.number().int().min(2000).max(2100),
      minSubsidy: z.number().int().min(0),
      maxSubsidy: z.number().int().min(1),
      rate: fraction,
      smallBusinessRate: fraction,
      confirmed: z.boolean(),
      note: text.optional(),
    }),
  ),
});
export type SubsidyRules = z.infer<typeof subsidyRulesSchema>;
export type YearRule = SubsidyRules['years'][number];

export function loadSubsidyRules(
  file = path.resolve(import.meta.dirname, '../../../content/services/subsidy.json'),
): SubsidyRules {
  const parsed = subsidyRulesSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw new Error(`content/services/subsidy.json is invalid:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

export interface EstimateInput {
  monthlyFee: number;
  months: number;
  smallBusiness: boolean;
}

export type Estimate =
  | {
      eligible: true;
      eligibleCost: number;
      rate: number;
      rateLabel: string;
      subsidy: number;
      maxSubsidy: number;
      minSubsidy: number;
    }
  | {
      eligible: false;
      eligibleCost: number;
      rate: number;
      rateLabel: string;
      subsidy: number;
      maxSubsidy: number;
      minSubsidy: number;
      reason: 'below_minimum';
    };

/**
 * Pure: cost = fee × months; subsidy = cost × rate rounded down to the yen, capped at the
 * year's maximum; below the minimum amount the application is not eligible.
 */
export function estimateSubsidy(rule: YearRule, input: EstimateInput): Estimate {
  const [num, den] = input.smallBusiness ? rule.smallBusinessRate : rule.rate;
  const eligibleCost = input.monthlyFee * input.months;
  const raw = Math.floor((eligibleCost * num) / den);
  const subsidy = Math.min(raw, rule.maxSubsidy);
  const common = {
    eligibleCost,
    rate: num / den,
    rateLabel: `${num}/${den}`,
    maxSubsidy: rule.maxSubsidy,
    minSubsidy: rule.minSubsidy,
  };
  if (subsidy < rule.minSubsidy) return { eligible: false, ...common, subsidy: 0, reason: 'below_minimum' };
  return { eligible: true, ...common, subsidy };
}
