import { and, count, desc, eq, ilike, type SQL } from 'drizzle-orm';
import { organization } from '../auth/auth.tables.ts';
import type { AppDb } from '../db/client.ts';
import { containsPattern } from '../db/like.ts';
import { auditLog } from './audit.tables.ts';

export interface AuditEntry {
  action: string;
  orgId?: string | null;
  actorId?: string | null;
  actorEmail?: string | null;
  target?: string | null;
  ip?: string | null;
  data?: Record<string, unknown> | null;
}

export async function recordAudit(db: AppDb, e: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    action: e.action,
    orgId: e.orgId ?? null,
    actorId: e.actorId ?? null,
    actorEmail: e.actorEmail ?? null,
    target: e.target ?? null,
    ip: e.ip ?? null,
    data: e.data ?? null,
  });
}

export const AUDIT_PAGE_SIZE = 50;

export async function listAudit(db: AppDb, q: { action?: string; orgId?: string; page: number }) {
  const where: SQL[] = [];
  if (q.action) where.push(ilike(auditLog.action, containsPattern(q.action)));
  if (q.orgId) where.push(eq(auditLog.orgId, q.orgId));
  const cond = where.length ? and(...where) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: auditLog.id,
        at: auditLog.at,
        actorEmail: auditLog.actorEmail,
        orgId: auditLog.orgId,
        orgName: organization.name,
        action: auditLog.action,
        target: auditLog.target,
        ip: auditLog.ip,
      })
      .from(auditLog)
      .leftJoin(organization, eq(organization.id, auditLog.orgId))
      .where(cond)
      .orderBy(desc(auditLog.id))
      .limit(AUDIT_PAGE_SIZE)
      .offset((q.page - 1) * AUDIT_PAGE_SIZE),
    db.select({ n: count() }).from(auditLog).where(cond),
  ]);
  return { items: rows, total: total?.n ?? 0 };
}
