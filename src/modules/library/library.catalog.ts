import { z } from 'zod';
import type { Lang } from '../../kernel/i18n/index.ts';
import { type Entry, httpsUrl, type LibraryContent, type Video } from './library.content.ts';
import type { ItemRow } from './library.repo.ts';

/** Text the operator writes: Japanese is required, English falls back to it when left empty. */
const editable = (max: number) =>
  z.object({ ja: z.string().trim().min(1).max(max), en: z.string().trim().max(max).default('') });

export const entryInput = z.strictObject({
  category: z.string().min(1).max(40),
  audiences: z.array(z.string().max(40)).min(1).max(4),
  tags: z.array(z.string().max(40)).min(1).max(8),
  keywords: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
  title: editable(200),
  summary: editable(600),
  body: editable(8000),
  links: z
    .array(z.strictObject({ label: editable(200), url: httpsUrl }))
    .min(1)
    .max(8),
});
export type EntryInput = z.infer<typeof entryInput>;

export const videoInput = z.strictObject({
  title: editable(200),
  publisher: editable(100),
  minutes: z.number().int().min(1).max(600),
  topic: z.string().min(1).max(40),
  viewers: z.array(z.string().max(40)).min(1).max(3),
  training: z.enum(['free', 'check']),
  url: httpsUrl,
  description: editable(1000),
});
export type VideoInput = z.infer<typeof videoInput>;

export type Source = 'content' | 'edited' | 'operator';
type Meta = { addedAt: Date; source: Source; hidden: boolean; order: number };
export type CatalogEntry = Omit<Entry, 'published'> & Meta;
export type CatalogVideo = Omit<Video, 'published'> & Meta;

/** Built-in items, with the operator's rows applied: a row edits or hides a built-in item, or adds one. */
function merge<C extends { id: string; published: Date }, I>(
  builtIn: C[],
  rows: ItemRow[],
  input: z.ZodType<I>,
): Array<Omit<C, 'published'> & Meta> {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const out: Array<Omit<C, 'published'> & Meta> = builtIn.map((c, order) => {
    const { published, ...rest } = c;
    const row = byId.get(c.id);
    const data = row?.data ? input.safeParse(row.data) : null;
    return {
      ...rest,
      ...(data?.success ? data.data : {}),
      id: c.id,
      addedAt: published,
      source: data?.success ? 'edited' : 'content',
      hidden: row?.hidden ?? false,
      order,
    } as Omit<C, 'published'> & Meta;
  });
  const known = new Set(builtIn.map((c) => c.id));
  const added = rows
    .filter((r) => !known.has(r.id) && r.data)
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  for (const r of added) {
    const data = input.safeParse(r.data);
    // A stored row that no longer fits the schema is skipped rather than breaking the whole list.
    if (!data.success) continue;
    out.push({
      ...(data.data as object),
      id: r.id,
      addedAt: r.createdAt,
      source: 'operator',
      hidden: r.hidden,
      order: out.length,
    } as Omit<C, 'published'> & Meta);
  }
  return out;
}

export function mergeEntries(content: LibraryContent, rows: ItemRow[]): CatalogEntry[] {
  return merge(content.entries, rows, entryInput) as CatalogEntry[];
}

export function mergeVideos(content: LibraryContent, rows: ItemRow[]): CatalogVideo[] {
  return merge(content.videos, rows, videoInput) as CatalogVideo[];
}

/** The text in `lang`, or Japanese when the operator left the English empty. */
export const pick = (t: { ja: string; en: string }, lang: Lang) => t[lang] || t.ja;

/** Width, case and spacing do not matter: ＰＰＣ, ppc and PPC are the same word. */
export const normalize = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

export function terms(q: string | undefined): string[] {
  return q ? normalize(q).split(' ').filter(Boolean).slice(0, 8) : [];
}

/**
 * Every term must appear somewhere (in either language); matches in the title count most,
 * then keywords and tags, then the summary, then the body. 0 means "not a match".
 */
export function score(fields: Array<[weight: number, text: string]>, words: string[]): number {
  if (words.length === 0) return 1;
  let total = 0;
  for (const w of words) {
    let best = 0;
    for (const [weight, text] of fields) if (weight > best && text.includes(w)) best = weight;
    if (best === 0) return 0;
    total += best;
  }
  return total;
}

export function entryFields(e: CatalogEntry, labels: (id: string) => string[]): Array<[number, string]> {
  const both = (t: { ja: string; en: string }) => normalize(`${t.ja} ${t.en}`);
  return [
    [5, both(e.title)],
    [4, normalize([...e.keywords, ...e.tags.flatMap(labels), ...labels(e.category)].join(' '))],
    [2, both(e.summary)],
    [1, both(e.body)],
  ];
}

export function videoFields(v: CatalogVideo, labels: (id: string) => string[]): Array<[number, string]> {
  const both = (t: { ja: string; en: string }) => normalize(`${t.ja} ${t.en}`);
  return [
    [5, both(v.title)],
    [3, normalize([...labels(v.topic), both(v.publisher)].join(' '))],
    [2, both(v.description)],
  ];
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export function paginate<T>(all: T[], page: number, pageSize: number): Page<T> {
  return { items: all.slice((page - 1) * pageSize, page * pageSize), total: all.length, page, pageSize };
}

/** Filters, ranks and pages; ties keep the catalogue's order. */
export function search<T extends { order: number }>(
  all: T[],
  words: string[],
  fields: (item: T) => Array<[number, string]>,
  keep: (item: T) => boolean,
): T[] {
  return all
    .filter(keep)
    .map((item) => ({ item, s: score(fields(item), words) }))
    .filter((x) => x.s > 0)
    .sort((a, b) => b.s - a.s || a.item.order - b.item.order)
    .map((x) => x.item);
}
