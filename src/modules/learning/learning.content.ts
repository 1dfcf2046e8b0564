import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import MarkdownIt from 'markdown-it';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Lang } from '../../kernel/i18n/index.ts';

/** Themes and courses are content (content/learning), checked when the module loads. */
const text = z.object({ ja: z.string().min(1), en: z.string().min(1) });
const list = z.object({
  ja: z.array(z.string().min(1)).min(3).max(5),
  en: z.array(z.string().min(1)).min(3).max(5),
});

const question = z
  .object({
    id: z.string().regex(/^q\d+$/),
    text,
    choices: z
      .array(z.object({ id: z.string().regex(/^[a-d]$/), text }))
      .min(3)
      .max(4),
    answer: z.string(),
    explanation: text,
  })
  .refine((q) => q.choices.some((c) => c.id === q.answer), { message: 'answer must be one of the choices' })
  .refine((q) => new Set(q.choices.map((c) => c.id)).size === q.choices.length, {
    message: 'choice ids must be unique',
  });

export const themeSchema = z.object({
  id: z.string().regex(/^[a-z-]+$/),
  item: z.number().int().min(1).max(25),
  minutes: z.number().int().min(1).max(15),
  title: text,
  summary: text,
  scenario: text,
  whatWentWrong: text,
  keyPoints: list.refine((l) => l.ja.length === l.en.length, {
    message: 'ja and en key points differ in number',
  }),
  questions: z.array(question).min(3).max(5),
});
export type Theme = z.infer<typeof themeSchema>;

const courseSchema = z.object({
  courses: z.array(
    z.object({
      id: z.enum(['owner', 'employee']),
      title: text,
      description: text,
      themes: z.array(z.string()).min(1),
    }),
  ),
});
export type Course = z.infer<typeof courseSchema>['courses'][number];

export const contentDir = path.resolve(import.meta.dirname, '../../../content/learning');

// Raw HTML in content is escaped, never passed through.
const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
export const renderMarkdown = (s: string) => md.render(s);

export interface LearningContent {
  themes: Theme[];
  byId: Map<string, Theme>;
  courses: Course[];
  html: Map<string, { scenario: Record<Lang, string>; whatWentWrong: Record<Lang, string> }>;
}

export function loadContent(dir = contentDir): LearningContent {
  const themes: Theme[] = [];
  const themeDir = path.join(dir, 'themes');
  for (const file of readdirSync(themeDir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()) {
    const parsed = themeSchema.safeParse(parse(readFileSync(path.join(themeDir, file), 'utf8')));
    if (!parsed.success)
      throw new Error(`content/learning/themes/${file} is invalid:\n${z.prettifyError(parsed.error)}`);
    if (`${parsed.data.id}.yaml` !== file)
      throw new Error(`content/learning/themes/${file}: id ${parsed.data.id} does not match the file name`);
    themes.push(parsed.data);
  }
  themes.sort((a, b) => a.item - b.item);
  const byId = new Map(themes.map((t) => [t.id, t]));
  const courses = courseSchema.safeParse(parse(readFileSync(path.join(dir, 'courses.yaml'), 'utf8')));
  if (!courses.success)
    throw new Error(`content/learning/courses.yaml is invalid:\n${z.prettifyError(courses.error)}`);
  for (const c of courses.data.courses) {
    for (const id of c.themes)
      if (!byId.has(id))
        throw new Error(`content/learning/courses.yaml: course ${c.id} names unknown theme ${id}`);
  }
  const html = new Map(
    themes.map((t) => [
      t.id,
      {
        scenario: { ja: renderMarkdown(t.scenario.ja), en: renderMarkdown(t.scenario.en) },
        whatWentWrong: { ja: renderMarkdown(t.whatWentWrong.ja), en: renderMarkdown(t.whatWentWrong.en) },
      },
    ]),
  );
  return { themes, byId, courses: courses.data.courses, html };
}
