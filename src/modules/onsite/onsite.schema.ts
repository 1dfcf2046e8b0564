import { z } from 'zod';
import { claimStatuses, dispatchStatuses } from './onsite.tables.ts';

const id = z.string().min(1).max(64);
export const orgParams = z.object({ orgId: id });
export const dispatchParams = orgParams.extend({ dispatchId: id });
export const claimParams = orgParams.extend({ claimId: id });
export const attachmentParams = claimParams.extend({ attachmentId: id });

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : undefined));

/** Yen, whole and not negative; ¥100,000,000 is far above any お助け隊 claim and stops typos. */
export const MAX_YEN = 100_000_000;
const amountYen = z
  .number({ error: 'onsite.fields.amount' })
  .int({ error: 'onsite.fields.amount' })
  .min(0, { error: 'onsite.fields.amount' })
  .max(MAX_YEN, { error: 'onsite.fields.amount_too_big' });

export const costItem = z.strictObject({ label: text(100), amountYen });
export const costItems = z.array(costItem).max(30);
export const claimItem = costItem.extend({ source: z.enum(['dispatch', 'manual']).default('manual') });

const isoTime = z.iso.datetime({ offset: true, error: 'onsite.fields.datetime' });

const listQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export const dispatchListQuery = listQuery.extend({
  status: z.enum(dispatchStatuses).optional(),
  customer: id.optional(),
  incident: id.optional(),
});
export const claimListQuery = listQuery.extend({
  status: z.enum(claimStatuses).optional(),
  customer: id.optional(),
});

export const requestBody = z.strictObject({
  incidentId: id.optional(),
  /** Needed only when the SME is served by more than one provider. */
  providerOrgId: id.optional(),
  reason: text(2000),
  siteAddress: optionalText(300),
  contactName: optionalText(100),
  contactPhone: z
    .string()
    .trim()
    .max(30)
    .regex(/^[0-9+\-() ]*$/, { error: 'onsite.fields.phone' })
    .optional()
    .transform((v) => (v ? v : undefined)),
  preferredAt: isoTime.optional(),
});

export const scheduleBody = z.strictObject({
  engineerName: text(100),
  scheduledAt: isoTime,
  note: optionalText(1000),
});

export const arriveBody = z.strictObject({ arrivedAt: isoTime.optional(), note: optionalText(1000) });

export const workBody = z.strictObject({
  summary: text(4000),
  /** Time on site in minutes (at most a week). */
  workMinutes: z
    .number({ error: 'onsite.fields.minutes' })
    .int({ error: 'onsite.fields.minutes' })
    .min(1, { error: 'onsite.fields.minutes' })
    .max(7 * 24 * 60, { error: 'onsite.fields.minutes' }),
  costs: costItems,
});

export const confirmBody = z.strictObject({ comment: optionalText(2000) });
export const disputeBody = z.strictObject({ comment: text(2000) });
export const cancelBody = z.strictObject({ reason: text(1000) });

const claimFields = {
  insurer: text(200),
  policyNumber: text(100),
  lossDate: z.iso.date({ error: 'onsite.fields.date' }),
  coveredItems: z.array(claimItem).max(40).default([]),
  otherCosts: costItems.default([]),
  notes: optionalText(4000),
};

export const claimCreateBody = z.strictObject({
  incidentId: id,
  dispatchId: id.optional(),
  /** Copy the dispatch's cost lines into the covered items. */
  useDispatchCosts: z.boolean().default(false),
  ...claimFields,
});

export const claimUpdateBody = z.strictObject({
  dispatchId: id.nullable().optional(),
  insurer: claimFields.insurer.optional(),
  policyNumber: claimFields.policyNumber.optional(),
  lossDate: claimFields.lossDate.optional(),
  coveredItems: z.array(claimItem).max(40).optional(),
  otherCosts: costItems.optional(),
  notes: z.string().trim().max(4000).nullable().optional(),
});

export const claimStatusBody = z.strictObject({
  to: z.enum(claimStatuses),
  note: optionalText(2000),
  /** What the insurer agreed to pay (on approval). */
  approvedAmountYen: amountYen.optional(),
});

export const attachmentQuery = z.object({ name: text(200) });
export const pdfQuery = z.object({ lang: z.enum(['ja', 'en']).optional() });

const stepDto = z.object({
  kind: z.string(),
  actorName: z.string().nullable(),
  note: z.string().nullable(),
  at: z.string(),
});

const incidentSummary = z
  .object({
    id: z.string(),
    entity: z.string(),
    status: z.string(),
    severity: z.number(),
    firstSeenAt: z.string(),
    lastSeenAt: z.string(),
    alertCount: z.number(),
  })
  .nullable();

export const dispatchDto = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  providerOrgId: z.string(),
  providerName: z.string(),
  incidentId: z.string().nullable(),
  status: z.enum(dispatchStatuses),
  reason: z.string(),
  siteAddress: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  preferredAt: z.string().nullable(),
  requestedAt: z.string(),
  engineerName: z.string().nullable(),
  scheduledAt: z.string().nullable(),
  arrivedAt: z.string().nullable(),
  workSummary: z.string().nullable(),
  workMinutes: z.number().nullable(),
  costs: z.array(z.object({ label: z.string(), amountYen: z.number() })),
  totalYen: z.number(),
  workDoneAt: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  updatedAt: z.string(),
});

export const dispatchDetailDto = dispatchDto.extend({
  incident: incidentSummary,
  steps: z.array(stepDto),
  /** Whether the signed-in person reads as the SME or as its provider. */
  side: z.enum(['sme', 'provider']),
  /** What the signed-in person may do now (drives the buttons; the server checks again). */
  can: z.object({
    schedule: z.boolean(),
    arrive: z.boolean(),
    recordWork: z.boolean(),
    confirm: z.boolean(),
    dispute: z.boolean(),
    cancel: z.boolean(),
    claim: z.boolean(),
  }),
});

export const dispatchListDto = z.object({ items: z.array(dispatchDto), total: z.number() });

const attachmentDto = z.object({
  id: z.string(),
  filename: z.string(),
  contentType: z.string(),
  size: z.number(),
  createdAt: z.string(),
});

export const claimDto = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  providerOrgId: z.string(),
  providerName: z.string(),
  incidentId: z.string(),
  dispatchId: z.string().nullable(),
  status: z.enum(claimStatuses),
  insurer: z.string(),
  policyNumber: z.string(),
  lossDate: z.string(),
  coveredItems: z.array(z.object({ label: z.string(), amountYen: z.number(), source: z.string() })),
  otherCosts: z.array(z.object({ label: z.string(), amountYen: z.number() })),
  coveredTotalYen: z.number(),
  otherTotalYen: z.number(),
  notes: z.string().nullable(),
  approvedAmountYen: z.number().nullable(),
  createdAt: z.string(),
  submittedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  paidAt: z.string().nullable(),
  updatedAt: z.string(),
});

export const claimDetailDto = claimDto.extend({
  incident: incidentSummary,
  attachments: z.array(attachmentDto),
  steps: z.array(stepDto),
  side: z.enum(['sme', 'provider']),
  can: z.object({ edit: z.boolean(), attach: z.boolean(), moveTo: z.array(z.enum(claimStatuses)) }),
});

export const claimListDto = z.object({ items: z.array(claimDto), total: z.number() });
export { attachmentDto };

export type RequestInput = z.infer<typeof requestBody>;
export type ScheduleInput = z.infer<typeof scheduleBody>;
export type WorkInput = z.infer<typeof workBody>;
export type ClaimCreateInput = z.infer<typeof claimCreateBody>;
export type ClaimUpdateInput = z.infer<typeof claimUpdateBody>;
export type ClaimStatusInput = z.infer<typeof claimStatusBody>;
