import { readFileSync } from 'node:fs';
import path from 'node:path';
import holidayJp from '@holiday-jp/holiday_jp';
import { z } from 'zod';
import type { Lang } from '../../kernel/i18n/index.ts';
import { type Calendar, minuteOfDay } from './helpdesk.sla.ts';

/** Desk categories and service levels are content (content/helpdesk), checked when the module loads. */
export const contentDir = path.resolve(import.meta.dirname, '../../../content/helpdesk');

export const priorities = ['critical', 'high', 'normal', 'low'] as const;
export type Priority = (typeof priorities)[number];

const text = z.object({ ja: z.string().min(1), en: z.string().min(1) });
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
const target = z.object({
  allDay: z.boolean(),
  firstResponseMinutes: z.number().int().min(1),
  resolutionMinutes: z.number().int().min(1),
});

const slaSchema = z
  .object({
    utcOffsetMinutes: z.number().int().min(-720).max(840),
    businessHours: z.object({
      days: z.array(z.number().int().min(1).max(7)).min(1),
      start: hhmm,
      end: hhmm,
    }),
    annualClosures: z.array(z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/)),
    quietHours: z.object({ start: hhmm, end: hhmm }),
    priorities: z.object({ critical: target, high: target, normal: target, low: target }),
    escalation: z
      .array(z.object({ level: z.number().int().min(1), ratio: z.number().min(0.1), operators: z.boolean() }))
      .min(1),
    attachments: z.object({
      maxBytes: z.number().int().min(1024),
      maxPerConsultation: z.number().int().min(1),
      types: z.array(z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/)).min(1),
    }),
  })
  .refine((s) => minuteOfDay(s.businessHours.start) < minuteOfDay(s.businessHours.end), {
    message: 'businessHours.start must be before businessHours.end',
  })
  .refine((s) => Object.values(s.priorities).every((p) => p.firstResponseMinutes <= p.resolutionMinutes), {
    message: 'a first-response target must not exceed its resolution target',
  });
export type SlaConfig = z.infer<typeof slaSchema>;

const categoriesSchema = z.object({
  categories: z
    .array(z.object({ id: z.string().regex(/^[a-z-]{2,40}$/), title: text, hint: text }))
    .min(1)
    .refine((cs) => new Set(cs.map((c) => c.id)).size === cs.length, {
      message: 'category ids must be unique',
    }),
});
export type Category = z.infer<typeof categoriesSchema>['categories'][number];

export interface HelpdeskContent {
  sla: SlaConfig;
  calendar: Calendar;
  categories: Category[];
  categoryIds: Set<string>;
}

function readJson<T>(dir: string, file: string, schema: z.ZodType<T>): T {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
  } catch (err) {
    throw new Error(`content/helpdesk/${file} cannot be read: ${(err as Error).message}`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success)
    throw new Error(`content/helpdesk/${file} is invalid:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** The desk's calendar: business days and hours, minus Japanese public holidays and the annual closures. */
export function calendarOf(sla: SlaConfig): Calendar {
  const closures = new Set(sla.annualClosures);
  return {
    utcOffsetMinutes: sla.utcOffsetMinutes,
    days: sla.businessHours.days,
    startMinute: minuteOfDay(sla.businessHours.start),
    endMinute: minuteOfDay(sla.businessHours.end),
    isClosed: (ymd) => ymd in holidayJp.holidays || closures.has(ymd.slice(5)),
  };
}

export function loadContent(dir = contentDir): HelpdeskContent {
  const sla = readJson(dir, 'sla.json', slaSchema);
  const { categories } = readJson(dir, 'categories.json', categoriesSchema);
  return { sla, calendar: calendarOf(sla), categories, categoryIds: new Set(categories.map((c) => c.id)) };
}

let cached: HelpdeskContent | undefined;
/** Loaded once per process; a bad file fails the start naming the file. */
export function content(): HelpdeskContent {
  cached ??= loadContent();
  return cached;
}

export function categoryTitle(id: string, lang: Lang): string {
  return content().categories.find((c) => c.id === id)?.title[lang] ?? id;
}
