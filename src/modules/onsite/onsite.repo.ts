import { and, asc, count, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { organization } from '../../kernel/auth/auth.tables.ts';
import type { AppDb } from '../../kernel/db/client.ts';
import {
  type ClaimStatus,
  type DispatchStatus,
  onsiteClaim,
  onsiteClaimAttachment,
  onsiteClaimStep,
  onsiteDispatch,
  onsiteDispatchStep,
} from './onsite.tables.ts';

export type DispatchRow = typeof onsiteDispatch.$inferSelect;
export type ClaimRow = typeof onsiteClaim.$inferSelect;
export type DispatchWithNames = DispatchRow & { orgName: string; providerName: string };
export type ClaimWithNames = ClaimRow & { orgName: string; providerName: string };

/** Whose records a list shows: one SME (optionally only one provider's), or a provider's customers. */
export type Scope =
  | { orgId: string; providerOrgId?: string | null }
  | { providerOrgId: string; customerOrgIds: string[] };

function names(db: AppDb) {
  const sme = db.select({ id: organization.id, name: organization.name }).from(organization).as('sme');
  const provider = db
    .select({ id: organization.id, name: organization.name })
    .from(organization)
    .as('provider');
  return { sme, provider };
}

function scopeWhere(table: typeof onsiteDispatch | typeof onsiteClaim, scope: Scope): SQL | undefined {
  if ('customerOrgIds' in scope) {
    return and(eq(table.providerOrgId, scope.providerOrgId), inArray(table.orgId, scope.customerOrgIds));
  }
  return scope.providerOrgId
    ? and(eq(table.orgId, scope.orgId), eq(table.providerOrgId, scope.providerOrgId))
    : eq(table.orgId, scope.orgId);
}

// ---- dispatches ----

export async function insertDispatch(db: AppDb, row: typeof onsiteDispatch.$inferInsert) {
  const [created] = await db.insert(onsiteDispatch).values(row).returning();
  return created as DispatchRow;
}

export async function findDispatch(db: AppDb, orgId: string, id: string) {
  const { sme, provider } = names(db);
  const [row] = await db
    .select({ d: onsiteDispatch, orgName: sme.name, providerName: provider.name })
    .from(onsiteDispatch)
    .innerJoin(sme, eq(sme.id, onsiteDispatch.orgId))
    .innerJoin(provider, eq(provider.id, onsiteDispatch.providerOrgId))
    .where(and(eq(onsiteDispatch.orgId, orgId), eq(onsiteDispatch.id, id)));
  return row ? { ...row.d, orgName: row.orgName, providerName: row.providerName } : undefined;
}

/**
 * Applies a step only if the dispatch is still in one of `from` (two people pressing at once:
 * the second finds nothing to update instead of overwriting the first).
 */
export async function updateDispatch(
  db: AppDb,
  orgId: string,
  id: string,
  from: readonly DispatchStatus[],
  patch: Partial<typeof onsiteDispatch.$inferInsert>,
) {
  const [row] = await db
    .update(onsiteDispatch)
    .set({ ...patch, updatedAt: new Date() })
    .where(
      and(eq(onsiteDispatch.orgId, orgId), eq(onsiteDispatch.id, id), inArray(onsiteDispatch.status, from)),
    )
    .returning();
  return row;
}

export async function insertDispatchStep(db: AppDb, row: typeof onsiteDispatchStep.$inferInsert) {
  await db.insert(onsiteDispatchStep).values(row);
}

export function listDispatchSteps(db: AppDb, orgId: string, dispatchId: string) {
  return db
    .select()
    .from(onsiteDispatchStep)
    .where(and(eq(onsiteDispatchStep.orgId, orgId), eq(onsiteDispatchStep.dispatchId, dispatchId)))
    .orderBy(asc(onsiteDispatchStep.at), asc(onsiteDispatchStep.id));
}

export async function listDispatches(
  db: AppDb,
  scope: Scope,
  q: { status?: DispatchStatus; customer?: string; incident?: string; page: number; pageSize: number },
): Promise<{ items: DispatchWithNames[]; total: number }> {
  if ('customerOrgIds' in scope && scope.customerOrgIds.length === 0) return { items: [], total: 0 };
  const where = and(
    scopeWhere(onsiteDispatch, scope),
    q.status ? eq(onsiteDispatch.status, q.status) : undefined,
    q.customer ? eq(onsiteDispatch.orgId, q.customer) : undefined,
    q.incident ? eq(onsiteDispatch.incidentId, q.incident) : undefined,
  );
  const { sme, provider } = names(db);
  const [rows, [total]] = await Promise.all([
    db
      .select({ d: onsiteDispatch, orgName: sme.name, providerName: provider.name })
      .from(onsiteDispatch)
      .innerJoin(sme, eq(sme.id, onsiteDispatch.orgId))
      .innerJoin(provider, eq(provider.id, onsiteDispatch.providerOrgId))
      .where(where)
      .orderBy(desc(onsiteDispatch.requestedAt), desc(onsiteDispatch.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(onsiteDispatch).where(where),
  ]);
  return {
    items: rows.map((r) => ({ ...r.d, orgName: r.orgName, providerName: r.providerName })),
    total: total?.n ?? 0,
  };
}

// ---- claims ----

export async function insertClaim(db: AppDb, row: typeof onsiteClaim.$inferInsert) {
  const [created] = await db.insert(onsiteClaim).values(row).returning();
  return created as ClaimRow;
}

export async function findClaim(db: AppDb, orgId: string, id: string) {
  const { sme, provider } = names(db);
  const [row] = await db
    .select({ c: onsiteClaim, orgName: sme.name, providerName: provider.name })
    .from(onsiteClaim)
    .innerJoin(sme, eq(sme.id, onsiteClaim.orgId))
    .innerJoin(provider, eq(provider.id, onsiteClaim.providerOrgId))
    .where(and(eq(onsiteClaim.orgId, orgId), eq(onsiteClaim.id, id)));
  return row ? { ...row.c, orgName: row.orgName, providerName: row.providerName } : undefined;
}

export async function updateClaim(
  db: AppDb,
  orgId: string,
  id: string,
  from: readonly ClaimStatus[],
  patch: Partial<typeof onsiteClaim.$inferInsert>,
) {
  const [row] = await db
    .update(onsiteClaim)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(onsiteClaim.orgId, orgId), eq(onsiteClaim.id, id), inArray(onsiteClaim.status, from)))
    .returning();
  return row;
}

export async function insertClaimStep(db: AppDb, row: typeof onsiteClaimStep.$inferInsert) {
  await db.insert(onsiteClaimStep).values(row);
}

export function listClaimSteps(db: AppDb, orgId: string, claimId: string) {
  return db
    .select()
    .from(onsiteClaimStep)
    .where(and(eq(onsiteClaimStep.orgId, orgId), eq(onsiteClaimStep.claimId, claimId)))
    .orderBy(asc(onsiteClaimStep.at), asc(onsiteClaimStep.id));
}

export async function listClaims(
  db: AppDb,
  scope: Scope,
  q: { status?: ClaimStatus; customer?: string; page: number; pageSize: number },
): Promise<{ items: ClaimWithNames[]; total: number }> {
  if ('customerOrgIds' in scope && scope.customerOrgIds.length === 0) return { items: [], total: 0 };
  const where = and(
    scopeWhere(onsiteClaim, scope),
    q.status ? eq(onsiteClaim.status, q.status) : undefined,
    q.customer ? eq(onsiteClaim.orgId, q.customer) : undefined,
  );
  const { sme, provider } = names(db);
  const [rows, [total]] = await Promise.all([
    db
      .select({ c: onsiteClaim, orgName: sme.name, providerName: provider.name })
      .from(onsiteClaim)
      .innerJoin(sme, eq(sme.id, onsiteClaim.orgId))
      .innerJoin(provider, eq(provider.id, onsiteClaim.providerOrgId))
      .where(where)
      .orderBy(desc(onsiteClaim.createdAt), desc(onsiteClaim.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(onsiteClaim).where(where),
  ]);
  return {
    items: rows.map((r) => ({ ...r.c, orgName: r.orgName, providerName: r.providerName })),
    total: total?.n ?? 0,
  };
}

// ---- attachments ----

const attachmentMeta = {
  id: onsiteClaimAttachment.id,
  filename: onsiteClaimAttachment.filename,
  contentType: onsiteClaimAttachment.contentType,
  size: onsiteClaimAttachment.size,
  sha256: onsiteClaimAttachment.sha256,
  createdAt: onsiteClaimAttachment.createdAt,
};

export function listAttachments(db: AppDb, orgId: string, claimId: string) {
  return db
    .select(attachmentMeta)
    .from(onsiteClaimAttachment)
    .where(and(eq(onsiteClaimAttachment.orgId, orgId), eq(onsiteClaimAttachment.claimId, claimId)))
    .orderBy(asc(onsiteClaimAttachment.createdAt), asc(onsiteClaimAttachment.id));
}

export async function insertAttachment(db: AppDb, row: typeof onsiteClaimAttachment.$inferInsert) {
  const [created] = await db.insert(onsiteClaimAttachment).values(row).returning(attachmentMeta);
  return created as NonNullable<typeof created>;
}

export async function findAttachment(db: AppDb, orgId: string, claimId: string, id: string) {
  const [row] = await db
    .select()
    .from(onsiteClaimAttachment)
    .where(
      and(
        eq(onsiteClaimAttachment.orgId, orgId),
        eq(onsiteClaimAttachment.claimId, claimId),
        eq(onsiteClaimAttachment.id, id),
      ),
    );
  return row;
}

export async function deleteAttachment(db: AppDb, orgId: string, claimId: string, id: string) {
  const rows = await db
    .delete(onsiteClaimAttachment)
    .where(
      and(
        eq(onsiteClaimAttachment.orgId, orgId),
        eq(onsiteClaimAttachment.claimId, claimId),
        eq(onsiteClaimAttachment.id, id),
      ),
    )
    .returning({ filename: onsiteClaimAttachment.filename });
  return rows[0];
}
