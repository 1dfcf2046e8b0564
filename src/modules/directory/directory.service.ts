import { randomUUID } from 'node:crypto';
import { findUserById, listOperators } from '../../kernel/auth/users.ts';
import { AppError, ruleError } from '../../kernel/http/errors.ts';
import { type Lang, normalizeLang, t } from '../../kernel/i18n/index.ts';
import { renderActionMail } from '../../kernel/mail/templates.ts';
import type { ModuleContext } from '../../kernel/module.ts';
import { refLabel } from '../../kernel/reference.ts';
import { getOrgProfile } from '../orgs/index.ts';
import * as repo from './directory.repo.ts';
import { lists } from './directory.schema.ts';

const label = (items: Array<{ id: string; ja: string; en: string }>, id: string, lang: Lang) =>
  items.find((i) => i.id === id)?.[lang] ?? id;

export function listsFor(lang: Lang) {
  return {
    qualifications: lists.qualifications.map((q) => ({ id: q.id, label: q[lang] })),
    categories: lists.categories.map((c) => ({ id: c.id, label: c[lang] })),
  };
}

function presentPresenter(p: repo.PresenterRow, lang: Lang) {
  return {
    id: p.id,
    name: p.name,
    kana: p.kana,
    prefectures: p.prefectures,
    qualifications: p.qualifications.map((id) => ({ id, label: label(lists.qualifications, id, lang) })),
    qualificationOther: p.qualificationOther,
    affiliation: p.affiliation,
    pr: p.pr,
  };
}

export function presentMine(p: repo.PresenterRow, lang: Lang) {
  return { ...presentPresenter(p, lang), status: p.status, email: p.email, reviewNote: p.reviewNote };
}

type PresenterInput = {
  name: string;
  kana: string;
  prefectures: string[];
  qualifications: string[];
  qualificationOther?: string | undefined;
  affiliation?: string | undefined;
  email: string;
  pr: string;
};

/** Applying again (after a change or a rejection) sends the profile back to the operator. */
/** The presenter's own language, from their account. */
async function presenterLang(ctx: ModuleContext, p: repo.PresenterRow): Promise<Lang> {
  return normalizeLang((await findUserById(ctx.db, p.userId))?.locale);
}

export async function apply(ctx: ModuleContext, userId: string, input: PresenterInput) {
  const p = await repo.upsertPresenter(ctx.db, {
    id: randomUUID(),
    userId,
    status: 'pending',
    name: input.name,
    kana: input.kana,
    prefectures: input.prefectures,
    qualifications: input.qualifications,
    qualificationOther: input.qualificationOther ?? null,
    affiliation: input.affiliation ?? null,
    email: input.email,
    pr: input.pr,
    reviewNote: null,
  });
  for (const op of await listOperators(ctx.db)) {
    await ctx.mailer.send(
      renderActionMail(
        op.locale,
        'mail.presenter_applied',
        { email: op.email, name: op.name },
        `${ctx.config.publicUrl}/admin/presenters`,
        {
          name: p.name,
        },
      ),
    );
  }
  return p;
}

export async function mine(ctx: ModuleContext, userId: string) {
  return repo.presenterOfUser(ctx.db, userId);
}

export async function review(
  ctx: ModuleContext,
  id: string,
  decision: 'approved' | 'rejected',
  note: string | undefined,
) {
  const p = await repo.setPresenterStatus(ctx.db, id, decision, note ?? null);
  if (!p) throw new AppError('not_found');
  const lang = await presenterLang(ctx, p);
  await ctx.mailer.send(
    renderActionMail(
      lang,
      'mail.presenter_reviewed',
      { email: p.email, name: p.name },
      `${ctx.config.publicUrl}/presenter`,
      {
        result: t(lang, `directory.presenterStatus.${decision}`),
        note: note ?? '—',
      },
    ),
  );
  return p;
}

export async function search(
  ctx: ModuleContext,
  q: { prefecture?: string | undefined; qualification?: string | undefined; q?: string | undefined },
  lang: Lang,
) {
  const rows = (await repo.listPresenters(ctx.db, 'approved')).filter(
    (p) =>
      (!q.prefecture || p.prefectures.includes(q.prefecture)) &&
      (!q.qualification || p.qualifications.includes(q.qualification)) &&
      (!q.q ||
        `${p.name} ${p.kana} ${p.affiliation ?? ''} ${p.pr}`.toLowerCase().includes(q.q.toLowerCase())),
  );
  return rows.map((p) => presentPresenter(p, lang));
}

export async function publicPresenter(ctx: ModuleContext, id: string, lang: Lang) {
  const p = await repo.findPresenter(ctx.db, id);
  if (!p || p.status !== 'approved') throw new AppError('not_found');
  return presentPresenter(p, lang);
}

export async function adminList(ctx: ModuleContext, lang: Lang) {
  return (await repo.listPresenters(ctx.db)).map((p) => presentMine(p, lang));
}

/** Anyone may ask an approved presenter for a seminar; the presenter gets it by e-mail. */
export async function requestSeminar(
  ctx: ModuleContext,
  presenterId: string,
  input: Omit<repo.SeminarRow, 'id' | 'presenterId' | 'status' | 'reply' | 'repliedAt' | 'createdAt'>,
) {
  const p = await repo.findPresenter(ctx.db, presenterId);
  if (!p || p.status !== 'approved') throw new AppError('not_found');
  await repo.insertSeminar(ctx.db, { id: randomUUID(), presenterId, ...input });
  const lang = await presenterLang(ctx, p);
  await ctx.mailer.send(
    renderActionMail(
      lang,
      'mail.seminar_request',
      { email: p.email, name: p.name },
      `${ctx.config.publicUrl}/presenter`,
      {
        org: input.requesterOrg,
        requester: input.requesterName,
        prefecture: refLabel('prefecture', input.prefecture, lang),
        dates: input.preferredDates,
        audience: input.audience,
        message: input.message,
      },
    ),
  );
}

export async function mySeminars(ctx: ModuleContext, userId: string) {
  const p = await repo.presenterOfUser(ctx.db, userId);
  if (!p) throw new AppError('not_found');
  return repo.seminarsOf(ctx.db, p.id);
}

export async function replySeminar(
  ctx: ModuleContext,
  userId: string,
  id: string,
  status: 'accepted' | 'declined',
  reply: string,
) {
  const p = await repo.presenterOfUser(ctx.db, userId);
  if (!p || p.status !== 'approved') throw new AppError('not_found');
  const row = await repo.replySeminar(ctx.db, p.id, id, status, reply);
  if (!row) throw new AppError('not_found');
  // The requester has no account: the answer goes by e-mail, with the presenter's address to reply to.
  await ctx.mailer.send({
    ...renderActionMail(
      normalizeLang(row.lang),
      'mail.seminar_reply',
      { email: row.requesterEmail, name: row.requesterName },
      `${ctx.config.publicUrl}/presenters/${p.id}`,
      {
        presenter: p.name,
        result: t(normalizeLang(row.lang), `directory.seminarStatus.${status}`),
        reply,
        presenterEmail: p.email,
      },
    ),
    headers: { 'Reply-To': p.email },
  });
  return row;
}

// ---- providers and IT supporters ----

export async function saveListing(
  ctx: ModuleContext,
  orgId: string,
  input: {
    categories: string[];
    prefectures: string[];
    industries: string[];
    description: string;
    url?: string | null | undefined;
    published: boolean;
  },
) {
  const profile = await getOrgProfile(ctx, orgId);
  if (profile.kind !== 'provider') throw ruleError('directory', 'not_provider', 'forbidden');
  await repo.upsertListing(ctx.db, { orgId, ...input, url: input.url ?? null });
}

async function presentListing(ctx: ModuleContext, l: repo.ListingRow, lang: Lang) {
  return {
    orgId: l.orgId,
    name: (await getOrgProfile(ctx, l.orgId)).name,
    categories: l.categories.map((id) => ({ id, label: label(lists.categories, id, lang) })),
    prefectures: l.prefectures,
    industries: l.industries,
    description: l.description,
    url: l.url,
    published: l.published,
  };
}

export async function myListing(ctx: ModuleContext, orgId: string, lang: Lang) {
  const l = await repo.findListing(ctx.db, orgId);
  return l ? presentListing(ctx, l, lang) : null;
}

export async function searchListings(
  ctx: ModuleContext,
  q: {
    category?: string | undefined;
    prefecture?: string | undefined;
    industry?: string | undefined;
    q?: string | undefined;
  },
  lang: Lang,
) {
  const rows = (await repo.publishedListings(ctx.db)).filter(
    (l) =>
      (!q.category || l.categories.includes(q.category)) &&
      (!q.prefecture || l.prefectures.includes(q.prefecture)) &&
      (!q.industry || l.industries.length === 0 || l.industries.includes(q.industry)),
  );
  const out = await Promise.all(rows.map((l) => presentListing(ctx, l, lang)));
  return q.q
    ? out.filter((l) => `${l.name} ${l.description}`.toLowerCase().includes((q.q as string).toLowerCase()))
    : out;
}
