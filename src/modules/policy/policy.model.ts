import { z } from 'zod';
import { type Lang, t } from '../../kernel/i18n/index.ts';
import type { Block, Cond, Field, Section, Template, Text } from './policy.template.ts';

/** The one document model every renderer (docx, PDF, HTML) draws. */
export type DocBlock =
  | { type: 'p'; text: string }
  | { type: 'list'; items: string[] }
  | { type: 'table'; header: string[]; rows: string[][] }
  | { type: 'signature'; text: string };

export interface DocSection {
  id: string;
  number: string;
  heading: string;
  blocks: DocBlock[];
  sections: DocSection[];
}

export interface DocModel {
  template: Template['id'];
  title: string;
  lang: Lang;
  sections: DocSection[];
}

export type Values = Record<string, string | number | boolean | null | undefined>;
export type Toggles = Record<string, boolean>;

export function evalCond(c: Cond | undefined, values: Values): boolean {
  if (!c) return true;
  if ('field' in c) return values[c.field] === c.eq;
  if ('all' in c) return c.all.every((x) => evalCond(x, values));
  if ('any' in c) return c.any.some((x) => evalCond(x, values));
  return !evalCond(c.not, values);
}

/** Whether a section is in the document: optional ones follow the practitioner's switch. */
export function isIncluded(s: Section, values: Values, toggles: Toggles): boolean {
  if (s.optional && toggles[s.id] !== undefined) return toggles[s.id] as boolean;
  return evalCond(s.when, values);
}

export function formatDate(iso: string, lang: Lang): string {
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleDateString(lang === 'ja' ? 'ja-JP' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' });
}

function display(field: Field | undefined, value: Values[string], lang: Lang): string {
  if (value === null || value === undefined || value === '' || typeof value === 'boolean') return '';
  if (field?.type === 'date' && typeof value === 'string') return formatDate(value, lang);
  if (field?.type === 'select')
    return field.options?.find((o) => o.value === value)?.label[lang] ?? String(value);
  return String(value);
}

export function fill(text: Text, lang: Lang, fields: Map<string, Field>, values: Values): string {
  return (
    text[lang]
      // An empty optional value takes its brackets with it: 「{{x}}」 → nothing.
      .replace(
        /「\{\{(\w+)\}\}」|\{\{(\w+)\}\}/g,
        (whole, quoted: string | undefined, bare: string | undefined) => {
          const name = (quoted ?? bare) as string;
          const shown = display(fields.get(name), values[name], lang);
          if (!shown) return '';
          return quoted ? `「${shown}」` : shown;
        },
      )
      .replace(/[ \t]{2,}/g, ' ')
      .trim()
  );
}

/** Rules are numbered 第N章 / 第N条 (articles run on across chapters); the rest 1. / 1.1. */
function numbering(template: Template['id'], lang: Lang) {
  if (template === 'rules') {
    let article = 0;
    return {
      top: (n: number) => t(lang, 'policy.numbering.chapter', { n }),
      sub: (_n: number, _m: number) => t(lang, 'policy.numbering.article', { n: ++article }),
    };
  }
  return { top: (n: number) => `${n}.`, sub: (n: number, m: number) => `${n}.${m}` };
}

function renderBlock(b: Block, f: (t: Text) => string): DocBlock {
  switch (b.type) {
    case 'p':
      return { type: 'p', text: f(b.text) };
    case 'signature':
      return { type: 'signature', text: f(b.text) };
    case 'list':
      return { type: 'list', items: b.items.map(f).filter(Boolean) };
    case 'table':
      return { type: 'table', header: b.header.map(f), rows: b.rows.map((r) => r.map(f)) };
  }
}

/** Pure: the filled, numbered document for these values and switches. */
export function buildDocument(tpl: Template, values: Values, toggles: Toggles, lang: Lang): DocModel {
  const fields = new Map(tpl.fields.map((x) => [x.id, x]));
  const f = (t: Text) => fill(t, lang, fields, values);
  const num = numbering(tpl.id, lang);
  let n = 0;
  const sections = tpl.sections
    .filter((s) => isIncluded(s, values, toggles))
    .map((s) => {
      n += 1;
      const top = n;
      let m = 0;
      return {
        id: s.id,
        number: num.top(top),
        heading: f(s.heading),
        blocks: s.blocks.map((b) => renderBlock(b, f)),
        sections: (s.sections ?? [])
          .filter((sub) => isIncluded(sub, values, toggles))
          .map((sub) => {
            m += 1;
            return {
              id: sub.id,
              number: num.sub(top, m),
              heading: f(sub.heading),
              blocks: sub.blocks.map((b) => renderBlock(b, f)),
              sections: [],
            };
          }),
      };
    });
  return { template: tpl.id, title: f(tpl.title), lang, sections };
}

/** The zod schema of a template's fields: 400 names the field that is wrong. */
export function fieldsSchema(tpl: Template) {
  const shape: Record<string, z.ZodType> = {};
  for (const field of tpl.fields) {
    let s: z.ZodType;
    switch (field.type) {
      case 'text':
      case 'textarea': {
        let str = z
          .string()
          .trim()
          .max(field.max ?? (field.type === 'text' ? 200 : 5000));
        if (field.required) str = str.min(Math.max(1, field.min ?? 1));
        s = str;
        break;
      }
      case 'date':
        s = field.required
          ? z.iso.date({ message: 'fields.invalid_date' })
          : z.union([z.iso.date({ message: 'fields.invalid_date' }), z.literal('')]);
        break;
      case 'number':
        s = z
          .number()
          .int()
          .min(field.min ?? -1e9)
          .max(field.max ?? 1e9);
        break;
      case 'select':
        s = z.enum(field.options?.map((o) => o.value) as [string, ...string[]]);
        break;
      case 'boolean':
        s = z.boolean();
        break;
    }
    shape[field.id] =
      field.required || field.type === 'boolean' || field.type === 'number' ? s : s.optional();
  }
  return z.strictObject(shape);
}

/** Every line of text of the document, numbered headings included: the unit of comparison. */
export function documentLines(doc: DocModel): string[] {
  const lines: string[] = [doc.title];
  const visit = (s: DocSection) => {
    lines.push(`${s.number} ${s.heading}`);
    for (const b of s.blocks) {
      if (b.type === 'p' || b.type === 'signature') lines.push(b.text);
      if (b.type === 'list') lines.push(...b.items.map((i, k) => `(${k + 1}) ${i}`));
      if (b.type === 'table') lines.push(b.header.join(' | '), ...b.rows.map((r) => r.join(' | ')));
    }
    s.sections.forEach(visit);
  };
  doc.sections.forEach(visit);
  return lines;
}
