import { z } from 'zod';

const yen = z.number().int().min(0).max(100_000_000);

export const estimateBody = z.strictObject({
  fiscalYear: z.number().int().min(2000).max(2100),
  monthlyFee: z.number().int().min(1).max(100_000_000),
  months: z.number().int().min(1).max(24),
  smallBusiness: z.boolean(),
});

export const estimateDto = z.object({
  eligible: z.boolean(),
  rate: z.number(),
  rateLabel: z.string(),
  eligibleCost: z.number(),
  subsidy: z.number(),
  maxSubsidy: z.number(),
  minSubsidy: z.number(),
  reason: z.string().optional(),
  reasonCode: z.string().optional(),
  confirmed: z.boolean(),
  note: z.string().nullable(),
  scheme: z.string(),
  conditions: z.array(z.string()),
});

export const offerBody = z.strictObject({
  tier: z.enum(['1', '2']),
  type: z.enum(['network', 'endpoint', 'both']),
  monthlyNetworkFee: yen.nullable().optional(),
  monthlyFeePerDevice: yen.nullable().optional(),
  minDevices: z.number().int().min(1).max(100_000),
  maxMonitoredDevices: z.number().int().min(1).max(1_000_000).nullable().optional(),
  deskChannels: z.array(z.enum(['phone', 'mail', 'web', 'chat', 'visit'])).max(5),
  monitoringHours: z.number().int().min(0).max(24),
  onsite: z.strictObject({ available: z.boolean(), remoteOnly: z.boolean() }),
  insurance: z
    .strictObject({ insurer: z.string().trim().max(200), coversInitialResponse: z.boolean() })
    .nullable(),
  easeDescription: z.string().trim().max(2000),
});

export const checkDto = z.object({
  standardVersion: z.string(),
  passed: z.boolean(),
  results: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      status: z.enum(['ok', 'fail', 'review']),
      message: z.string(),
    }),
  ),
});

const localized = z.string();
export const standardDto = z.object({
  version: z.string(),
  title: localized,
  taxNote: localized,
  tiers: z.array(
    z.object({
      id: z.string(),
      name: localized,
      description: localized,
      caps: z.object({ networkMonthly: z.number(), endpointMonthlyPerDevice: z.number() }).nullable(),
      capsConfirmed: z.boolean(),
      capsNote: localized.nullable(),
      minMonitoredDevices: z.number().nullable(),
    }),
  ),
  requirements: z.array(z.object({ id: z.string(), title: localized, description: localized })),
});
