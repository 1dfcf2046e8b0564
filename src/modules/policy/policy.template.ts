import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** Templates are data (content/policy/*.json, see FORMAT.md there), checked at start. */
const text = z.object({ ja: z.string().min(1), en: z.string().min(1) });
export type Text = z.infer<typeof text>;

export const templateIds = ['basic-policy', 'rules', 'handbook'] as const;
export type TemplateId = (typeof templateIds)[number];

export type Cond = { field: string; eq: unknown } | { all: Cond[] } | { any: Cond[] } | { not: Cond };
const cond: z.ZodType<Cond> = z.lazy(() =>
  z.union([
    z.strictObject({ field: z.string(), eq: z.unknown() }),
    z.strictObject({ all: z.array(cond) }),
    z.strictObject({ any: z.array(cond) }),
    z.strictObject({ not: cond }),
  ]),
) as z.ZodType<Cond>;

const fieldSchema = z.object({
  id: z.string().regex(/^[a-z][A-Za-z0-9]*$/),
  type: z.enum(['text', 'textarea', 'date', 'number', 'select', 'boolean']),
  label: text,
  help: text.optional(),
  required: z.boolean().default(false),
  default: z
    .union([
      z.strictObject({ profile: z.enum(['name', 'website', 'prefecture', 'industry', 'employees']) }),
      z.strictObject({ value: z.unknown() }),
      z.strictObject({
        answer: z.strictObject({ item: z.number().int().min(1).max(25), in: z.array(z.string()).min(1) }),
      }),
    ])
    .optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  options: z.array(z.object({ value: z.string(), label: text })).optional(),
});
export type Field = z.infer<typeof fieldSchema>;

const block = z.discriminatedUnion('type', [
  z.object({ type: z.literal('p'), text }),
  z.object({ type: z.literal('list'), items: z.array(text).min(1) }),
  z.object({ type: z.literal('table'), header: z.array(text).min(1), rows: z.array(z.array(text)).min(1) }),
  z.object({ type: z.literal('signature'), text }),
]);
export type Block = z.infer<typeof block>;

type SectionIn = {
  id: string;
  heading: Text;
  when?: Cond | undefined;
  optional?: boolean | undefined;
  blocks: Block[];
  sections?: SectionIn[] | undefined;
};
const section: z.ZodType<SectionIn> = z.lazy(() =>
  z.object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    heading: text,
    when: cond.optional(),
    optional: z.boolean().optional(),
    blocks: z.array(block),
    sections: z.array(section).optional(),
  }),
) as z.ZodType<SectionIn>;
export type Section = SectionIn;

export const templateSchema = z
  .object({
    id: z.enum(templateIds),
    version: z.string().min(1),
    title: text,
    description: text,
    fields: z.array(fieldSchema).min(1),
    sections: z.array(section).min(1),
  })
  .superRefine((tpl, ctx) => {
    const ids = new Set(tpl.fields.map((f) => f.id));
    if (ids.size !== tpl.fields.length) ctx.addIssue({ code: 'custom', message: 'field ids must be unique' });
    for (const f of tpl.fields) {
      if (f.type === 'select' && !f.options?.length)
        ctx.addIssue({ code: 'custom', message: `${f.id}: select needs options` });
    }
    const used = JSON.stringify(tpl.sections).matchAll(/\{\{(\w+)\}\}/g);
    for (const [, name] of used) {
      if (!ids.has(name as string))
        ctx.addIssue({ code: 'custom', message: `unknown placeholder {{${name}}}` });
    }
    const walk = (c: Cond | undefined): void => {
      if (!c) return;
      if ('field' in c && !ids.has(c.field))
        ctx.addIssue({ code: 'custom', message: `unknown field in when: ${c.field}` });
      if ('all' in c) c.all.forEach(walk);
      if ('any' in c) c.any.forEach(walk);
      if ('not' in c) walk(c.not);
    };
    const sectionIds = new Set<string>();
    const visit = (s: Section) => {
      if (sectionIds.has(s.id)) ctx.addIssue({ code: 'custom', message: `duplicate section id ${s.id}` });
      sectionIds.add(s.id);
      walk(s.when);
      s.sections?.forEach(visit);
    };
    tpl.sections.forEach(visit);
  });

export type Template = z.infer<typeof templateSchema>;

export const templateDir = path.resolve(import.meta.dirname, '../../../content/policy');

export function loadTemplates(dir = templateDir): Map<TemplateId, Template> {
  const out = new Map<TemplateId, Template>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const parsed = templateSchema.safeParse(JSON.parse(readFileSync(path.join(dir, file), 'utf8')));
    if (!parsed.success)
      throw new Error(`content/policy/${file} is invalid:\n${z.prettifyError(parsed.error)}`);
    out.set(parsed.data.id, parsed.data);
  }
  return out;
}

export function allSections(tpl: Pick<Template, 'sections'>): Section[] {
  return tpl.sections.flatMap((s) => [s, ...(s.sections ?? [])]);
}
