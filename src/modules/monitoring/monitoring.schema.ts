import { z } from 'zod';

export const orgParams = z.object({ orgId: z.string().min(1).max(64) });
export const sensorParams = orgParams.extend({ sensorId: z.string().min(1).max(64) });

export const sensorBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  kind: z.enum(['utm', 'edr', 'ids', 'other']),
  vendor: z.string().trim().max(100).optional(),
  sourceAddress: z.union([z.ipv4(), z.ipv6()]).optional(),
  hostname: z
    .string()
    .trim()
    .max(253)
    .regex(/^[A-Za-z0-9._-]+$/, { message: 'fields.invalid_format' })
    .optional(),
  expectedIntervalMinutes: z
    .number()
    .int()
    .min(5)
    .max(7 * 24 * 60)
    .optional(),
});

export const sensorDto = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  vendor: z.string().nullable(),
  sourceAddress: z.string().nullable(),
  hostname: z.string().nullable(),
  tokenPrefix: z.string(),
  expectedIntervalMinutes: z.number(),
  lastSeenAt: z.string().nullable(),
  status: z.enum(['waiting', 'ok', 'silent', 'revoked']),
  createdAt: z.string(),
});

/** A sensor in its list: what it sent in the last 24 hours and the lines that could not be read. */
export const sensorListItemDto = sensorDto.extend({
  traffic: z.object({
    /** Events stored in the last 24 hours (whole hours) and in the current hour so far. */
    last24h: z.number(),
    thisHour: z.number(),
    /** Lines refused in the last 24 hours. */
    failedLast24h: z.number(),
    /** 24 hourly buckets, oldest first. */
    hours: z.array(z.object({ hour: z.string(), events: z.number(), failures: z.number() })),
  }),
  parseFailures: z.array(
    z.object({ reason: z.string(), count: z.number(), sample: z.string().nullable(), lastAt: z.string() }),
  ),
});

export const summaryQuery = z.object({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});

export const summaryDto = z.object({
  events: z.object({ total: z.number(), byKind: z.record(z.string(), z.number()) }),
  alerts: z.object({ open: z.number(), total: z.number() }),
  incidents: z.object({ open: z.number(), total: z.number() }),
  sensors: z.array(
    z.object({ id: z.string(), name: z.string(), lastSeenAt: z.string().nullable(), status: z.string() }),
  ),
});

export const alertsQuery = z.object({
  status: z.enum(['open', 'acknowledged', 'closed']).optional(),
  severity: z.coerce.number().int().min(1).max(4).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
});

export const alertDto = z.object({
  id: z.string(),
  rule: z.string(),
  severity: z.number(),
  count: z.number(),
  firstSeenAt: z.string(),
  lastSeenAt: z.string(),
  status: z.string(),
  summary: z.string(),
  what: z.string(),
  actions: z.array(z.string()),
  group: z.record(z.string(), z.string()),
  incidentId: z.string().nullable(),
});

export const overrideBody = z.strictObject({
  ruleId: z.string().min(1).max(80),
  host: z.string().trim().max(253).optional(),
});
