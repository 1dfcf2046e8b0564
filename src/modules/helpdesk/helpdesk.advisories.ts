import { randomUUID } from 'node:crypto';
import { Feed } from 'feed';
import MarkdownIt from 'markdown-it';
import type { OrgRole } from '../../kernel/auth/auth.ts';
import type { Actor } from '../../kernel/http/context.ts';
import { AppError } from '../../kernel/http/errors.ts';
import { type Lang, t } from '../../kernel/i18n/index.ts';
import { renderActionMail } from '../../kernel/mail/templates.ts';
import type { DigestRequest, DigestSection, ModuleContext } from '../../kernel/module.ts';
import { customersOf, getOrgProfile, listOrgMembers, orgManagers, providersOf } from '../orgs/index.ts';
import { forwarders } from './helpdesk.access.ts';
import { excerpt, markdownToText, sendEach } from './helpdesk.mail.ts';
import * as repo from './helpdesk.repo.ts';
import type { AdvisorySeverity } from './helpdesk.tables.ts';

// Raw HTML in an advisory is escaped, never passed through; links only to http(s)/mailto.
const md = new MarkdownIt({ html: false, linkify: true, typographer: false });
export const renderMarkdown = (s: string) => md.render(s);

export interface AdvisoryInput {
  title: string;
  severity: AdvisorySeverity;
  affected: string;
  actions: string;
}

type Found = NonNullable<Awaited<ReturnType<typeof repo.findAdvisory>>>;

function present(x: { row: repo.AdvisoryRow; providerName: string | null }) {
  const a = x.row;
  return {
    id: a.id,
    title: a.title,
    severity: a.severity,
    affected: a.affected,
    source: a.providerOrgId ? ('provider' as const) : ('operator' as const),
    sourceName: a.providerOrgId ? x.providerName : null,
    publishedAt: a.publishedAt.toISOString(),
  };
}

const presentFull = (x: Found) => ({
  ...present(x),
  actions: x.row.actions,
  actionsHtml: renderMarkdown(x.row.actions),
});

/** What an organisation sees: an SME its providers' advisories and the operator's; a provider its own. */
async function scopeOf(
  ctx: ModuleContext,
  orgId: string,
): Promise<Pick<repo.AdvisoryFilter, 'visibleToProviders' | 'providerOrgId'>> {
  const profile = await getOrgProfile(ctx, orgId);
  if (profile.kind === 'provider') return { providerOrgId: orgId };
  return { visibleToProviders: (await providersOf(ctx, orgId)).map((p) => p.providerOrgId) };
}

function visibleIn(scope: Awaited<ReturnType<typeof scopeOf>>, a: repo.AdvisoryRow): boolean {
  if (scope.providerOrgId) return a.providerOrgId === scope.providerOrgId;
  return a.providerOrgId === null || (scope.visibleToProviders ?? []).includes(a.providerOrgId);
}

export async function listForOrg(
  ctx: ModuleContext,
  orgId: string,
  q: { severity?: AdvisorySeverity; page: number },
) {
  const scope = await scopeOf(ctx, orgId);
  const { items, total } = await repo.listAdvisories(ctx.db, { ...scope, ...q });
  return { items: items.map(present), total, page: q.page, pageSize: repo.PAGE_SIZE };
}

export async function listOperatorAdvisories(
  ctx: ModuleContext,
  q: { severity?: AdvisorySeverity; page: number },
) {
  const { items, total } = await repo.listAdvisories(ctx.db, { operatorOnly: true, ...q });
  return { items: items.map(present), total, page: q.page, pageSize: repo.PAGE_SIZE };
}

export async function detailForOrg(ctx: ModuleContext, orgId: string, id: string, role: OrgRole) {
  const found = await repo.findAdvisory(ctx.db, id);
  if (!found || !visibleIn(await scopeOf(ctx, orgId), found.row)) throw new AppError('not_found');
  const profile = await getOrgProfile(ctx, orgId);
  const canForward = profile.kind === 'sme' && forwarders.includes(role);
  const f = canForward ? await repo.forwardsOf(ctx.db, orgId, id) : null;
  return {
    ...presentFull(found),
    canForward,
    forwards: f ? { count: f.count, lastAt: f.lastAt?.toISOString() ?? null } : null,
  };
}

export async function operatorDetail(ctx: ModuleContext, id: string) {
  const found = await repo.findAdvisory(ctx.db, id);
  if (!found || found.row.providerOrgId) throw new AppError('not_found');
  return { ...presentFull(found), canForward: false, forwards: null };
}

/** Publishes an advisory: the operator's reach everyone; a provider's reach its customers, whose owners are told. */
export async function publish(
  ctx: ModuleContext,
  actor: Actor,
  providerOrgId: string | null,
  input: AdvisoryInput,
) {
  if (providerOrgId && (await getOrgProfile(ctx, providerOrgId)).kind !== 'provider') {
    throw new AppError('not_found');
  }
  const id = randomUUID();
  await repo.insertAdvisory(ctx.db, { id, providerOrgId, createdBy: actor.userId, ...input });
  const found = await repo.findAdvisory(ctx.db, id);
  if (!found) throw new AppError('internal');
  if (providerOrgId) {
    for (const customer of await customersOf(ctx, providerOrgId)) {
      const owners = (await orgManagers(ctx, customer.customerOrgId)).map((m) => ({
        email: m.email,
        name: m.name,
        locale: m.locale,
      }));
      await sendEach(ctx, owners, (r) =>
        renderActionMail(
          r.locale,
          'helpdesk.mail.advisory_new',
          r,
          `${ctx.config.publicUrl}/orgs/${customer.customerOrgId}/advisories/${id}`,
          {
            title: input.title,
            severity: t(r.locale, `helpdesk.severity.${input.severity}`),
            source: found.providerName ?? '',
            org: customer.customerName,
          },
        ),
      );
    }
  }
  return presentFull(found);
}

/**
 * An SME owner sends an advisory to all (other) members or to chosen ones; each gets one mail in
 * their language. The recipients are recorded, so a member gets a given forward only once.
 */
export async function forward(
  ctx: ModuleContext,
  actor: Actor,
  orgId: string,
  id: string,
  input: { to: 'all'; note?: string } | { to: 'members'; userIds: string[]; note?: string },
) {
  const found = await repo.findAdvisory(ctx.db, id);
  if (!found || !visibleIn(await scopeOf(ctx, orgId), found.row)) throw new AppError('not_found');
  const profile = await getOrgProfile(ctx, orgId);
  const members = await listOrgMembers(ctx, orgId);
  let chosen: typeof members;
  if (input.to === 'all') {
    chosen = members.filter((m) => m.userId !== actor.userId);
  } else {
    const byId = new Map(members.map((m) => [m.userId, m]));
    const unknown = input.userIds.filter((u) => !byId.has(u));
    if (unknown.length) {
      throw new AppError('validation_failed', {
        fields: { userIds: { key: 'helpdesk.errors.not_members' } },
      });
    }
    chosen = [...new Set(input.userIds)].map((u) => byId.get(u) as (typeof members)[number]);
  }
  if (chosen.length === 0) {
    throw new AppError('validation_failed', { fields: { to: { key: 'helpdesk.errors.no_recipients' } } });
  }
  const forwardId = randomUUID();
  const recorded = new Set(
    await repo.insertForward(
      ctx.db,
      { id: forwardId, orgId, advisoryId: id, forwardedBy: actor.userId, note: input.note || null },
      chosen.map((m) => m.userId),
    ),
  );
  const a = found.row;
  const url = `${ctx.config.publicUrl}/orgs/${orgId}/advisories/${id}`;
  const sent = await sendEach(
    ctx,
    chosen.filter((m) => recorded.has(m.userId)),
    (r) =>
      renderActionMail(r.locale, 'helpdesk.mail.advisory_forward', r, url, {
        title: a.title,
        severity: t(r.locale, `helpdesk.severity.${a.severity}`),
        from: actor.name,
        org: profile.name,
        note: input.note ? t(r.locale, 'helpdesk.mail.advisory_forward_note', { note: input.note }) : '',
        affected: excerpt(a.affected, 1000),
        actions: excerpt(markdownToText(a.actions), 3000),
      }),
  );
  return { id: forwardId, sent };
}

/** The operator's public advisories as Atom, newest 50, in one language. */
export async function atomFeed(ctx: ModuleContext, lang: Lang): Promise<string> {
  const { items } = await repo.listAdvisories(ctx.db, { operatorOnly: true, page: 1, pageSize: 50 });
  const base = ctx.config.publicUrl;
  const feed = new Feed({
    title: t(lang, 'helpdesk.feed.title'),
    description: t(lang, 'helpdesk.feed.description'),
    id: `${base}/api/v1/advisories.atom`,
    link: base,
    language: lang,
    copyright: t(lang, 'helpdesk.feed.copyright'),
    updated: items[0]?.row.publishedAt ?? new Date(0),
    feedLinks: { atom: `${base}/api/v1/advisories.atom` },
  });
  for (const { row } of items) {
    const severity = t(lang, `helpdesk.severity.${row.severity}`);
    feed.addItem({
      title: `[${severity}] ${row.title}`,
      id: `urn:uuid:${row.id}`,
      link: `${base}/advisories/${row.id}`,
      date: row.publishedAt,
      published: row.publishedAt,
      description: row.affected,
      content: `<h2>${t(lang, 'helpdesk.feed.affected')}</h2>${renderMarkdown(row.affected)}<h2>${t(lang, 'helpdesk.feed.actions')}</h2>${renderMarkdown(row.actions)}`,
    });
  }
  return feed.atom1();
}

/** The weekly newsletter's part: advisories new to this member's organisation since the last one. */
export async function digest(ctx: ModuleContext, req: DigestRequest): Promise<DigestSection | null> {
  const scope = await scopeOf(ctx, req.orgId);
  if (scope.providerOrgId) return null;
  const { items } = await repo.listAdvisories(ctx.db, {
    ...scope,
    since: req.since,
    until: req.until,
    page: 1,
    pageSize: 20,
  });
  if (items.length === 0) return null;
  return {
    id: 'helpdesk.advisories',
    title: t(req.lang, 'helpdesk.digest.title'),
    items: items.map(({ row }) => ({
      text: `[${t(req.lang, `helpdesk.severity.${row.severity}`)}] ${row.title}`,
      url: `${ctx.config.publicUrl}/orgs/${req.orgId}/advisories/${row.id}`,
    })),
  };
}
