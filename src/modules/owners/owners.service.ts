import { randomUUID } from 'node:crypto';
import type { OrgRole } from '../../kernel/auth/auth.ts';
import { AppError, ruleError } from '../../kernel/http/errors.ts';
import type { Lang } from '../../kernel/i18n/index.ts';
import type { ModuleContext } from '../../kernel/module.ts';
import { lookupDeclaration } from '../declaration/index.ts';
import { listOrgMembers } from '../orgs/index.ts';
import { canEdit } from './owners.access.ts';
import { type ActionContent, loadContent } from './owners.content.ts';
import * as repo from './owners.repo.ts';
import type { actionStatuses, confidentialityAnswers, declaredLevels } from './owners.tables.ts';

export const content = loadContent();

/** Calendar days are Japan's: a review date "arrives" at midnight in Tokyo. */
export const todayIn = (now: Date) => now.toLocaleDateString('sv-SE', { timeZone: 'Asia/Tokyo' });

export function actionContent(no: number): ActionContent {
  const a = content.corner.actions[no - 1];
  if (!a) throw new AppError('not_found');
  return a;
}

export function principles(lang: Lang) {
  return content.corner.principles.map((p) => ({ no: p.no, title: p.title[lang], body: p.body[lang] }));
}

export function why(lang: Lang) {
  const w = content.why;
  return {
    minutes: w.minutes,
    title: w.title[lang],
    lead: w.lead[lang],
    reasons: {
      title: w.reasons.title[lang],
      items: w.reasons.items.map((r) => ({ title: r.title[lang], body: r.body[lang] })),
    },
    pitfalls: {
      title: w.pitfalls.title[lang],
      items: w.pitfalls.items.map((p) => ({
        title: p.title[lang],
        body: p.body[lang],
        fix: p.fix[lang],
        actions: p.actions.map((no) => ({ no, title: actionContent(no).title[lang] })),
      })),
    },
    principles: principles(lang),
    closing: w.closing[lang],
  };
}

type Status = (typeof actionStatuses)[number];

function presentAction(
  a: ActionContent,
  row: repo.ActionRow | undefined,
  names: Map<string, string>,
  orgId: string,
  lang: Lang,
  today: string,
) {
  const reviewDate = row?.reviewDate ?? null;
  const responsible =
    row?.responsibleUserId && names.has(row.responsibleUserId) ? row.responsibleUserId : null;
  return {
    no: a.no,
    principle: a.principle,
    title: a.title[lang],
    why: a.why[lang],
    steps: a.steps[lang],
    links: a.links.map((l) => ({ path: l.path.replaceAll(':orgId', orgId), label: l.label[lang] })),
    reviewMonths: a.reviewMonths,
    status: (row?.status ?? 'not_started') as Status,
    responsibleUserId: responsible,
    responsibleName: responsible ? (names.get(responsible) ?? null) : null,
    note: row?.note ?? null,
    reviewDate,
    overdue: !!reviewDate && reviewDate < today,
    dueToday: reviewDate === today,
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}

export type ActionDto = ReturnType<typeof presentAction>;

/** Overdue reviews first, then what is under way, then what has not started. */
export function nextAction(actions: ActionDto[]): number | null {
  const due = actions.find((a) => a.overdue || a.dueToday);
  if (due) return due.no;
  return (
    actions.find((a) => a.status === 'in_progress')?.no ??
    actions.find((a) => a.status === 'not_started')?.no ??
    null
  );
}

async function memberNames(ctx: ModuleContext, orgId: string) {
  const members = await listOrgMembers(ctx, orgId);
  return { members, names: new Map(members.map((m) => [m.userId, m.name])) };
}

export async function listActions(ctx: ModuleContext, orgId: string, lang: Lang, now = new Date()) {
  const [rows, { names }] = await Promise.all([repo.listActions(ctx.db, orgId), memberNames(ctx, orgId)]);
  const byNo = new Map(rows.map((r) => [r.actionNo, r]));
  const today = todayIn(now);
  return content.corner.actions.map((a) => presentAction(a, byNo.get(a.no), names, orgId, lang, today));
}

/** Everything the owner's corner shows: principles, the 7 actions with their state, a summary. */
export async function corner(ctx: ModuleContext, orgId: string, role: OrgRole, lang: Lang, now = new Date()) {
  const edit = canEdit(role);
  const [actions, contractors] = await Promise.all([
    listActions(ctx, orgId, lang, now),
    edit ? repo.contractorSummary(ctx.db, orgId) : { total: 0, withoutTerms: 0, unknownTerms: 0 },
  ]);
  const count = (s: Status) => actions.filter((a) => a.status === s).length;
  return {
    principles: principles(lang),
    actions,
    summary: {
      done: count('done'),
      inProgress: count('in_progress'),
      notStarted: count('not_started'),
      overdue: actions.filter((a) => a.overdue).length,
      total: actions.length,
      next: nextAction(actions),
    },
    contractors,
    canEdit: edit,
  };
}

export interface ActionPatch {
  status?: Status | undefined;
  responsibleUserId?: string | null | undefined;
  note?: string | undefined;
  reviewDate?: string | null | undefined;
}

/**
 * Records progress on one action. Editors change anything; the responsible member
 * may change only the status and the note of their own action.
 */
export async function updateAction(
  ctx: ModuleContext,
  orgId: string,
  actor: { userId: string; role: OrgRole },
  no: number,
  patch: ActionPatch,
  lang: Lang,
) {
  const a = actionContent(no);
  const [before, { names }] = await Promise.all([
    repo.findAction(ctx.db, orgId, no),
    memberNames(ctx, orgId),
  ]);
  if (!canEdit(actor.role)) {
    const own = before?.responsibleUserId === actor.userId;
    const onlyOwnFields = Object.keys(patch).every((k) => k === 'status' || k === 'note');
    if (!own || !onlyOwnFields) throw new AppError('forbidden');
  }
  if (patch.responsibleUserId && !names.has(patch.responsibleUserId))
    throw ruleError('owners', 'responsible_not_member', 'validation_failed');
  const set: Parameters<typeof repo.upsertAction>[3] = { updatedBy: actor.userId };
  if (patch.status !== undefined) set.status = patch.status;
  if (patch.responsibleUserId !== undefined) set.responsibleUserId = patch.responsibleUserId;
  if (patch.note !== undefined) set.note = patch.note || null;
  if (patch.reviewDate !== undefined) set.reviewDate = patch.reviewDate;
  const row = await repo.upsertAction(ctx.db, orgId, no, set);
  return {
    action: presentAction(a, row, names, orgId, lang, todayIn(new Date())),
    newlyResponsible:
      patch.responsibleUserId && patch.responsibleUserId !== before?.responsibleUserId
        ? patch.responsibleUserId
        : null,
  };
}

// ---- contractors -------------------------------------------------------------

type Confidentiality = (typeof confidentialityAnswers)[number];
type Declared = (typeof declaredLevels)[number];

export interface ContractorInput {
  name: string;
  entrusted: string;
  confidentiality: Confidentiality;
  declared: Declared;
  declarationId?: string | null | undefined;
  corporateNumber?: string | null | undefined;
  note?: string | undefined;
}

const MAMORI_ID = /^SA-[0-9A-Z]{4}-[0-9A-Z]{4}$/;
const declaredStar: Record<Declared, number> = { none: 0, one_star: 1, two_star: 2 };

async function presentContractor(ctx: ModuleContext, c: repo.ContractorRow) {
  const found = await lookupDeclaration(ctx, {
    declarationId: c.declarationId,
    corporateNumber: c.corporateNumber,
  });
  const registry = found
    ? {
        id: found.id,
        orgName: found.orgName,
        star: found.star,
        status: found.status,
        verifyUrl: `${ctx.config.publicUrl}${found.verifyPath}`,
      }
    : null;
  const inForce = registry?.status === 'active' ? registry.star : 0;
  return {
    id: c.id,
    name: c.name,
    entrusted: c.entrusted,
    confidentiality: c.confidentiality,
    declared: c.declared,
    declarationId: c.declarationId,
    corporateNumber: c.corporateNumber,
    note: c.note,
    registry,
    mismatch: !!registry && declaredStar[c.declared] !== inForce,
    updatedAt: c.updatedAt.toISOString(),
  };
}

export type ContractorDto = Awaited<ReturnType<typeof presentContractor>>;

/** A Mamori declaration ID must name a declaration in the registry; IPA's own IDs are kept as typed. */
async function normalizeDeclarationId(ctx: ModuleContext, id: string | null | undefined) {
  if (!id) return id === undefined ? undefined : null;
  const upper = id.toUpperCase();
  if (MAMORI_ID.test(upper) && !(await lookupDeclaration(ctx, { declarationId: upper })))
    throw new AppError('unknown_declaration', {
      kind: 'validation_failed',
      messageKey: 'owners.errors.unknown_declaration',
      fields: { declarationId: { key: 'owners.errors.unknown_declaration' } },
    });
  return upper;
}

export async function listContractors(
  ctx: ModuleContext,
  orgId: string,
  q: { q?: string | undefined; page: number },
) {
  const r = await repo.listContractors(ctx.db, orgId, q);
  return {
    items: await Promise.all(r.items.map((c) => presentContractor(ctx, c))),
    total: r.total,
    page: q.page,
    pageSize: repo.CONTRACTOR_PAGE_SIZE,
  };
}

export async function createContractor(
  ctx: ModuleContext,
  orgId: string,
  userId: string,
  input: ContractorInput,
) {
  const row = await repo.insertContractor(ctx.db, {
    id: randomUUID(),
    orgId,
    name: input.name,
    entrusted: input.entrusted,
    confidentiality: input.confidentiality,
    declared: input.declared,
    declarationId: (await normalizeDeclarationId(ctx, input.declarationId)) ?? null,
    corporateNumber: input.corporateNumber ?? null,
    note: input.note || null,
    createdBy: userId,
  });
  return presentContractor(ctx, row);
}

export async function updateContractor(
  ctx: ModuleContext,
  orgId: string,
  id: string,
  patch: Partial<ContractorInput>,
) {
  if (!(await repo.findContractor(ctx.db, orgId, id))) throw new AppError('not_found');
  const set: Parameters<typeof repo.updateContractor>[3] = {};
  if (patch.name !== undefined) set.name = patch.name;
  if (patch.entrusted !== undefined) set.entrusted = patch.entrusted;
  if (patch.confidentiality !== undefined) set.confidentiality = patch.confidentiality;
  if (patch.declared !== undefined) set.declared = patch.declared;
  if (patch.declarationId !== undefined)
    set.declarationId = (await normalizeDeclarationId(ctx, patch.declarationId)) ?? null;
  if (patch.corporateNumber !== undefined) set.corporateNumber = patch.corporateNumber;
  if (patch.note !== undefined) set.note = patch.note || null;
  const row = await repo.updateContractor(ctx.db, orgId, id, set);
  if (!row) throw new AppError('not_found');
  return presentContractor(ctx, row);
}

export async function deleteContractor(ctx: ModuleContext, orgId: string, id: string) {
  if (!(await repo.deleteContractor(ctx.db, orgId, id))) throw new AppError('not_found');
}
