import { randomUUID } from 'node:crypto';
import type { OrgRole } from '../../kernel/auth/auth.ts';
import { listOperators } from '../../kernel/auth/users.ts';
import type { Actor } from '../../kernel/http/context.ts';
import { AppError, ruleError } from '../../kernel/http/errors.ts';
import type { Lang } from '../../kernel/i18n/index.ts';
import type { ModuleContext } from '../../kernel/module.ts';
import { getOrgProfile, listOrgMembers, providersOf } from '../orgs/index.ts';
import { deskStaff, smeSupervisors } from './helpdesk.access.ts';
import { categoryTitle, content, type Priority, priorities } from './helpdesk.content.ts';
import { newConsultationMail, type Recipient, replyMail, sendEach } from './helpdesk.mail.ts';
import * as repo from './helpdesk.repo.ts';
import { deadline, type Pause } from './helpdesk.sla.ts';
import type { ConsultationStatus, StoredPause } from './helpdesk.tables.ts';

/** Who is looking at a consultation, decided by the route's access check. */
export type Viewer =
  | { side: 'customer'; actor: Actor; role: OrgRole }
  | { side: 'desk'; actor: Actor; providerOrgId: string }
  | { side: 'operator'; actor: Actor };

export const refOf = (id: string) => id.slice(0, 8).toUpperCase();

const pausesOf = (stored: StoredPause[]): Pause[] =>
  stored.map((p) => ({ from: new Date(p.from), to: p.to ? new Date(p.to) : null }));

/** Both SLA deadlines of a consultation from its start, priority and pauses (content/helpdesk/sla.json). */
export function dueDates(c: { createdAt: Date; priority: Priority; pauses: StoredPause[] }) {
  const { sla, calendar } = content();
  const target = sla.priorities[c.priority];
  const opts = { allDay: target.allDay, pauses: pausesOf(c.pauses) };
  return {
    firstResponseDueAt: deadline(c.createdAt, target.firstResponseMinutes, calendar, {
      allDay: target.allDay,
    }),
    resolutionDueAt: deadline(c.createdAt, target.resolutionMinutes, calendar, opts),
  };
}

type ClockState = 'running' | 'paused' | 'overdue' | 'met' | 'breached';

function clockOf(targetMinutes: number, dueAt: Date | null, metAt: Date | null, paused: boolean, now: Date) {
  let state: ClockState;
  if (metAt) state = dueAt && metAt > dueAt ? 'breached' : 'met';
  else if (paused || !dueAt) state = 'paused';
  else state = dueAt < now ? 'overdue' : 'running';
  return {
    targetMinutes,
    dueAt: dueAt?.toISOString() ?? null,
    metAt: metAt?.toISOString() ?? null,
    state,
  };
}

export function presentSummary(
  x: { row: repo.ConsultationRow; orgName: string; openedByName: string },
  lang: Lang,
  now: Date,
) {
  const c = x.row;
  const target = content().sla.priorities[c.priority];
  const firstResponse = clockOf(
    target.firstResponseMinutes,
    c.firstResponseDueAt,
    c.firstResponseAt,
    false,
    now,
  );
  const finished = c.status === 'resolved' || c.status === 'closed';
  const resolution = clockOf(
    target.resolutionMinutes,
    c.resolutionDueAt,
    finished ? (c.resolvedAt ?? c.closedAt) : null,
    c.status === 'waiting_customer',
    now,
  );
  return {
    id: c.id,
    ref: refOf(c.id),
    orgId: c.orgId,
    orgName: x.orgName,
    servedBy: c.providerOrgId ? ('provider' as const) : ('operator' as const),
    category: c.category,
    categoryTitle: categoryTitle(c.category, lang),
    priority: c.priority,
    subject: c.subject,
    status: c.status,
    openedBy: x.openedByName,
    createdAt: c.createdAt.toISOString(),
    lastMessageAt: c.lastMessageAt.toISOString(),
    overdue: !finished && (firstResponse.state === 'overdue' || resolution.state === 'overdue'),
    firstResponse,
    resolution,
  };
}

// ---- recipients ----

async function deskRecipients(ctx: ModuleContext, providerOrgId: string | null): Promise<Recipient[]> {
  if (!providerOrgId) {
    return (await listOperators(ctx.db)).map((o) => ({ email: o.email, name: o.name, locale: o.locale }));
  }
  return (await listOrgMembers(ctx, providerOrgId))
    .filter((m) => deskStaff.includes(m.role))
    .map((m) => ({ email: m.email, name: m.name, locale: m.locale }));
}

/** The person who opened it and every customer-side member who wrote in the thread. */
async function customerRecipients(ctx: ModuleContext, c: repo.ConsultationRow): Promise<Recipient[]> {
  const writers = new Set((await repo.listMessages(ctx.db, c.orgId, c.id)).map((m) => m.authorId));
  writers.add(c.openedBy);
  return (await listOrgMembers(ctx, c.orgId))
    .filter((m) => writers.has(m.userId))
    .map((m) => ({ email: m.email, name: m.name, locale: m.locale }));
}

function threadUrl(ctx: ModuleContext, c: repo.ConsultationRow, forOperator: boolean) {
  return forOperator
    ? `${ctx.config.publicUrl}/admin/helpdesk/${c.id}`
    : `${ctx.config.publicUrl}/orgs/${c.orgId}/consultations/${c.id}`;
}

const mailFacts = (c: repo.ConsultationRow, orgName: string) => ({
  ref: refOf(c.id),
  subject: c.subject,
  category: c.category,
  priority: c.priority,
  orgName,
});

// ---- use cases ----

export async function openConsultation(
  ctx: ModuleContext,
  actor: Actor,
  orgId: string,
  input: { category: string; priority: Priority; subject: string; description: string },
) {
  const profile = await getOrgProfile(ctx, orgId);
  if (profile.kind !== 'sme') throw ruleError('helpdesk', 'only_sme', 'validation_failed');
  if (!content().categoryIds.has(input.category)) {
    throw new AppError('validation_failed', {
      fields: { category: { key: 'helpdesk.errors.unknown_category' } },
    });
  }
  const [provider] = await providersOf(ctx, orgId);
  const now = new Date();
  const id = randomUUID();
  const due = dueDates({ createdAt: now, priority: input.priority, pauses: [] });
  await repo.insertConsultation(ctx.db, {
    id,
    orgId,
    providerOrgId: provider?.providerOrgId ?? null,
    openedBy: actor.userId,
    ...input,
    status: 'open',
    pauses: [],
    ...due,
    createdAt: now,
    lastMessageAt: now,
  });
  const found = await repo.findConsultation(ctx.db, id, { orgId });
  if (!found) throw new AppError('internal');
  const c = found.row;
  const facts = mailFacts(c, profile.name);
  await sendEach(ctx, await deskRecipients(ctx, c.providerOrgId), (r) =>
    newConsultationMail(r, threadUrl(ctx, c, !c.providerOrgId), facts, c.description),
  );
  return found;
}

/** The consultation if the viewer may see it; 404 otherwise (even to learn it exists). */
export async function visibleConsultation(
  ctx: ModuleContext,
  viewer: Viewer,
  orgId: string | null,
  id: string,
) {
  const found = await repo.findConsultation(ctx.db, id, orgId ? { orgId } : {});
  if (!found) throw new AppError('not_found');
  const c = found.row;
  if (viewer.side === 'desk' && c.providerOrgId !== viewer.providerOrgId) throw new AppError('not_found');
  if (
    viewer.side === 'customer' &&
    !smeSupervisors.includes(viewer.role) &&
    c.openedBy !== viewer.actor.userId
  ) {
    throw new AppError('not_found');
  }
  return found;
}

function viewerRights(viewer: Viewer, c: repo.ConsultationRow, role?: OrgRole) {
  const open = c.status !== 'closed';
  if (viewer.side === 'customer') {
    const mine = c.openedBy === viewer.actor.userId || smeSupervisors.includes(role ?? viewer.role);
    return {
      side: 'customer' as const,
      canReply: open && mine,
      canClose: open && mine,
      canAttach: open && mine,
    };
  }
  const answering = viewer.side === 'desk' || c.providerOrgId === null;
  return {
    side: 'desk' as const,
    canReply: open && answering,
    canClose: open && answering && c.status === 'resolved',
    canAttach: open && answering,
  };
}

export async function consultationDetail(
  ctx: ModuleContext,
  viewer: Viewer,
  orgId: string | null,
  id: string,
  lang: Lang,
) {
  const found = await visibleConsultation(ctx, viewer, orgId, id);
  const c = found.row;
  const [messages, attachments] = await Promise.all([
    repo.listMessages(ctx.db, c.orgId, c.id),
    repo.listAttachments(ctx.db, c.orgId, c.id),
  ]);
  return {
    ...presentSummary(found, lang, new Date()),
    description: c.description,
    messages: messages.map((m) => ({
      id: m.id,
      side: m.side,
      authorName: m.authorName,
      body: m.body,
      status: m.status,
      createdAt: m.createdAt.toISOString(),
    })),
    attachments: attachments.map((a) => ({ ...a, createdAt: a.createdAt.toISOString() })),
    viewer: viewerRights(viewer, c),
  };
}

/** The status change a reply makes, and how the SLA pauses move with it. */
export function applyReply(
  c: Pick<repo.ConsultationRow, 'status' | 'pauses' | 'resolvedAt' | 'firstResponseAt'>,
  side: 'customer' | 'desk',
  requested: 'answered' | 'waiting_customer' | 'resolved' | undefined,
  now: Date,
) {
  if (c.status === 'closed') return null;
  const next: ConsultationStatus = side === 'customer' ? 'open' : (requested ?? 'answered');
  let pauses = c.pauses.map((p) => ({ ...p }));
  // The clock stops while it is the customer's turn (asked for information, or told it is solved).
  const openPause = pauses.find((p) => p.to === null);
  if (openPause && next !== 'waiting_customer') openPause.to = now.toISOString();
  if (c.status === 'resolved' && next !== 'resolved' && c.resolvedAt) {
    pauses.push({ from: c.resolvedAt.toISOString(), to: now.toISOString() });
  }
  if (next === 'waiting_customer' && !openPause) pauses.push({ from: now.toISOString(), to: null });
  pauses = pauses.filter((p) => p.to === null || p.to > p.from);
  return {
    status: next,
    pauses,
    firstResponseAt: side === 'desk' ? (c.firstResponseAt ?? now) : c.firstResponseAt,
    resolvedAt: next === 'resolved' ? (c.status === 'resolved' && c.resolvedAt ? c.resolvedAt : now) : null,
  };
}

export async function reply(
  ctx: ModuleContext,
  viewer: Viewer,
  orgId: string | null,
  id: string,
  input: { body: string; status?: 'answered' | 'waiting_customer' | 'resolved' },
) {
  const found = await visibleConsultation(ctx, viewer, orgId, id);
  const c = found.row;
  const rights = viewerRights(viewer, c);
  if (c.status === 'closed') throw ruleError('helpdesk', 'closed');
  if (!rights.canReply) throw new AppError('forbidden');
  if (rights.side === 'customer' && input.status) {
    throw new AppError('validation_failed', {
      fields: { status: { key: 'helpdesk.errors.customer_status' } },
    });
  }
  const now = new Date();
  const change = applyReply(c, rights.side, input.status, now);
  if (!change) throw ruleError('helpdesk', 'closed');
  const due = dueDates({ createdAt: c.createdAt, priority: c.priority, pauses: change.pauses });
  await repo.insertMessage(ctx.db, {
    id: randomUUID(),
    orgId: c.orgId,
    consultationId: c.id,
    authorId: viewer.actor.userId,
    authorName: viewer.actor.name,
    side: rights.side,
    body: input.body,
    status: change.status,
    createdAt: now,
  });
  await repo.updateConsultation(ctx.db, c.orgId, c.id, { ...change, ...due, lastMessageAt: now });
  const updated = { ...c, ...change, ...due };
  const facts = mailFacts(updated, found.orgName);
  const message = { author: viewer.actor.name, body: input.body, status: change.status };
  const recipients =
    rights.side === 'desk'
      ? await customerRecipients(ctx, updated)
      : await deskRecipients(ctx, updated.providerOrgId);
  await sendEach(
    ctx,
    recipients.filter((r) => r.email !== viewer.actor.email),
    (r) =>
      replyMail(
        r,
        threadUrl(ctx, updated, rights.side === 'customer' && !updated.providerOrgId),
        facts,
        rights.side === 'desk' ? 'customer' : 'desk',
        message,
      ),
  );
  return { status: change.status };
}

export async function close(ctx: ModuleContext, viewer: Viewer, orgId: string | null, id: string) {
  const found = await visibleConsultation(ctx, viewer, orgId, id);
  const c = found.row;
  if (c.status === 'closed') throw ruleError('helpdesk', 'closed');
  if (!viewerRights(viewer, c).canClose) throw ruleError('helpdesk', 'close_not_allowed', 'forbidden');
  const now = new Date();
  const pauses = c.pauses.map((p) => (p.to === null ? { ...p, to: now.toISOString() } : p));
  await repo.updateConsultation(ctx.db, c.orgId, c.id, { status: 'closed', closedAt: now, pauses });
  return { status: 'closed' as const };
}

export async function addAttachment(
  ctx: ModuleContext,
  viewer: Viewer,
  orgId: string | null,
  id: string,
  file: { name: string; contentType: string; data: Buffer },
) {
  const { attachments } = content().sla;
  const found = await visibleConsultation(ctx, viewer, orgId, id);
  const c = found.row;
  const rights = viewerRights(viewer, c);
  if (!rights.canAttach)
    throw c.status === 'closed' ? ruleError('helpdesk', 'closed') : new AppError('forbidden');
  if (!attachments.types.includes(file.contentType))
    throw ruleError('helpdesk', 'attachment_type', 'unsupported_media_type');
  if (file.data.length === 0) throw ruleError('helpdesk', 'attachment_empty', 'validation_failed');
  if (file.data.length > attachments.maxBytes) {
    throw new AppError('attachment_too_large', {
      kind: 'body_too_large',
      messageKey: 'helpdesk.errors.attachment_too_large',
      params: { limit: `${Math.round(attachments.maxBytes / 1024 / 1024)} MiB` },
    });
  }
  const existing = await repo.listAttachments(ctx.db, c.orgId, c.id);
  if (existing.length >= attachments.maxPerConsultation) {
    throw new AppError('too_many_attachments', {
      kind: 'conflict',
      messageKey: 'helpdesk.errors.too_many_attachments',
      params: { max: attachments.maxPerConsultation },
    });
  }
  const attId = randomUUID();
  const now = new Date();
  await repo.insertAttachment(ctx.db, {
    id: attId,
    orgId: c.orgId,
    consultationId: c.id,
    name: file.name,
    contentType: file.contentType,
    size: file.data.length,
    data: file.data,
    uploadedBy: viewer.actor.userId,
    side: rights.side,
    createdAt: now,
  });
  return {
    id: attId,
    name: file.name,
    contentType: file.contentType,
    size: file.data.length,
    side: rights.side,
    createdAt: now.toISOString(),
  };
}

export async function getAttachment(
  ctx: ModuleContext,
  viewer: Viewer,
  orgId: string | null,
  id: string,
  attachmentId: string,
) {
  const found = await visibleConsultation(ctx, viewer, orgId, id);
  const att = await repo.findAttachment(ctx.db, found.row.orgId, found.row.id, attachmentId);
  if (!att) throw new AppError('not_found');
  return att;
}

export async function listFor(ctx: ModuleContext, filter: Omit<repo.ConsultationFilter, 'now'>, lang: Lang) {
  const now = new Date();
  const { items, total } = await repo.listConsultations(ctx.db, { ...filter, now });
  return {
    items: items.map((x) => presentSummary(x, lang, now)),
    total,
    page: filter.page,
    pageSize: repo.PAGE_SIZE,
  };
}

export function deskInfo(lang: Lang) {
  const { sla, categories } = content();
  return {
    categories: categories.map((c) => ({ id: c.id, title: c.title[lang], hint: c.hint[lang] })),
    priorities: priorities.map((p) => ({ id: p, ...sla.priorities[p] })),
    businessHours: sla.businessHours,
    attachments: sla.attachments,
  };
}
