import { z } from 'zod';
import { monthPattern } from './reports.month.ts';

const month = z.string().regex(monthPattern, { error: 'reports.fields.month' });

export const orgParams = z.object({ orgId: z.string().min(1) });
export const monthParams = z.object({ orgId: z.string().min(1), month });
export const listQuery = z.object({ page: z.coerce.number().int().min(1).max(10_000).default(1) });
export const generateBody = z.strictObject({ month });

const tone = z.enum(['calm', 'watch', 'act']);

export const reportListDto = z.object({
  items: z.array(
    z.object({
      month: z.string(),
      final: z.boolean(),
      generatedAt: z.string(),
      events: z.number(),
      blocked: z.number(),
      alerts: z.number(),
      incidents: z.number(),
      openIncidents: z.number(),
    }),
  ),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  currentMonth: z.string(),
  previousMonth: z.string(),
});

export const generatedDto = z.object({ month: z.string(), final: z.boolean(), generatedAt: z.string() });

export const reportDto = z.object({
  orgId: z.string(),
  orgName: z.string(),
  month: z.string(),
  label: z.string(),
  final: z.boolean(),
  generatedAt: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  tone,
  headline: z.string(),
  summary: z.array(z.string()),
  recommendations: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['incident', 'sensor', 'signal', 'diagnosis', 'no-diagnosis', 'old-diagnosis']),
      title: z.string(),
      text: z.string(),
      item: z
        .object({
          no: z.number(),
          topic: z.string(),
          answer: z.string().nullable(),
          answerLabel: z.string().nullable(),
        })
        .nullable(),
      link: z.object({ path: z.string(), label: z.string() }).nullable(),
    }),
  ),
  totals: z.object({
    events: z.number(),
    blocked: z.number(),
    alerts: z.number(),
    hits: z.number(),
    incidents: z.number(),
    openIncidents: z.number(),
    authFailures: z.number(),
    uptime: z.number().nullable(),
  }),
  days: z.array(z.object({ day: z.string(), total: z.number(), blocked: z.number() })),
  categories: z.array(
    z.object({ category: z.string(), label: z.string(), count: z.number(), blocked: z.number() }),
  ),
  rules: z.array(
    z.object({
      ruleId: z.string(),
      title: z.string(),
      what: z.string(),
      severity: z.number(),
      severityLabel: z.string(),
      alerts: z.number(),
      hits: z.number(),
    }),
  ),
  incidents: z.array(
    z.object({
      id: z.string(),
      entity: z.string(),
      severity: z.number(),
      severityLabel: z.string(),
      status: z.string(),
      statusLabel: z.string(),
      done: z.boolean(),
      firstSeenAt: z.string(),
      rules: z.array(z.string()),
    }),
  ),
  incidentStatuses: z.array(z.object({ status: z.string(), label: z.string(), count: z.number() })),
  sensors: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      kind: z.string(),
      events: z.number(),
      hours: z.number(),
      hoursWithEvents: z.number(),
      uptime: z.number().nullable(),
    }),
  ),
  diagnosis: z
    .object({ total: z.number(), band: z.string(), bandTitle: z.string(), createdAt: z.string() })
    .nullable(),
});
