import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

/** The incident guide, referral map, IPA report forms and threat pages are content (content/guide). */
const text = z.object({ ja: z.string().min(1), en: z.string().min(1) });
const textList = (min: number, max: number) =>
  z
    .object({
      ja: z.array(z.string().min(1)).min(min).max(max),
      en: z.array(z.string().min(1)).min(min).max(max),
    })
    .refine((l) => l.ja.length === l.en.length, { message: 'ja and en lists differ in length' });
const id = z.string().regex(/^[a-z][a-z0-9-]{1,40}$/);
const fieldId = z.string().regex(/^[a-z][A-Za-z0-9]{1,39}$/);

const contactSchema = z.strictObject({
  kind: z.enum(['phone', 'email', 'web']),
  value: z.string().min(1),
  label: text,
  hours: text.optional(),
  /** The number or hours come from an older source: people are asked to confirm them. */
  check: z.boolean().optional(),
  /** Emergencies only (110). */
  urgent: z.boolean().optional(),
});

const referralsSchema = z.strictObject({
  topics: z.array(z.strictObject({ id, title: text })).min(1),
  organisations: z
    .array(
      z.strictObject({
        id,
        name: text,
        about: text,
        url: z.url().optional(),
        contacts: z.array(contactSchema),
        topics: z.array(id).min(1),
      }),
    )
    .min(1),
});
export type Referrals = z.infer<typeof referralsSchema>;
export type Organisation = Referrals['organisations'][number];
export type Contact = z.infer<typeof contactSchema>;

export const phases = ['first', 'inside', 'outside', 'after'] as const;
export type Phase = (typeof phases)[number];
export const formIds = ['virus', 'unauthorized-access'] as const;
export type FormId = (typeof formIds)[number];

const topicSchema = z.strictObject({
  id,
  order: z.number().int().min(1),
  title: text,
  summary: text,
  signs: textList(1, 6),
  reportForms: z.array(z.enum(formIds)),
  steps: z
    .array(
      z.strictObject({
        id,
        phase: z.enum(phases),
        text,
        detail: text.optional(),
        referral: id.optional(),
      }),
    )
    .min(3),
  dont: textList(1, 8),
});
export type Topic = z.infer<typeof topicSchema>;
export type Step = Topic['steps'][number];

const threatsSchema = z.strictObject({
  year: z.number().int().min(2020),
  publishedOn: z.iso.date(),
  sourceUrl: z.url(),
  orderConfirmed: z.boolean(),
  threats: z
    .array(
      z.strictObject({
        id,
        rank: z.number().int().min(1).max(10),
        title: text,
        summary: text,
        impact: text,
        measures: textList(1, 5),
        diagnosisItems: z.array(z.number().int()).min(1),
        learningThemes: z.array(z.string()).min(1),
        guideTopics: z.array(id),
      }),
    )
    .length(10),
});
export type Threats = z.infer<typeof threatsSchema>;
export type Threat = Threats['threats'][number];

const option = z.strictObject({ value: z.string().min(1).max(40), label: text });
const fieldSchema = z.discriminatedUnion('kind', [
  z.strictObject({ id: fieldId, kind: z.enum(['text', 'textarea', 'date']), label: text }),
  z.strictObject({
    id: fieldId,
    kind: z.enum(['choice', 'multi']),
    label: text,
    options: z.array(option).min(2),
  }),
]);
export type FormField = z.infer<typeof fieldSchema>;

const formsSchema = z.strictObject({
  forms: z
    .array(
      z.strictObject({
        id: z.enum(formIds),
        title: text,
        lead: text,
        note: text,
        submitUrl: z.url(),
        exampleUrl: z.url(),
        sections: z.array(z.strictObject({ id, title: text, fields: z.array(fieldSchema).min(1) })).min(1),
      }),
    )
    .length(formIds.length),
});
export type ReportForm = z.infer<typeof formsSchema>['forms'][number];

export interface GuideContent {
  topics: Topic[];
  topicById: Map<string, Topic>;
  referrals: Referrals;
  orgById: Map<string, Organisation>;
  threats: Threats;
  threatById: Map<string, Threat>;
  forms: Map<FormId, ReportForm>;
}

/** What the other modules' content offers, so links into it can be checked at start. */
export interface KnownIds {
  diagnosisItems: ReadonlySet<number>;
  learningThemes: ReadonlySet<string>;
}

export const contentDir = path.resolve(import.meta.dirname, '../../../content/guide');

function readYaml<T>(dir: string, rel: string, schema: z.ZodType<T>): T {
  const file = path.join(dir, rel);
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`content/guide/${rel} cannot be read: ${(err as Error).message}`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new Error(`content/guide/${rel} is invalid:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

function unique(file: string, what: string, ids: string[]): void {
  const seen = new Set<string>();
  for (const x of ids) {
    if (seen.has(x)) throw new Error(`content/guide/${file}: ${what} ${x} appears twice`);
    seen.add(x);
  }
}

/** Loads and cross-checks everything; a wrong id fails start naming the file and the id. */
export function loadContent(known: KnownIds, dir = contentDir): GuideContent {
  const referrals = readYaml(dir, 'referrals.yaml', referralsSchema);
  unique(
    'referrals.yaml',
    'topic',
    referrals.topics.map((x) => x.id),
  );
  unique(
    'referrals.yaml',
    'organisation',
    referrals.organisations.map((x) => x.id),
  );
  const referralTopics = new Set(referrals.topics.map((x) => x.id));
  for (const o of referrals.organisations)
    for (const tp of o.topics)
      if (!referralTopics.has(tp))
        throw new Error(`content/guide/referrals.yaml: organisation ${o.id} names unknown topic ${tp}`);
  const orgById = new Map(referrals.organisations.map((o) => [o.id, o]));

  const topics: Topic[] = [];
  for (const file of readdirSync(path.join(dir, 'topics'))
    .filter((f) => f.endsWith('.yaml'))
    .sort()) {
    const rel = `topics/${file}`;
    const topic = readYaml(dir, rel, topicSchema);
    if (`${topic.id}.yaml` !== file)
      throw new Error(`content/guide/${rel}: id ${topic.id} does not match the file name`);
    if (!referralTopics.has(topic.id))
      throw new Error(`content/guide/${rel}: topic ${topic.id} is missing from referrals.yaml topics`);
    unique(
      rel,
      'step',
      topic.steps.map((s) => s.id),
    );
    for (const s of topic.steps) {
      if (s.referral && !orgById.has(s.referral))
        throw new Error(`content/guide/${rel}: step ${s.id} names unknown organisation ${s.referral}`);
    }
    for (const ph of phases)
      if (!topic.steps.some((s) => s.phase === ph))
        throw new Error(`content/guide/${rel}: no step in phase ${ph}`);
    topics.push(topic);
  }
  if (topics.length === 0) throw new Error(`no incident-guide topics in ${dir}/topics`);
  topics.sort((a, b) => a.order - b.order);
  const topicById = new Map(topics.map((x) => [x.id, x]));

  const threats = readYaml(dir, 'threats.yaml', threatsSchema);
  unique(
    'threats.yaml',
    'threat',
    threats.threats.map((x) => x.id),
  );
  const ranks = threats.threats.map((x) => x.rank).sort((a, b) => a - b);
  if (ranks.join() !== '1,2,3,4,5,6,7,8,9,10')
    throw new Error('content/guide/threats.yaml: ranks must be 1 to 10, each once');
  for (const th of threats.threats) {
    for (const no of th.diagnosisItems)
      if (!known.diagnosisItems.has(no))
        throw new Error(`content/guide/threats.yaml: threat ${th.id} names unknown diagnosis item ${no}`);
    for (const lt of th.learningThemes)
      if (!known.learningThemes.has(lt))
        throw new Error(`content/guide/threats.yaml: threat ${th.id} names unknown learning theme ${lt}`);
    for (const gt of th.guideTopics)
      if (!topicById.has(gt))
        throw new Error(`content/guide/threats.yaml: threat ${th.id} names unknown guide topic ${gt}`);
  }
  threats.threats.sort((a, b) => a.rank - b.rank);

  const formList = readYaml(dir, 'report-forms.yaml', formsSchema).forms;
  for (const f of formList)
    unique(
      'report-forms.yaml',
      `field of ${f.id}`,
      f.sections.flatMap((s) => s.fields.map((x) => x.id)),
    );
  const forms = new Map(formList.map((f) => [f.id, f]));
  if (forms.size !== formIds.length) throw new Error('content/guide/report-forms.yaml: a form appears twice');

  return {
    topics,
    topicById,
    referrals,
    orgById,
    threats,
    threatById: new Map(threats.threats.map((x) => [x.id, x])),
    forms,
  };
}
