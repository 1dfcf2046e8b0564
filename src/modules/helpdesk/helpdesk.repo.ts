import {
  and,
  count,
  desc,
  eq,
  gte,
  inArray,
  isNotNull,
  isNull,
  lt,
  notInArray,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import { organization, user } from '../../kernel/auth/auth.tables.ts';
import type { AppDb } from '../../kernel/db/client.ts';
import {
  advisory,
  advisoryForward,
  advisoryForwardRecipient,
  consultation,
  consultationAttachment,
  consultationEscalation,
  consultationMessage,
} from './helpdesk.tables.ts';

export type ConsultationRow = typeof consultation.$inferSelect;
export type MessageRow = typeof consultationMessage.$inferSelect;
export type AdvisoryRow = typeof advisory.$inferSelect;

export const PAGE_SIZE = 20;

export interface ConsultationFilter {
  /** The SME's own consultations. */
  orgId?: string;
  /** A provider's queue (all its customers), optionally narrowed to one customer by `orgId`. */
  providerOrgId?: string;
  /** The operator's queue: consultations of SMEs without a provider. */
  operatorOnly?: boolean;
  /** The operator's view of consultations a provider handles. */
  providerOnly?: boolean;
  openedBy?: string;
  status?: string;
  priority?: string;
  overdue?: boolean;
  page: number;
  now: Date;
}

const finished = ['resolved', 'closed'] as const;

function overdueCondition(now: Date): SQL {
  return and(
    notInArray(consultation.status, [...finished]),
    or(
      and(isNull(consultation.firstResponseAt), lt(consultation.firstResponseDueAt, now)),
      lt(consultation.resolutionDueAt, now),
    ),
  ) as SQL;
}

export async function listConsultations(db: AppDb, f: ConsultationFilter) {
  const where: SQL[] = [];
  if (f.orgId) where.push(eq(consultation.orgId, f.orgId));
  if (f.providerOrgId) where.push(eq(consultation.providerOrgId, f.providerOrgId));
  if (f.operatorOnly) where.push(isNull(consultation.providerOrgId));
  if (f.providerOnly) where.push(isNotNull(consultation.providerOrgId));
  if (f.openedBy) where.push(eq(consultation.openedBy, f.openedBy));
  if (f.status === 'active') where.push(notInArray(consultation.status, [...finished]));
  else if (f.status) where.push(eq(consultation.status, f.status as ConsultationRow['status']));
  if (f.priority) where.push(eq(consultation.priority, f.priority as ConsultationRow['priority']));
  if (f.overdue) where.push(overdueCondition(f.now));
  const cond = where.length ? and(...where) : undefined;
  const [items, [total]] = await Promise.all([
    db
      .select({
        row: consultation,
        orgName: organization.name,
        openedByName: user.name,
      })
      .from(consultation)
      .innerJoin(organization, eq(organization.id, consultation.orgId))
      .innerJoin(user, eq(user.id, consultation.openedBy))
      .where(cond)
      // Overdue first, then the most urgent, then the newest activity.
      .orderBy(
        desc(sql`coalesce(${overdueCondition(f.now)}, false)`),
        sql`case ${consultation.priority} when 'critical' then 0 when 'high' then 1 when 'normal' then 2 else 3 end`,
        desc(consultation.lastMessageAt),
      )
      .limit(PAGE_SIZE)
      .offset((f.page - 1) * PAGE_SIZE),
    db.select({ n: count() }).from(consultation).where(cond),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function findConsultation(db: AppDb, id: string, scope: { orgId?: string }) {
  const where = [eq(consultation.id, id)];
  if (scope.orgId) where.push(eq(consultation.orgId, scope.orgId));
  const [row] = await db
    .select({ row: consultation, orgName: organization.name, openedByName: user.name })
    .from(consultation)
    .innerJoin(organization, eq(organization.id, consultation.orgId))
    .innerJoin(user, eq(user.id, consultation.openedBy))
    .where(and(...where));
  return row;
}

export async function insertConsultation(db: AppDb, values: typeof consultation.$inferInsert) {
  await db.insert(consultation).values(values);
}

export async function updateConsultation(
  db: AppDb,
  orgId: string,
  id: string,
  patch: Partial<typeof consultation.$inferInsert>,
) {
  await db
    .update(consultation)
    .set(patch)
    .where(and(eq(consultation.orgId, orgId), eq(consultation.id, id)));
}

export async function insertMessage(db: AppDb, values: typeof consultationMessage.$inferInsert) {
  await db.insert(consultationMessage).values(values);
}

export function listMessages(db: AppDb, orgId: string, consultationId: string) {
  return db
    .select()
    .from(consultationMessage)
    .where(and(eq(consultationMessage.orgId, orgId), eq(consultationMessage.consultationId, consultationId)))
    .orderBy(consultationMessage.createdAt);
}

const attachmentMeta = {
  id: consultationAttachment.id,
  name: consultationAttachment.name,
  contentType: consultationAttachment.contentType,
  size: consultationAttachment.size,
  side: consultationAttachment.side,
  createdAt: consultationAttachment.createdAt,
};

export function listAttachments(db: AppDb, orgId: string, consultationId: string) {
  return db
    .select(attachmentMeta)
    .from(consultationAttachment)
    .where(
      and(eq(consultationAttachment.orgId, orgId), eq(consultationAttachment.consultationId, consultationId)),
    )
    .orderBy(consultationAttachment.createdAt);
}

export async function insertAttachment(db: AppDb, values: typeof consultationAttachment.$inferInsert) {
  await db.insert(consultationAttachment).values(values);
}

export async function findAttachment(db: AppDb, orgId: string, consultationId: string, id: string) {
  const [row] = await db
    .select()
    .from(consultationAttachment)
    .where(
      and(
        eq(consultationAttachment.orgId, orgId),
        eq(consultationAttachment.consultationId, consultationId),
        eq(consultationAttachment.id, id),
      ),
    );
  return row;
}

/**
 * Consultations whose clocks may need an escalation (not finished, with a deadline passed).
 * Newest first: old, long-escalated items left open must never starve a fresh one.
 */
export function dueForEscalation(db: AppDb, now: Date) {
  return db
    .select()
    .from(consultation)
    .where(overdueCondition(now))
    .orderBy(desc(consultation.createdAt))
    .limit(1000);
}

export async function escalationsOf(db: AppDb, consultationId: string) {
  return db
    .select({ clock: consultationEscalation.clock, level: consultationEscalation.level })
    .from(consultationEscalation)
    .where(eq(consultationEscalation.consultationId, consultationId));
}

/** Claims an escalation; false when it was already sent (so two runs never mail twice). */
export async function claimEscalation(
  db: AppDb,
  consultationId: string,
  clock: 'first_response' | 'resolution',
  level: number,
): Promise<boolean> {
  const rows = await db
    .insert(consultationEscalation)
    .values({ consultationId, clock, level })
    .onConflictDoNothing()
    .returning({ level: consultationEscalation.level });
  return rows.length > 0;
}

// ---- advisories ----

export interface AdvisoryFilter {
  /** Advisories visible to an SME: the operator's and those of these providers. */
  visibleToProviders?: string[];
  /** A provider's own advisories. */
  providerOrgId?: string;
  operatorOnly?: boolean;
  severity?: string;
  since?: Date;
  until?: Date;
  page: number;
  pageSize?: number;
}

function advisoryWhere(f: AdvisoryFilter) {
  const where: SQL[] = [];
  if (f.visibleToProviders) {
    where.push(
      f.visibleToProviders.length
        ? (or(isNull(advisory.providerOrgId), inArray(advisory.providerOrgId, f.visibleToProviders)) as SQL)
        : isNull(advisory.providerOrgId),
    );
  }
  if (f.providerOrgId) where.push(eq(advisory.providerOrgId, f.providerOrgId));
  if (f.operatorOnly) where.push(isNull(advisory.providerOrgId));
  if (f.severity) where.push(eq(advisory.severity, f.severity as AdvisoryRow['severity']));
  if (f.since) where.push(gte(advisory.publishedAt, f.since));
  if (f.until) where.push(lt(advisory.publishedAt, f.until));
  return where.length ? and(...where) : undefined;
}

export async function listAdvisories(db: AppDb, f: AdvisoryFilter) {
  const cond = advisoryWhere(f);
  const size = f.pageSize ?? PAGE_SIZE;
  const [items, [total]] = await Promise.all([
    db
      .select({ row: advisory, providerName: organization.name })
      .from(advisory)
      .leftJoin(organization, eq(organization.id, advisory.providerOrgId))
      .where(cond)
      .orderBy(desc(advisory.publishedAt))
      .limit(size)
      .offset((f.page - 1) * size),
    db.select({ n: count() }).from(advisory).where(cond),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function findAdvisory(db: AppDb, id: string) {
  const [row] = await db
    .select({ row: advisory, providerName: organization.name })
    .from(advisory)
    .leftJoin(organization, eq(organization.id, advisory.providerOrgId))
    .where(eq(advisory.id, id));
  return row;
}

export async function insertAdvisory(db: AppDb, values: typeof advisory.$inferInsert) {
  await db.insert(advisory).values(values);
}

export async function insertForward(
  db: AppDb,
  values: typeof advisoryForward.$inferInsert,
  userIds: string[],
): Promise<string[]> {
  return db.transaction(async (tx) => {
    await tx.insert(advisoryForward).values(values);
    if (userIds.length === 0) return [];
    const rows = await tx
      .insert(advisoryForwardRecipient)
      .values(userIds.map((userId) => ({ forwardId: values.id, userId })))
      .onConflictDoNothing()
      .returning({ userId: advisoryForwardRecipient.userId });
    return rows.map((r) => r.userId);
  });
}

/** How often this org forwarded an advisory, and when last. */
export async function forwardsOf(db: AppDb, orgId: string, advisoryId: string) {
  const [row] = await db
    .select({ n: count(), last: sql<Date | null>`max(${advisoryForward.createdAt})` })
    .from(advisoryForward)
    .where(and(eq(advisoryForward.orgId, orgId), eq(advisoryForward.advisoryId, advisoryId)));
  const last = row?.last ? new Date(row.last) : null;
  return { count: row?.n ?? 0, lastAt: last };
}
