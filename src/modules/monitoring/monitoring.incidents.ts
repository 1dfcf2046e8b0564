import { and, asc, eq } from 'drizzle-orm';
import { AppError, ruleError } from '../../kernel/http/errors.ts';
import type { ModuleContext } from '../../kernel/module.ts';
import { type IncidentStatus, incident, incidentStatuses, incidentStep } from './monitoring.tables.ts';

export { type IncidentStatus, incidentStatuses };

/**
 * Where an incident may go next. Forward steps may be skipped (a false positive goes from
 * triaged straight to closed); a resolved incident may be reopened to remote support or on-site
 * when the trouble comes back; closed is final.
 */
export const nextStatuses: Record<IncidentStatus, readonly IncidentStatus[]> = {
  new: ['triaged', 'contacted', 'remote_support', 'onsite', 'resolved', 'closed'],
  triaged: ['contacted', 'remote_support', 'onsite', 'resolved', 'closed'],
  contacted: ['remote_support', 'onsite', 'resolved', 'closed'],
  remote_support: ['onsite', 'resolved', 'closed'],
  onsite: ['remote_support', 'resolved', 'closed'],
  resolved: ['remote_support', 'onsite', 'closed'],
  closed: [],
};

export function canMove(from: IncidentStatus, to: IncidentStatus): boolean {
  return nextStatuses[from].includes(to);
}

export interface IncidentDto {
  id: string;
  orgId: string;
  entity: string;
  status: IncidentStatus;
  severity: number;
  firstSeenAt: Date;
  lastSeenAt: Date;
  alertCount: number;
}

/** One incident of a tenant; 404 when it is not that tenant's (callers have checked access to orgId). */
export async function getIncident(
  ctx: Pick<ModuleContext, 'db'>,
  orgId: string,
  incidentId: string,
): Promise<IncidentDto> {
  const [row] = await ctx.db
    .select()
    .from(incident)
    .where(and(eq(incident.orgId, orgId), eq(incident.id, incidentId)));
  if (!row) throw new AppError('not_found');
  return row;
}

/**
 * Moves an incident to its next step and records who did it and why, in one transaction.
 * Moving to the status it already has is a no-op (a retried request changes nothing).
 */
export async function moveIncident(
  ctx: Pick<ModuleContext, 'db'>,
  input: { orgId: string; incidentId: string; to: IncidentStatus; actorUserId: string | null; note?: string },
): Promise<IncidentDto> {
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(incident)
      .where(and(eq(incident.orgId, input.orgId), eq(incident.id, input.incidentId)))
      .for('update');
    if (!row) throw new AppError('not_found');
    if (row.status === input.to) return row;
    if (!canMove(row.status, input.to)) throw ruleError('monitoring', 'incident_step_not_allowed');
    const [moved] = await tx
      .update(incident)
      .set({ status: input.to })
      .where(eq(incident.id, row.id))
      .returning();
    await tx.insert(incidentStep).values({
      incidentId: row.id,
      orgId: row.orgId,
      fromStatus: row.status,
      toStatus: input.to,
      actorUserId: input.actorUserId,
      note: input.note ?? null,
    });
    return moved as IncidentDto;
  });
}

/** The incident's timeline, oldest first. */
export function listIncidentSteps(ctx: Pick<ModuleContext, 'db'>, orgId: string, incidentId: string) {
  return ctx.db
    .select({
      fromStatus: incidentStep.fromStatus,
      toStatus: incidentStep.toStatus,
      actorUserId: incidentStep.actorUserId,
      note: incidentStep.note,
      at: incidentStep.at,
    })
    .from(incidentStep)
    .where(and(eq(incidentStep.orgId, orgId), eq(incidentStep.incidentId, incidentId)))
    .orderBy(asc(incidentStep.at), asc(incidentStep.id));
}
