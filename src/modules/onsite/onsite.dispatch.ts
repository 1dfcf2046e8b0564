import { randomUUID } from 'node:crypto';
import { AppError, ruleError } from '../../kernel/http/errors.ts';
import { type Lang, t } from '../../kernel/i18n/index.ts';
import type { ModuleContext } from '../../kernel/module.ts';
import { canMove, getIncident, type IncidentDto, moveIncident } from '../monitoring/index.ts';
import { providersOf } from '../orgs/index.ts';
import { formatMinutes, formatWhen, formatYen, sumYen } from './onsite.format.ts';
import { mailEach, providerTeam, smeAudience, smeOwners } from './onsite.mail.ts';
import * as repo from './onsite.repo.ts';
import type { RequestInput, ScheduleInput, WorkInput } from './onsite.schema.ts';
import type { DispatchStatus, DispatchStepKind } from './onsite.tables.ts';
import { assertRole, assertSameProvider, requireProviderSide, type Viewer } from './onsite.viewer.ts';

type Ctx = Pick<ModuleContext, 'db' | 'mailer' | 'config'>;

/** Where a dispatch may go from each status; a dispute sends finished work back on site. */
export const dispatchMoves: Record<DispatchStatus, readonly DispatchStatus[]> = {
  requested: ['scheduled', 'cancelled'],
  scheduled: ['scheduled', 'on_site', 'cancelled'],
  on_site: ['work_done'],
  work_done: ['confirmed', 'on_site'],
  confirmed: [],
  cancelled: [],
};

export const dispatchUrl = (ctx: Pick<ModuleContext, 'config'>, orgId: string, id: string) =>
  `${ctx.config.publicUrl}/orgs/${orgId}/onsite/dispatches/${id}`;

/** The incident linked to a record, or a field error naming it when it is not this SME's. */
export async function incidentOf(ctx: Pick<ModuleContext, 'db'>, orgId: string, incidentId: string) {
  try {
    return await getIncident(ctx, orgId, incidentId);
  } catch (err) {
    if (err instanceof AppError && err.code === 'not_found') {
      throw new AppError('validation_failed', {
        fields: { incidentId: { key: 'onsite.fields.incident_unknown' } },
      });
    }
    throw err;
  }
}

/** Puts the incident in the on-site step when its workflow allows it (a closed one stays closed). */
async function markIncidentOnsite(
  ctx: Pick<ModuleContext, 'db'>,
  inc: IncidentDto,
  actorUserId: string,
  note: string,
): Promise<void> {
  if (inc.status === 'onsite' || !canMove(inc.status, 'onsite')) return;
  await moveIncident(ctx, { orgId: inc.orgId, incidentId: inc.id, to: 'onsite', actorUserId, note });
}

async function step(
  ctx: Pick<ModuleContext, 'db'>,
  v: Viewer,
  orgId: string,
  dispatchId: string,
  kind: DispatchStepKind,
  note?: string | null,
) {
  await repo.insertDispatchStep(ctx.db, {
    dispatchId,
    orgId,
    kind,
    actorUserId: v.access.actor.userId,
    actorName: v.access.actor.name,
    note: note ?? null,
  });
}

export async function loadDispatch(ctx: Pick<ModuleContext, 'db'>, v: Viewer, orgId: string, id: string) {
  const d = await repo.findDispatch(ctx.db, orgId, id);
  if (!d) throw new AppError('not_found');
  assertSameProvider(v, d.providerOrgId);
  return d;
}

/** Moves a dispatch only from the statuses the step starts from; anything else is a clear 409. */
async function transition(
  ctx: Pick<ModuleContext, 'db'>,
  orgId: string,
  id: string,
  current: DispatchStatus,
  to: DispatchStatus,
  patch: Parameters<typeof repo.updateDispatch>[4],
) {
  if (!dispatchMoves[current].includes(to)) throw ruleError('onsite', 'dispatch_step_not_allowed');
  // Only if nobody moved it since we read it: the second of two clicks gets the 409, not a double step.
  const row = await repo.updateDispatch(ctx.db, orgId, id, [current], { ...patch, status: to });
  if (!row) throw ruleError('onsite', 'dispatch_step_not_allowed');
  return row;
}

export async function requestDispatch(ctx: Ctx, v: Viewer, orgId: string, input: RequestInput, lang: Lang) {
  assertRole(v);
  let providerOrgId: string;
  if (v.side === 'provider') {
    providerOrgId = v.providerOrgId as string;
  } else {
    const providers = await providersOf(ctx, orgId);
    if (providers.length === 0) throw ruleError('onsite', 'no_provider', 'unprocessable');
    const chosen = input.providerOrgId
      ? providers.find((p) => p.providerOrgId === input.providerOrgId)
      : providers.length === 1
        ? providers[0]
        : undefined;
    if (!chosen) {
      throw new AppError('validation_failed', {
        fields: { providerOrgId: { key: 'onsite.fields.provider_required' } },
      });
    }
    providerOrgId = chosen.providerOrgId;
  }
  const inc = input.incidentId ? await incidentOf(ctx, orgId, input.incidentId) : null;
  const id = randomUUID();
  await repo.insertDispatch(ctx.db, {
    id,
    orgId,
    providerOrgId,
    incidentId: inc?.id ?? null,
    reason: input.reason,
    siteAddress: input.siteAddress ?? null,
    contactName: input.contactName ?? null,
    contactPhone: input.contactPhone ?? null,
    preferredAt: input.preferredAt ? new Date(input.preferredAt) : null,
    requestedBy: v.access.actor.userId,
  });
  await step(ctx, v, orgId, id, 'requested');
  if (inc)
    await markIncidentOnsite(ctx, inc, v.access.actor.userId, t(lang, 'onsite.incidentNote.requested'));
  const d = await loadDispatch(ctx, v, orgId, id);
  if (v.side === 'provider') {
    // The SME did not ask this time, so its owners learn that someone is coming and why.
    await mailEach(
      ctx,
      await smeOwners(ctx, orgId),
      'onsite.mail.arranged',
      dispatchUrl(ctx, orgId, id),
      () => ({
        provider: d.providerName,
        reason: d.reason,
      }),
    );
  }
  await mailEach(
    ctx,
    await providerTeam(ctx, providerOrgId, v.access.actor.userId),
    'onsite.mail.requested',
    dispatchUrl(ctx, orgId, id),
    (l) => ({
      customer: d.orgName,
      by: v.access.actor.name,
      reason: d.reason,
      site: d.siteAddress ?? t(l, 'onsite.mail.notGiven'),
      contact: [d.contactName, d.contactPhone].filter(Boolean).join(' ') || t(l, 'onsite.mail.notGiven'),
      preferred: d.preferredAt ? formatWhen(d.preferredAt, l) : t(l, 'onsite.mail.asap'),
    }),
  );
  return d;
}

export async function scheduleDispatch(
  ctx: Ctx,
  v: Viewer,
  orgId: string,
  id: string,
  input: ScheduleInput,
  lang: Lang,
) {
  const d = await loadDispatch(ctx, v, orgId, id);
  requireProviderSide(v);
  const again = d.status === 'scheduled';
  await transition(ctx, orgId, id, d.status, 'scheduled', {
    engineerName: input.engineerName,
    scheduledAt: new Date(input.scheduledAt),
  });
  await step(ctx, v, orgId, id, again ? 'rescheduled' : 'scheduled', input.note);
  if (d.incidentId) {
    const inc = await getIncident(ctx, orgId, d.incidentId);
    await markIncidentOnsite(ctx, inc, v.access.actor.userId, t(lang, 'onsite.incidentNote.scheduled'));
  }
  const when = new Date(input.scheduledAt);
  await mailEach(
    ctx,
    await smeAudience(ctx, orgId, d.requestedBy),
    again ? 'onsite.mail.rescheduled' : 'onsite.mail.scheduled',
    dispatchUrl(ctx, orgId, id),
    (l) => ({
      provider: d.providerName,
      when: formatWhen(when, l),
      engineer: input.engineerName,
      note: input.note ? t(l, 'onsite.mail.notePrefix', { note: input.note }) : '',
    }),
  );
  return loadDispatch(ctx, v, orgId, id);
}

export async function recordArrival(
  ctx: Ctx,
  v: Viewer,
  orgId: string,
  id: string,
  input: { arrivedAt?: string; note?: string },
) {
  const d = await loadDispatch(ctx, v, orgId, id);
  requireProviderSide(v);
  const at = input.arrivedAt ? new Date(input.arrivedAt) : new Date();
  if (at.getTime() > Date.now() + 5 * 60_000) {
    throw new AppError('validation_failed', { fields: { arrivedAt: { key: 'onsite.fields.future' } } });
  }
  await transition(ctx, orgId, id, d.status, 'on_site', { arrivedAt: at });
  await step(ctx, v, orgId, id, 'arrived', input.note);
  return loadDispatch(ctx, v, orgId, id);
}

export async function recordWork(ctx: Ctx, v: Viewer, orgId: string, id: string, input: WorkInput) {
  const d = await loadDispatch(ctx, v, orgId, id);
  requireProviderSide(v);
  await transition(ctx, orgId, id, d.status, 'work_done', {
    workSummary: input.summary,
    workMinutes: input.workMinutes,
    costs: input.costs,
    workDoneAt: new Date(),
  });
  await step(ctx, v, orgId, id, 'work_recorded');
  await mailEach(
    ctx,
    await smeAudience(ctx, orgId, d.requestedBy),
    'onsite.mail.workDone',
    dispatchUrl(ctx, orgId, id),
    (l) => ({
      provider: d.providerName,
      engineer: d.engineerName ?? '',
      summary: input.summary,
      time: formatMinutes(input.workMinutes, l),
      total: formatYen(sumYen(input.costs), l),
    }),
  );
  return loadDispatch(ctx, v, orgId, id);
}

export async function confirmDispatch(
  ctx: Ctx,
  v: Viewer,
  orgId: string,
  id: string,
  comment: string | undefined,
) {
  const d = await loadDispatch(ctx, v, orgId, id);
  if (v.side !== 'sme') throw new AppError('forbidden');
  await transition(ctx, orgId, id, d.status, 'confirmed', { confirmedAt: new Date() });
  await step(ctx, v, orgId, id, 'confirmed', comment);
  await mailEach(
    ctx,
    await providerTeam(ctx, d.providerOrgId),
    'onsite.mail.confirmed',
    dispatchUrl(ctx, orgId, id),
    () => ({ customer: d.orgName, by: v.access.actor.name, comment: comment ?? '' }),
  );
  return loadDispatch(ctx, v, orgId, id);
}

export async function disputeDispatch(ctx: Ctx, v: Viewer, orgId: string, id: string, comment: string) {
  const d = await loadDispatch(ctx, v, orgId, id);
  if (v.side !== 'sme') throw new AppError('forbidden');
  await transition(ctx, orgId, id, d.status, 'on_site', { workDoneAt: null });
  await step(ctx, v, orgId, id, 'disputed', comment);
  await mailEach(
    ctx,
    await providerTeam(ctx, d.providerOrgId),
    'onsite.mail.disputed',
    dispatchUrl(ctx, orgId, id),
    () => ({ customer: d.orgName, by: v.access.actor.name, comment }),
  );
  return loadDispatch(ctx, v, orgId, id);
}

export async function cancelDispatch(ctx: Ctx, v: Viewer, orgId: string, id: string, reason: string) {
  const d = await loadDispatch(ctx, v, orgId, id);
  await transition(ctx, orgId, id, d.status, 'cancelled', { cancelledAt: new Date() });
  await step(ctx, v, orgId, id, 'cancelled', reason);
  // The other side learns of it: the SME's owners when the provider cancels, and the reverse.
  const to =
    v.side === 'provider'
      ? await smeAudience(ctx, orgId, d.requestedBy)
      : await providerTeam(ctx, d.providerOrgId, v.access.actor.userId);
  await mailEach(ctx, to, 'onsite.mail.cancelled', dispatchUrl(ctx, orgId, id), () => ({
    customer: d.orgName,
    provider: d.providerName,
    by: v.access.actor.name,
    reason,
  }));
  return loadDispatch(ctx, v, orgId, id);
}

/** The buttons a person sees; each route checks the same rules again. */
export function dispatchAbilities(v: Viewer, status: DispatchStatus) {
  const provider = v.side === 'provider';
  return {
    schedule: provider && (status === 'requested' || status === 'scheduled'),
    arrive: provider && status === 'scheduled',
    recordWork: provider && status === 'on_site',
    confirm: !provider && status === 'work_done',
    dispute: !provider && status === 'work_done',
    cancel: status === 'requested' || status === 'scheduled',
    claim: provider && (status === 'work_done' || status === 'confirmed'),
  };
}
