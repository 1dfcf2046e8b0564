import { and, count, desc, eq, ilike, inArray, or, type SQL } from 'drizzle-orm';
import type { AppDb } from '../../kernel/db/client.ts';
import { containsPattern } from '../../kernel/db/like.ts';
import { declaration, supplier, supplierConsent } from './declaration.tables.ts';

export type DeclarationRow = typeof declaration.$inferSelect;
export type SupplierRow = typeof supplier.$inferSelect;

export async function findDeclaration(db: AppDb, id: string) {
  const [row] = await db.select().from(declaration).where(eq(declaration.id, id));
  return row;
}

export async function findActive(db: AppDb, orgId: string) {
  const [row] = await db
    .select()
    .from(declaration)
    .where(and(eq(declaration.orgId, orgId), eq(declaration.status, 'active')));
  return row;
}

export function listForOrg(db: AppDb, orgId: string) {
  return db
    .select()
    .from(declaration)
    .where(eq(declaration.orgId, orgId))
    .orderBy(desc(declaration.declaredAt));
}

/** Declares: an active declaration of the same org is superseded in the same transaction. */
export async function insertDeclaration(db: AppDb, row: typeof declaration.$inferInsert & { id: string }) {
  return db.transaction(async (tx) => {
    const [prev] = await tx
      .select()
      .from(declaration)
      .where(and(eq(declaration.orgId, row.orgId), eq(declaration.status, 'active')))
      .for('update');
    if (prev) {
      await tx
        .update(declaration)
        .set({ status: 'superseded', endedAt: new Date(), supersededBy: row.id })
        .where(eq(declaration.id, prev.id));
    }
    const [inserted] = await tx.insert(declaration).values(row).returning();
    return { inserted: inserted as DeclarationRow, previous: prev };
  });
}

export async function endDeclaration(
  db: AppDb,
  id: string,
  status: 'withdrawn' | 'revoked',
  reason: string | null,
) {
  const [row] = await db
    .update(declaration)
    .set({ status, endedAt: new Date(), endReason: reason })
    .where(and(eq(declaration.id, id), eq(declaration.status, 'active')))
    .returning();
  return row;
}

export const REGISTRY_PAGE_SIZE = 20;

export async function searchRegistry(
  db: AppDb,
  q: {
    q?: string | undefined;
    prefecture?: string | undefined;
    industry?: string | undefined;
    star?: number | undefined;
    page: number;
  },
) {
  const where: SQL[] = [eq(declaration.status, 'active')];
  if (q.q) {
    const like = containsPattern(q.q);
    where.push(
      or(
        ilike(declaration.orgName, like),
        eq(declaration.id, q.q.toUpperCase()),
        eq(declaration.corporateNumber, q.q),
      ) as SQL,
    );
  }
  if (q.prefecture) where.push(eq(declaration.prefecture, q.prefecture));
  if (q.industry) where.push(eq(declaration.industry, q.industry));
  if (q.star) where.push(eq(declaration.star, q.star));
  const cond = and(...where);
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(declaration)
      .where(cond)
      .orderBy(desc(declaration.declaredAt))
      .limit(REGISTRY_PAGE_SIZE)
      .offset((q.page - 1) * REGISTRY_PAGE_SIZE),
    db.select({ n: count() }).from(declaration).where(cond),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function registryStats(db: AppDb) {
  const active = eq(declaration.status, 'active');
  const [byStar, byPrefecture] = await Promise.all([
    db
      .select({ star: declaration.star, count: count() })
      .from(declaration)
      .where(active)
      .groupBy(declaration.star),
    db
      .select({ prefecture: declaration.prefecture, star: declaration.star, count: count() })
      .from(declaration)
      .where(active)
      .groupBy(declaration.prefecture, declaration.star),
  ]);
  return { byStar, byPrefecture };
}

export async function activeByOrgs(db: AppDb, orgIds: string[]) {
  if (orgIds.length === 0) return [];
  return db
    .select()
    .from(declaration)
    .where(and(inArray(declaration.orgId, orgIds), eq(declaration.status, 'active')));
}

// ---- supply chain ----

export async function insertSupplier(db: AppDb, row: typeof supplier.$inferInsert & { id: string }) {
  const [s] = await db.insert(supplier).values(row).returning();
  return s as SupplierRow;
}

export function listSuppliers(db: AppDb, orgId: string) {
  return db.select().from(supplier).where(eq(supplier.orgId, orgId)).orderBy(desc(supplier.createdAt));
}

export async function deleteSupplier(db: AppDb, orgId: string, id: string) {
  const rows = await db
    .delete(supplier)
    .where(and(eq(supplier.orgId, orgId), eq(supplier.id, id)))
    .returning();
  return rows.length > 0;
}

/** Buyers following an organisation as their supplier. */
export async function buyersOf(db: AppDb, supplierOrgId: string) {
  const rows = await db
    .selectDistinct({ orgId: supplier.orgId })
    .from(supplier)
    .where(eq(supplier.supplierOrgId, supplierOrgId));
  return rows.map((r) => r.orgId);
}

export async function consentsOf(db: AppDb, orgId: string) {
  return db.select().from(supplierConsent).where(eq(supplierConsent.orgId, orgId));
}

export async function grantedTo(db: AppDb, buyerOrgId: string, supplierOrgIds: string[]) {
  if (supplierOrgIds.length === 0) return new Set<string>();
  const rows = await db
    .select({ orgId: supplierConsent.orgId })
    .from(supplierConsent)
    .where(and(eq(supplierConsent.buyerOrgId, buyerOrgId), inArray(supplierConsent.orgId, supplierOrgIds)));
  return new Set(rows.map((r) => r.orgId));
}

export async function setConsent(db: AppDb, orgId: string, buyerOrgId: string, granted: boolean) {
  if (granted) await db.insert(supplierConsent).values({ orgId, buyerOrgId }).onConflictDoNothing();
  else
    await db
      .delete(supplierConsent)
      .where(and(eq(supplierConsent.orgId, orgId), eq(supplierConsent.buyerOrgId, buyerOrgId)));
}
