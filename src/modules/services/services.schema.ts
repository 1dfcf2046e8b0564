import { z } from 'zod';
import { prefectureCodes } from '../../kernel/reference.ts';

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

// ---- registry ----

const name = z.string().trim().min(1).max(200);

/** A provider's application form: everything an SME and the reviewer need to know. */
export const applicationBody = z.strictObject({
  name,
  tier: z.enum(['1', '2']),
  type: z.enum(['network', 'endpoint', 'both']),
  summary: z.string().trim().min(1).max(300),
  description: z.string().trim().min(1).max(5000),
  monitoredDevices: z.string().trim().min(1).max(300),
  maxMonitoredDevices: z.number().int().min(1).max(1_000_000).nullable().optional(),
  monitoringHours: z.number().int().min(0).max(24),
  prefectures: z
    .array(z.enum([...prefectureCodes, 'all'] as [string, ...string[]]))
    .min(1)
    .max(48),
  firstResponseMinutes: z.number().int().min(1).max(10_080),
  onsiteWithinHours: z.number().int().min(1).max(720).nullable().optional(),
  deskChannels: z.array(z.enum(['phone', 'mail', 'web', 'chat', 'visit'])).max(5),
  deskHours: z.string().trim().min(1).max(200),
  onsite: z.strictObject({
    available: z.boolean(),
    remoteOnly: z.boolean(),
    terms: z.string().trim().max(2000),
  }),
  insurance: z
    .strictObject({
      insurer: z.string().trim().min(1).max(200),
      coversInitialResponse: z.boolean(),
      coverage: z.string().trim().max(2000),
      limitYen: yen.nullable().optional(),
      copayYen: yen.nullable().optional(),
    })
    .nullable(),
  monthlyNetworkFee: yen.nullable().optional(),
  monthlyFeePerDevice: yen.nullable().optional(),
  initialFee: yen.nullable().optional(),
  minDevices: z.number().int().min(1).max(100_000),
  minTermMonths: z.number().int().min(1).max(120),
  contact: z.strictObject({
    name,
    email: z.email().max(254),
    phone: z
      .string()
      .trim()
      .regex(/^[0-9+\-() ]{6,20}$/, { message: 'fields.invalid_format' }),
  }),
  easeDescription: z.string().trim().max(2000),
  url: z
    .url({ protocol: /^https?$/, message: 'fields.invalid_url' })
    .max(300)
    .nullable()
    .optional(),
});
export type Application = z.infer<typeof applicationBody>;

export const orgParams = z.object({ orgId: z.string().min(1).max(64) });
export const orgServiceParams = orgParams.extend({ serviceId: z.string().min(1).max(64) });
export const serviceParams = z.object({ id: z.string().min(1).max(64) });

export const reviewBody = z.strictObject({
  action: z.enum(['start_review', 'request_changes', 'approve', 'reject']),
  comments: z
    .array(
      z.strictObject({
        requirementId: z.string().min(1).max(40),
        comment: z.string().trim().min(1).max(2000),
      }),
    )
    .max(20)
    .default([]),
  note: z.string().trim().max(2000).optional(),
});

export const listQuery = z.object({
  type: z.enum(['network', 'endpoint', 'both']).optional(),
  prefecture: z.enum(prefectureCodes).optional(),
  tier: z.enum(['1', '2']).optional(),
  maxMonthly: z.coerce.number().int().min(0).max(100_000_000).optional(),
  q: z.string().trim().max(100).optional(),
});

export const contactBody = z.strictObject({
  orgId: z.string().min(1).max(64),
  message: z.string().trim().min(1).max(2000),
  shareDiagnosis: z.boolean(),
});

const checkItem = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(['ok', 'fail', 'review']),
  message: z.string(),
});

export const publicServiceDto = z.object({
  id: z.string(),
  providerName: z.string(),
  version: z.number(),
  approvedAt: z.string().nullable(),
  standardVersion: z.string(),
  data: applicationBody
    .omit({ contact: true })
    .extend({ contact: z.object({ name: z.string(), email: z.string(), phone: z.string() }) }),
});

export const myServiceDto = z.object({
  id: z.string(),
  status: z.string(),
  currentVersion: z.number(),
  approvedVersion: z.number().nullable(),
  updatedAt: z.string(),
  data: z.record(z.string(), z.unknown()),
  checks: z.array(checkItem),
  passed: z.boolean(),
  reviews: z.array(
    z.object({
      action: z.string(),
      version: z.number(),
      standardVersion: z.string(),
      requirementId: z.string().nullable(),
      requirementTitle: z.string().nullable(),
      comment: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
});

export const contactRequestDto = z.object({
  id: z.string(),
  serviceId: z.string(),
  serviceName: z.string(),
  smeOrgName: z.string(),
  requesterName: z.string(),
  requesterEmail: z.string(),
  message: z.string(),
  diagnosisTotal: z.number().nullable(),
  createdAt: z.string(),
});

const fraction = z
  .tuple([z.number().int().min(1).max(99), z.number().int().min(1).max(99)])
  .refine(([n, d]) => n <= d, {
    message: 'services.fields.rate',
  });
export const yearParams = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export const subsidyYearBody = z
  .strictObject({
    minSubsidy: z.number().int().min(0).max(100_000_000),
    maxSubsidy: z.number().int().min(1).max(100_000_000),
    rate: fraction,
    smallBusinessRate: fraction,
    confirmed: z.boolean(),
    note: z.strictObject({ ja: z.string().trim().max(500), en: z.string().trim().max(500) }).optional(),
  })
  .refine((b) => b.minSubsidy <= b.maxSubsidy, {
    message: 'services.fields.min_over_max',
    path: ['minSubsidy'],
  });
export const subsidyYearDto = z.object({
  fiscalYear: z.number(),
  minSubsidy: z.number(),
  maxSubsidy: z.number(),
  rate: z.array(z.number()),
  smallBusinessRate: z.array(z.number()),
  confirmed: z.boolean(),
  note: z.string().nullable(),
  source: z.enum(['content', 'operator']),
});
