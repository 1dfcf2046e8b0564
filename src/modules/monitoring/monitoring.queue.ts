import { and, asc, count, desc, eq, gte, inArray, isNull, notInArray, type SQL, sql } from 'drizzle-orm';
import { user } from '../../kernel/auth/auth.tables.ts';
import type { AppDb } from '../../kernel/db/client.ts';
import { alert, type IncidentStatus, incident, incidentStep } from './monitoring.tables.ts';

export type IncidentRow = typeof incident.$inferSelect;
export type Verdict = 'true_positive' | 'false_positive' | 'benign';

export interface QueueFilter {
  /** Incident statuses; `open` = everything not yet resolved or closed. */
  status?: IncidentStatus | 'open' | undefined;
  severity?: number | undefined;
  rule?: string | undefined;
  assignee?: string | 'none' | undefined;
}

export const QUEUE_PAGE_SIZE = 25;

function filterSql(orgIds: string[], f: QueueFilter): SQL | undefined {
  const where: SQL[] = [inArray(incident.orgId, orgIds)];
  if (f.status === 'open') where.push(notInArray(incident.status, ['resolved', 'closed']));
  else if (f.status) where.push(eq(incident.status, f.status));
  if (f.severity) where.push(gte(incident.severity, f.severity));
  if (f.assignee === 'none') where.push(isNull(incident.assigneeUserId));
  else if (f.assignee) where.push(eq(incident.assigneeUserId, f.assignee));
  if (f.rule) {
    where.push(
      sql`exists (select 1 from ${alert} where ${alert.incidentId} = ${incident.id} and ${alert.ruleId} = ${f.rule})`,
    );
  }
  return and(...where);
}

/**
 * Incidents of the given tenants. The provider's queue puts untouched ones first; the SME reads
 * the most serious first, whatever the provider has done with it.
 */
export async function listIncidents(
  db: AppDb,
  orgIds: string[],
  f: QueueFilter,
  page: number,
  pageSize = QUEUE_PAGE_SIZE,
  order: 'queue' | 'severity' = 'queue',
) {
  if (orgIds.length === 0) return { items: [] as IncidentRow[], total: 0 };
  const cond = filterSql(orgIds, f);
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(incident)
      .where(cond)
      .orderBy(
        sql`case when ${incident.status} in ('resolved','closed') then 2
                 when ${incident.status} = 'new' and ${order} = 'queue' then 0 else 1 end`,
        desc(incident.severity),
        desc(incident.lastSeenAt),
        asc(incident.id),
      )
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(incident).where(cond),
  ]);
  return { items, total: total?.n ?? 0 };
}

/** Per incident: its most serious alert (what the incident is "about") and all rule ids in it. */
export async function incidentRules(db: AppDb, incidentIds: string[]) {
  const out = new Map<string, { ruleId: string; group: Record<string, string>; ruleIds: string[] }>();
  if (incidentIds.length === 0) return out;
  const [main, all] = await Promise.all([
    db
      .selectDistinctOn([alert.incidentId], {
        incidentId: alert.incidentId,
        ruleId: alert.ruleId,
        group: alert.groupValues,
      })
      .from(alert)
      .where(inArray(alert.incidentId, incidentIds))
      .orderBy(alert.incidentId, desc(alert.severity), asc(alert.firstSeenAt)),
    db
      .select({ incidentId: alert.incidentId, ruleIds: sql<string[]>`array_agg(distinct ${alert.ruleId})` })
      .from(alert)
      .where(inArray(alert.incidentId, incidentIds))
      .groupBy(alert.incidentId),
  ]);
  const rules = new Map(all.map((r) => [r.incidentId, r.ruleIds]));
  for (const m of main) {
    if (!m.incidentId) continue;
    out.set(m.incidentId, {
      ruleId: m.ruleId,
      group: m.group,
      ruleIds: rules.get(m.incidentId) ?? [m.ruleId],
    });
  }
  return out;
}

export const ALERTS_PAGE_SIZE = 20;

export async function listIncidentAlerts(db: AppDb, orgId: string, incidentId: string, page: number) {
  const cond = and(eq(alert.orgId, orgId), eq(alert.incidentId, incidentId));
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(alert)
      .where(cond)
      .orderBy(desc(alert.severity), desc(alert.lastSeenAt), asc(alert.id))
      .limit(ALERTS_PAGE_SIZE)
      .offset((page - 1) * ALERTS_PAGE_SIZE),
    db.select({ n: count() }).from(alert).where(cond),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function updateIncident(
  db: AppDb,
  orgId: string,
  incidentId: string,
  patch: Partial<
    Pick<IncidentRow, 'assigneeUserId' | 'verdict' | 'verdictReason' | 'escalatedAt' | 'severity'>
  >,
) {
  const [row] = await db
    .update(incident)
    .set(patch)
    .where(and(eq(incident.orgId, orgId), eq(incident.id, incidentId)))
    .returning();
  return row;
}

/** Display names of users (steps, assignees, note authors); ids only, never other fields. */
export async function userNames(db: AppDb, ids: Array<string | null>) {
  const wanted = [...new Set(ids.filter((x): x is string => Boolean(x)))];
  if (wanted.length === 0) return new Map<string, string>();
  const rows = await db.select({ id: user.id, name: user.name }).from(user).where(inArray(user.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Open incidents per tenant (the provider's customer list). */
export async function openIncidentCounts(db: AppDb, orgIds: string[]) {
  if (orgIds.length === 0) return new Map<string, { open: number; fresh: number }>();
  const rows = await db
    .select({
      orgId: incident.orgId,
      open: count(),
      fresh: sql<number>`count(*) filter (where ${incident.status} = 'new')::int`,
    })
    .from(incident)
    .where(and(inArray(incident.orgId, orgIds), notInArray(incident.status, ['resolved', 'closed'])))
    .groupBy(incident.orgId);
  return new Map(rows.map((r) => [r.orgId, { open: r.open, fresh: r.fresh }]));
}

/** The incident's alerts follow its handling: acknowledged once triaged, closed with it. */
export async function setAlertsStatus(
  db: AppDb,
  orgId: string,
  incidentId: string,
  status: 'acknowledged' | 'closed',
) {
  await db
    .update(alert)
    .set({ status })
    .where(and(eq(alert.orgId, orgId), eq(alert.incidentId, incidentId), sql`${alert.status} <> 'closed'`));
}

/**
 * What the provider told the customer it is doing: the note of the latest "contacted" step
 * (written for the customer, unlike the other step notes).
 */
export async function providerDoing(db: AppDb, incidentIds: string[]) {
  if (incidentIds.length === 0) return new Map<string, string>();
  const rows = await db
    .selectDistinctOn([incidentStep.incidentId], {
      incidentId: incidentStep.incidentId,
      note: incidentStep.note,
    })
    .from(incidentStep)
    .where(and(inArray(incidentStep.incidentId, incidentIds), eq(incidentStep.toStatus, 'contacted')))
    .orderBy(incidentStep.incidentId, desc(incidentStep.at), desc(incidentStep.id));
  return new Map(rows.filter((r) => r.note).map((r) => [r.incidentId, r.note as string]));
}
