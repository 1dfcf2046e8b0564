import { z } from 'zod';
import { caseStatuses } from './guide.tables.ts';

const slug = z.string().regex(/^[a-z][a-z0-9-]{1,40}$/);
export const orgParams = z.object({ orgId: z.string().min(1).max(64) });
export const topicParams = z.object({ topic: slug });
export const threatParams = z.object({ id: slug });
export const caseParams = orgParams.extend({ caseId: z.uuid() });
export const stepParams = caseParams.extend({ stepId: slug });
export const reportParams = caseParams.extend({ form: z.enum(['virus', 'unauthorized-access']) });

export const referralsQuery = z.object({ topic: z.string().max(60).optional() });
export const caseListQuery = z.object({
  status: z.enum(caseStatuses).optional(),
  topic: slug.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
});

export const createCaseBody = z.strictObject({
  topic: z.string().max(60),
  title: z.string().trim().max(120).optional(),
  incidentId: z.string().min(1).max(64).optional(),
});
export const patchCaseBody = z
  .strictObject({
    title: z.string().trim().min(1).max(120).optional(),
    notes: z.string().max(10_000).optional(),
    status: z.enum(caseStatuses).optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'guide.fields.nothing_to_change' });
export const stepBody = z.strictObject({ done: z.boolean() });
export const reportBody = z.strictObject({
  values: z.record(z.string().max(40), z.union([z.string().max(8000), z.array(z.string().max(40)).max(20)])),
});

const contactDto = z.object({
  kind: z.enum(['phone', 'email', 'web']),
  value: z.string(),
  label: z.string(),
  hours: z.string().nullable(),
  check: z.boolean(),
  urgent: z.boolean(),
  href: z.string(),
});
export const referralDto = z.object({
  id: z.string(),
  name: z.string(),
  about: z.string(),
  url: z.string().nullable(),
  contacts: z.array(contactDto),
});
const named = z.object({ id: z.string(), title: z.string() });
export const referralsDto = z.object({
  topic: named.nullable(),
  items: z.array(referralDto),
  topics: z.array(named),
});

export const topicSummaryDto = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  signs: z.array(z.string()),
});
export const topicDetailDto = topicSummaryDto.extend({
  dont: z.array(z.string()),
  steps: z.array(
    z.object({
      id: z.string(),
      phase: z.enum(['first', 'inside', 'outside', 'after']),
      text: z.string(),
      detail: z.string().nullable(),
      referral: referralDto.nullable(),
    }),
  ),
  reportForms: z.array(named),
  threats: z.array(named.extend({ rank: z.number() })),
});

const threatSummary = z.object({ id: z.string(), rank: z.number(), title: z.string(), summary: z.string() });
const listMeta = {
  year: z.number(),
  publishedOn: z.string(),
  sourceUrl: z.string(),
  orderConfirmed: z.boolean(),
};
export const threatsDto = z.object({ ...listMeta, items: z.array(threatSummary) });
export const threatDetailDto = threatSummary.extend({
  ...listMeta,
  impact: z.string(),
  measures: z.array(z.string()),
  diagnosisItems: z.array(z.object({ no: z.number(), topic: z.string() })),
  learningThemes: z.array(named),
  guideTopics: z.array(named),
});

const caseSummary = z.object({
  id: z.string(),
  topic: z.string(),
  topicTitle: z.string(),
  title: z.string(),
  status: z.enum(caseStatuses),
  incidentId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  closedAt: z.string().nullable(),
  doneCount: z.number(),
  stepCount: z.number(),
});
export const caseListDto = z.object({ items: z.array(caseSummary), total: z.number() });
export const caseDto = caseSummary.extend({
  notes: z.string(),
  steps: z.array(z.object({ stepId: z.string(), doneAt: z.string(), doneByName: z.string().nullable() })),
  reports: z.array(named.extend({ savedAt: z.string().nullable() })),
  /** Whom to tell inside: the organisation's owners, practitioners and managers. */
  people: z.array(z.object({ name: z.string(), email: z.string(), role: z.string() })),
  /** お助け隊 providers currently serving the organisation. */
  providers: z.array(z.object({ name: z.string() })),
});

const fieldDto = z.object({
  id: z.string(),
  kind: z.enum(['text', 'textarea', 'date', 'choice', 'multi']),
  label: z.string(),
  options: z.array(z.object({ value: z.string(), label: z.string() })).nullable(),
});
export const reportDto = z.object({
  form: z.object({
    id: z.string(),
    title: z.string(),
    lead: z.string(),
    note: z.string(),
    submitUrl: z.string(),
    exampleUrl: z.string(),
    sections: z.array(z.object({ id: z.string(), title: z.string(), fields: z.array(fieldDto) })),
  }),
  values: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
  savedAt: z.string().nullable(),
  fromIncident: z.boolean(),
});
