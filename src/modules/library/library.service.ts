import { randomInt } from 'node:crypto';
import MarkdownIt from 'markdown-it';
import { validationError } from '../../kernel/http/error-handler.ts';
import { AppError } from '../../kernel/http/errors.ts';
import type { Lang } from '../../kernel/i18n/index.ts';
import type { ModuleContext } from '../../kernel/module.ts';
import {
  type CatalogEntry,
  type CatalogVideo,
  type EntryInput,
  entryFields,
  mergeEntries,
  mergeVideos,
  paginate,
  pick,
  search,
  terms,
  type VideoInput,
  videoFields,
} from './library.catalog.ts';
import { type LibraryContent, loadLibraryContent } from './library.content.ts';
import * as repo from './library.repo.ts';

export const content: LibraryContent = loadLibraryContent();
export const ENTRY_PAGE_SIZE = 10;
export const VIDEO_PAGE_SIZE = 12;
export const ADMIN_PAGE_SIZE = 25;

// Raw HTML in pages (built-in or the operator's) is escaped, never passed through.
const md = new MarkdownIt({ html: false, linkify: false, typographer: false });

type Labelled = { id: string; label: { ja: string; en: string } };
const index = (list: Labelled[]) => new Map(list.map((x) => [x.id, x.label]));
const tax = {
  categories: index(content.taxonomy.categories),
  tags: index(content.taxonomy.tags),
  audiences: index(content.taxonomy.audiences),
  topics: index(content.taxonomy.topics),
  viewers: index(content.taxonomy.viewers),
  practiceTopics: index(content.taxonomy.practiceTopics),
};
const labelOf = (map: Map<string, { ja: string; en: string }>, id: string, lang: Lang) =>
  map.get(id)?.[lang] ?? id;
const bothLabels = (id: string) => {
  for (const map of Object.values(tax)) {
    const l = map.get(id);
    if (l) return [l.ja, l.en];
  }
  return [id];
};
const labelled = (map: Map<string, { ja: string; en: string }>, ids: string[], lang: Lang) =>
  ids.map((id) => ({ id, label: labelOf(map, id, lang) }));

export const categoryLabel = (id: string, lang: Lang) => labelOf(tax.categories, id, lang);

export async function entries(ctx: Pick<ModuleContext, 'db'>): Promise<CatalogEntry[]> {
  return mergeEntries(content, await repo.listItems(ctx.db, 'entry'));
}

export async function videos(ctx: Pick<ModuleContext, 'db'>): Promise<CatalogVideo[]> {
  return mergeVideos(content, await repo.listItems(ctx.db, 'video'));
}

export function taxonomy(lang: Lang, visible: CatalogEntry[], visibleVideos: CatalogVideo[]) {
  const t = content.taxonomy;
  return {
    categories: t.categories.map((c) => ({
      id: c.id,
      label: c.label[lang],
      description: c.description[lang],
      count: visible.filter((e) => e.category === c.id).length,
    })),
    tags: t.tags
      .map((x) => ({
        id: x.id,
        label: x.label[lang],
        count: visible.filter((e) => e.tags.includes(x.id)).length,
      }))
      .filter((x) => x.count > 0),
    audiences: t.audiences.map((x) => ({ id: x.id, label: x.label[lang] })),
    topics: t.topics.map((x) => ({
      id: x.id,
      label: x.label[lang],
      count: visibleVideos.filter((v) => v.topic === x.id).length,
    })),
    viewers: t.viewers.map((x) => ({ id: x.id, label: x.label[lang] })),
    practiceTopics: t.practiceTopics.map((x) => ({
      id: x.id,
      label: x.label[lang],
      count: content.questions.filter((q) => q.topic === x.id).length,
    })),
  };
}

export function entrySummary(e: CatalogEntry, lang: Lang) {
  return {
    id: e.id,
    category: { id: e.category, label: labelOf(tax.categories, e.category, lang) },
    audiences: labelled(tax.audiences, e.audiences, lang),
    tags: labelled(tax.tags, e.tags, lang),
    title: pick(e.title, lang),
    summary: pick(e.summary, lang),
    addedAt: e.addedAt.toISOString(),
  };
}

export interface EntryQuery {
  q?: string | undefined;
  category?: string | undefined;
  tag?: string | undefined;
  audience?: string | undefined;
  page: number;
}

export async function listEntries(ctx: Pick<ModuleContext, 'db'>, query: EntryQuery, lang: Lang) {
  const all = await entries(ctx);
  const found = search(
    all,
    terms(query.q),
    (e) => entryFields(e, bothLabels),
    (e) =>
      !e.hidden &&
      (!query.category || e.category === query.category) &&
      (!query.tag || e.tags.includes(query.tag)) &&
      (!query.audience || e.audiences.includes(query.audience)),
  );
  const page = paginate(found, query.page, ENTRY_PAGE_SIZE);
  return { ...page, items: page.items.map((e) => entrySummary(e, lang)) };
}

export async function entryDetail(ctx: Pick<ModuleContext, 'db'>, id: string, lang: Lang) {
  const all = (await entries(ctx)).filter((e) => !e.hidden);
  const e = all.find((x) => x.id === id);
  if (!e) throw new AppError('not_found');
  const related = all
    .filter((x) => x.id !== e.id)
    .map((x) => ({ x, shared: x.tags.filter((t) => e.tags.includes(t)).length }))
    .filter((r) => r.shared > 0)
    .sort((a, b) => b.shared - a.shared || a.x.order - b.x.order)
    .slice(0, 4)
    .map((r) => entrySummary(r.x, lang));
  return {
    ...entrySummary(e, lang),
    bodyHtml: md.render(pick(e.body, lang)),
    links: e.links.map((l) => ({ label: pick(l.label, lang), url: l.url })),
    related,
  };
}

export function videoDto(v: CatalogVideo, lang: Lang) {
  return {
    id: v.id,
    title: pick(v.title, lang),
    publisher: pick(v.publisher, lang),
    minutes: v.minutes,
    topic: { id: v.topic, label: labelOf(tax.topics, v.topic, lang) },
    viewers: labelled(tax.viewers, v.viewers, lang),
    training: v.training,
    url: v.url,
    description: pick(v.description, lang),
    addedAt: v.addedAt.toISOString(),
  };
}

export async function listVideos(
  ctx: Pick<ModuleContext, 'db'>,
  query: { q?: string | undefined; topic?: string | undefined; viewer?: string | undefined; page: number },
  lang: Lang,
) {
  const found = search(
    await videos(ctx),
    terms(query.q),
    (v) => videoFields(v, bothLabels),
    (v) =>
      !v.hidden &&
      (!query.topic || v.topic === query.topic) &&
      (!query.viewer || v.viewers.includes(query.viewer)),
  );
  const page = paginate(found, query.page, VIDEO_PAGE_SIZE);
  return { ...page, items: page.items.map((v) => videoDto(v, lang)) };
}

// ---- watched marks (per member) ----

export async function watched(ctx: ModuleContext, orgId: string, userId: string) {
  const rows = await repo.watchedVideoIds(ctx.db, orgId, userId);
  return { items: rows.map((r) => ({ videoId: r.videoId, watchedAt: r.watchedAt.toISOString() })) };
}

async function mustVisibleVideo(ctx: ModuleContext, id: string) {
  const v = (await videos(ctx)).find((x) => x.id === id && !x.hidden);
  if (!v) throw new AppError('not_found');
  return v;
}

export async function setWatched(
  ctx: ModuleContext,
  orgId: string,
  userId: string,
  videoId: string,
  on: boolean,
) {
  if (on) {
    await mustVisibleVideo(ctx, videoId);
    await repo.markWatched(ctx.db, orgId, userId, videoId);
  } else {
    await repo.unmarkWatched(ctx.db, orgId, userId, videoId);
  }
  return watched(ctx, orgId, userId);
}

// ---- practice questions ----

export const PRACTICE_SET = 5;

/** A set of questions to answer; the right answers stay on the server until they are checked. */
export function practiceSet(query: { topic?: string | undefined; count: number }, lang: Lang) {
  const pool = content.questions.filter((q) => !query.topic || q.topic === query.topic);
  const chosen = [...pool];
  // Fisher–Yates, so each visit draws a different set.
  for (let i = chosen.length - 1; i > 0; i -= 1) {
    const j = randomInt(i + 1);
    [chosen[i], chosen[j]] = [chosen[j] as (typeof chosen)[number], chosen[i] as (typeof chosen)[number]];
  }
  return {
    total: content.questions.length,
    questions: chosen.slice(0, query.count).map((q) => ({
      id: q.id,
      topic: { id: q.topic, label: labelOf(tax.practiceTopics, q.topic, lang) },
      text: q.text[lang],
      choices: q.choices.map((c) => ({ id: c.id, text: c.text[lang] })),
    })),
  };
}

export function checkPractice(answers: Record<string, string>, lang: Lang) {
  const byId = new Map(content.questions.map((q) => [q.id, q]));
  const issues = [];
  for (const [id, choice] of Object.entries(answers)) {
    const q = byId.get(id);
    if (!q)
      issues.push({
        keyword: 'custom',
        instancePath: `/answers/${id}`,
        message: 'library.fields.unknown_question',
        params: {},
      });
    else if (!q.choices.some((c) => c.id === choice))
      issues.push({
        keyword: 'custom',
        instancePath: `/answers/${id}`,
        message: 'library.fields.bad_choice',
        params: {},
      });
  }
  if (issues.length) throw validationError(issues, 'body', { answers });
  const results = Object.entries(answers).map(([id, chosen]) => {
    const q = byId.get(id) as NonNullable<ReturnType<typeof byId.get>>;
    return {
      id,
      chosen,
      correct: chosen === q.answer,
      answer: q.answer,
      explanation: q.explanation[lang],
    };
  });
  return { correct: results.filter((r) => r.correct).length, total: results.length, results };
}

// ---- newsletter ----

export async function newsletterStatus(ctx: ModuleContext, orgId: string, userId: string) {
  const s = await repo.findSubscription(ctx.db, userId);
  const here = Boolean(s?.active && s.orgId === orgId);
  return {
    subscribed: here,
    /** Subscribed, but about another of the person's organisations. */
    elsewhere: Boolean(s?.active && s.orgId !== orgId),
    since: here && s ? s.subscribedAt.toISOString() : null,
  };
}

export async function subscribe(ctx: ModuleContext, orgId: string, userId: string) {
  await repo.subscribe(ctx.db, userId, orgId);
  return newsletterStatus(ctx, orgId, userId);
}

export async function unsubscribe(ctx: ModuleContext, orgId: string, userId: string) {
  const s = await repo.findSubscription(ctx.db, userId);
  if (s?.active && s.orgId === orgId) await repo.unsubscribe(ctx.db, userId);
  return newsletterStatus(ctx, orgId, userId);
}

// ---- the operator's catalogue ----

function adminEntry(e: CatalogEntry) {
  return {
    id: e.id,
    source: e.source,
    hidden: e.hidden,
    addedAt: e.addedAt.toISOString(),
    data: {
      category: e.category,
      audiences: e.audiences,
      tags: e.tags,
      keywords: e.keywords,
      title: e.title,
      summary: e.summary,
      body: e.body,
      links: e.links,
    },
  };
}

function adminVideo(v: CatalogVideo) {
  return {
    id: v.id,
    source: v.source,
    hidden: v.hidden,
    addedAt: v.addedAt.toISOString(),
    data: {
      title: v.title,
      publisher: v.publisher,
      minutes: v.minutes,
      topic: v.topic,
      viewers: v.viewers,
      training: v.training,
      url: v.url,
      description: v.description,
    },
  };
}

export async function adminEntries(ctx: ModuleContext, query: { q?: string | undefined; page: number }) {
  const found = search(
    await entries(ctx),
    terms(query.q),
    (e) => entryFields(e, bothLabels),
    () => true,
  );
  const page = paginate(found, query.page, ADMIN_PAGE_SIZE);
  return { ...page, items: page.items.map(adminEntry) };
}

export async function adminVideos(ctx: ModuleContext, query: { q?: string | undefined; page: number }) {
  const found = search(
    await videos(ctx),
    terms(query.q),
    (v) => videoFields(v, bothLabels),
    () => true,
  );
  const page = paginate(found, query.page, ADMIN_PAGE_SIZE);
  return { ...page, items: page.items.map(adminVideo) };
}

/** Field errors for ids the taxonomy does not know (categories, tags, topics…). */
function checkRefs(checks: Array<[field: string, ids: string | string[], allowed: Map<string, unknown>]>) {
  const issues = [];
  for (const [field, ids, allowed] of checks) {
    const list = Array.isArray(ids) ? ids : [ids];
    const bad = list.findIndex((id) => !allowed.has(id));
    if (bad >= 0)
      issues.push({
        keyword: 'custom',
        instancePath: Array.isArray(ids) ? `/${field}/${bad}` : `/${field}`,
        message: 'library.fields.unknown_choice',
        params: {},
      });
  }
  return issues;
}

export async function saveEntry(ctx: ModuleContext, userId: string, id: string, input: EntryInput) {
  const issues = checkRefs([
    ['category', input.category, tax.categories],
    ['audiences', input.audiences, tax.audiences],
    ['tags', input.tags, tax.tags],
  ]);
  if (issues.length) throw validationError(issues, 'body', input);
  await repo.upsertItemData(ctx.db, { kind: 'entry', id, data: input, updatedBy: userId });
  return adminEntry((await entries(ctx)).find((e) => e.id === id) as CatalogEntry);
}

export async function saveVideo(ctx: ModuleContext, userId: string, id: string, input: VideoInput) {
  const issues = checkRefs([
    ['topic', input.topic, tax.topics],
    ['viewers', input.viewers, tax.viewers],
  ]);
  if (issues.length) throw validationError(issues, 'body', input);
  await repo.upsertItemData(ctx.db, { kind: 'video', id, data: input, updatedBy: userId });
  return adminVideo((await videos(ctx)).find((v) => v.id === id) as CatalogVideo);
}

export async function setHidden(
  ctx: ModuleContext,
  userId: string,
  kind: repo.ItemKind,
  id: string,
  hidden: boolean,
) {
  const list = kind === 'entry' ? await entries(ctx) : await videos(ctx);
  if (!list.some((x) => x.id === id)) throw new AppError('not_found');
  await repo.setItemHidden(ctx.db, { kind, id, hidden, updatedBy: userId });
  if (kind === 'entry') return adminEntry((await entries(ctx)).find((e) => e.id === id) as CatalogEntry);
  return adminVideo((await videos(ctx)).find((v) => v.id === id) as CatalogVideo);
}

/** Drops the operator's version: a built-in item returns to its content, an added one is removed. */
export async function revert(ctx: ModuleContext, kind: repo.ItemKind, id: string) {
  if (!(await repo.deleteItem(ctx.db, kind, id))) throw new AppError('not_found');
}
