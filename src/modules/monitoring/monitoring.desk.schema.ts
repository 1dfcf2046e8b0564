import { z } from 'zod';
import { incidentStatuses } from './monitoring.tables.ts';

export const idParam = z.string().min(1).max(64);
export const incidentParams = z.object({ orgId: idParam, incidentId: idParam });
const page = z.coerce.number().int().min(1).max(100000).default(1);
export const pageQuery = z.object({ page });

/** One page of a server-side paginated list. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number(), page: z.number(), pageSize: z.number() });
}

export const queueQuery = z.object({
  customer: idParam.optional(),
  severity: z.coerce.number().int().min(1).max(4).optional(),
  status: z.enum([...incidentStatuses, 'open', 'all']).default('open'),
  rule: z.string().min(1).max(80).optional(),
  assignee: z.enum(['me', 'none']).optional(),
  page,
});

export const incidentsQuery = z.object({
  status: z.enum([...incidentStatuses, 'open', 'all']).default('all'),
  page,
});

const explained = {
  ruleId: z.string().nullable(),
  title: z.string(),
  what: z.string(),
  actions: z.array(z.string()),
  category: z.string(),
  target: z.record(z.string(), z.string()),
};

export const incidentSummaryDto = z.object({
  id: z.string(),
  orgId: z.string(),
  customerName: z.string().nullable(),
  status: z.enum(incidentStatuses),
  severity: z.number(),
  entity: z.string(),
  firstSeenAt: z.string(),
  lastSeenAt: z.string(),
  alertCount: z.number(),
  assignee: z.object({ id: z.string(), name: z.string() }).nullable(),
  verdict: z.enum(['true_positive', 'false_positive', 'benign']).nullable(),
  escalated: z.boolean(),
  ruleIds: z.array(z.string()),
  /** What the provider told the customer it is doing (null until the customer was contacted). */
  providerDoing: z.string().nullable(),
  ...explained,
});

export const incidentPage = pageOf(incidentSummaryDto);

export const stepDto = z.object({
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  actor: z.string().nullable(),
  note: z.string().nullable(),
  at: z.string(),
});

export const incidentDetailDto = incidentSummaryDto.extend({
  verdictReason: z.string().nullable(),
  steps: z.array(stepDto),
  providerName: z.string().nullable(),
  viewer: z.enum(['member', 'provider']),
  /** The workflow steps this viewer may take now ('contacted' goes through /contact). */
  next: z.array(z.enum(incidentStatuses)),
});

export const noteDto = z.object({
  id: z.string(),
  author: z.string(),
  side: z.enum(['provider', 'customer']),
  visibility: z.enum(['internal', 'shared']),
  body: z.string(),
  createdAt: z.string(),
});

export const noteBody = z.strictObject({
  body: z.string().trim().min(1).max(4000),
  visibility: z.enum(['internal', 'shared']).default('shared'),
});

export const assignBody = z.strictObject({ assignee: z.enum(['me', 'none']) });

export const triageBody = z.strictObject({
  verdict: z.enum(['true_positive', 'false_positive', 'benign']),
  reason: z.string().trim().min(1).max(2000),
  close: z.boolean().default(false),
});

export const moveBody = z.strictObject({
  to: z.enum(incidentStatuses),
  note: z.string().trim().max(2000).optional(),
});

export const contactBody = z.strictObject({
  doing: z.string().trim().max(2000).optional(),
});

export const escalateBody = z.strictObject({ reason: z.string().trim().min(1).max(2000) });

export const webhookBody = z.strictObject({
  url: z.string().trim().max(2000),
  secret: z.string().trim().min(16).max(200).optional(),
});

export const webhookDto = z.object({
  url: z.string(),
  lastStatus: z.number().nullable(),
  lastError: z.string().nullable(),
  lastAt: z.string().nullable(),
  signatureHeader: z.string(),
});

const counts = z.object({ mail: z.number(), malware: z.number(), access: z.number() });
const figures = z.object({
  from: z.string(),
  blocked: counts,
  detected: counts,
  bySensor: z.array(
    z.object({ sensorId: z.string(), name: z.string(), blocked: z.number(), detected: z.number() }),
  ),
});

export const dashboardDto = z.object({
  week: figures,
  month: figures,
  openIncidents: z.object({ items: z.array(incidentSummaryDto), total: z.number() }),
  sensors: z.array(
    z.object({ id: z.string(), name: z.string(), lastSeenAt: z.string().nullable(), status: z.string() }),
  ),
  timeline: z.array(z.object({ day: z.string(), blocked: z.number(), detected: z.number() })),
  providers: z.array(z.object({ id: z.string(), name: z.string() })),
});

export const customersQuery = z.object({
  page,
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});
export const customerDto = z.object({
  orgId: z.string(),
  name: z.string(),
  since: z.string(),
  openIncidents: z.number(),
  newIncidents: z.number(),
  sensors: z.number(),
  silentSensors: z.number(),
});
