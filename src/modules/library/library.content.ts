import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

/** The library's built-in pages, videos and practice questions are content (content/library), checked at start. */
export const text = z.object({ ja: z.string().trim().min(1), en: z.string().trim().min(1) });
const label = z.object({ id: z.string().regex(/^[a-z0-9-]{2,40}$/), label: text });

/** Links are checked for form only (an https address); they are never fetched. */
export const httpsUrl = z
  .string()
  .trim()
  .max(2000)
  .refine(
    (s) => {
      try {
        const u = new URL(s);
        return u.protocol === 'https:' && u.hostname.includes('.');
      } catch {
        return false;
      }
    },
    { message: 'library.fields.https_url' },
  );

export const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{1,79}$/, { message: 'library.fields.slug' });

export const taxonomySchema = z.object({
  categories: z.array(label.extend({ description: text })).min(1),
  tags: z.array(label).min(1),
  audiences: z.array(label).min(1),
  topics: z.array(label).min(1),
  viewers: z.array(label).min(1),
  practiceTopics: z.array(label).min(1),
});
export type Taxonomy = z.infer<typeof taxonomySchema>;

const isoDate = z.iso.date();
// Noon in Japan, so the date reads the same in any time zone a browser shows it in.
const day = z
  .union([isoDate, z.date()])
  .transform((d) => (d instanceof Date ? d : new Date(`${d}T12:00:00+09:00`)));

export const entrySchema = z.object({
  id: slug,
  category: z.string(),
  audiences: z.array(z.string()).min(1),
  tags: z.array(z.string()).min(1).max(8),
  published: day,
  keywords: z.array(z.string().min(1)).default([]),
  title: text,
  summary: text,
  body: text,
  links: z
    .array(z.object({ label: text, url: httpsUrl }))
    .min(1)
    .max(8),
});
export type Entry = z.infer<typeof entrySchema>;

export const videoSchema = z.object({
  id: slug,
  title: text,
  publisher: text,
  minutes: z.number().int().min(1).max(600),
  topic: z.string(),
  viewers: z.array(z.string()).min(1),
  training: z.enum(['free', 'check']),
  published: day,
  url: httpsUrl,
  description: text,
});
export type Video = z.infer<typeof videoSchema>;

export const questionSchema = z
  .object({
    id: z.string().regex(/^p\d{2,3}$/),
    topic: z.string(),
    text,
    choices: z.array(z.object({ id: z.enum(['a', 'b', 'c', 'd']), text })).length(4),
    answer: z.enum(['a', 'b', 'c', 'd']),
    explanation: text,
  })
  .refine((q) => new Set(q.choices.map((c) => c.id)).size === 4, { message: 'choice ids must be unique' });
export type Question = z.infer<typeof questionSchema>;

export interface LibraryContent {
  taxonomy: Taxonomy;
  entries: Entry[];
  videos: Video[];
  questions: Question[];
}

export const contentDir = path.resolve(import.meta.dirname, '../../../content/library');

function load<T>(dir: string, file: string, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(parse(readFileSync(path.join(dir, file), 'utf8')));
  if (!parsed.success)
    throw new Error(`content/library/${file} is invalid:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

function unique(file: string, ids: string[]) {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) throw new Error(`content/library/${file}: id ${id} is used twice`);
    seen.add(id);
  }
}

function known(file: string, owner: string, field: string, values: string[], allowed: { id: string }[]) {
  const ids = new Set(allowed.map((a) => a.id));
  for (const v of values)
    if (!ids.has(v)) throw new Error(`content/library/${file}: ${owner} names unknown ${field} "${v}"`);
}

/** Reads and checks every file; a broken file stops the server naming the file and the problem. */
export function loadLibraryContent(dir = contentDir): LibraryContent {
  const taxonomy = load(dir, 'taxonomy.yaml', taxonomySchema);
  const entries = load(dir, 'entries.yaml', z.array(entrySchema).min(1));
  const videos = load(dir, 'videos.yaml', z.array(videoSchema).min(1));
  const questions = load(dir, 'practice.yaml', z.array(questionSchema).min(20));
  unique(
    'entries.yaml',
    entries.map((e) => e.id),
  );
  unique(
    'videos.yaml',
    videos.map((v) => v.id),
  );
  unique(
    'practice.yaml',
    questions.map((q) => q.id),
  );
  for (const e of entries) {
    known('entries.yaml', e.id, 'category', [e.category], taxonomy.categories);
    known('entries.yaml', e.id, 'audience', e.audiences, taxonomy.audiences);
    known('entries.yaml', e.id, 'tag', e.tags, taxonomy.tags);
  }
  for (const v of videos) {
    known('videos.yaml', v.id, 'topic', [v.topic], taxonomy.topics);
    known('videos.yaml', v.id, 'viewer', v.viewers, taxonomy.viewers);
  }
  for (const q of questions) known('practice.yaml', q.id, 'topic', [q.topic], taxonomy.practiceTopics);
  return { taxonomy, entries, videos, questions };
}
