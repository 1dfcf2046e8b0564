import { and, asc, count, eq, ilike, isNull, ne, or, type SQL, sql } from 'drizzle-orm';
import type { AppDb } from '../../kernel/db/client.ts';
import { containsPattern } from '../../kernel/db/like.ts';
import { ownerAction, ownerContractor } from './owners.tables.ts';

export type ActionRow = typeof ownerAction.$inferSelect;
export type ContractorRow = typeof ownerContractor.$inferSelect;

export function listActions(db: AppDb, orgId: string) {
  return db.select().from(ownerAction).where(eq(ownerAction.orgId, orgId)).orderBy(asc(ownerAction.actionNo));
}

export async function findAction(db: AppDb, orgId: string, actionNo: number) {
  const [row] = await db
    .select()
    .from(ownerAction)
    .where(and(eq(ownerAction.orgId, orgId), eq(ownerAction.actionNo, actionNo)));
  return row;
}

/** Creates the action's record on its first change, updates it after. */
export async function upsertAction(
  db: AppDb,
  orgId: string,
  actionNo: number,
  set: Partial<Omit<typeof ownerAction.$inferInsert, 'orgId' | 'actionNo'>>,
) {
  const values = { ...set, updatedAt: new Date() };
  const [row] = await db
    .insert(ownerAction)
    .values({ orgId, actionNo, ...values })
    .onConflictDoUpdate({ target: [ownerAction.orgId, ownerAction.actionNo], set: values })
    .returning();
  return row as ActionRow;
}

/** Actions whose review date has come and whose reminder for that date has not gone out. */
export function dueReminders(db: AppDb, today: string) {
  return db
    .select()
    .from(ownerAction)
    .where(
      and(
        sql`${ownerAction.reviewDate} <= ${today}`,
        or(isNull(ownerAction.remindedFor), ne(ownerAction.remindedFor, ownerAction.reviewDate)),
      ),
    )
    .orderBy(asc(ownerAction.orgId), asc(ownerAction.actionNo))
    .limit(500);
}

export async function markReminded(db: AppDb, orgId: string, actionNo: number, reviewDate: string) {
  await db
    .update(ownerAction)
    .set({ remindedFor: reviewDate })
    .where(and(eq(ownerAction.orgId, orgId), eq(ownerAction.actionNo, actionNo)));
}

export const CONTRACTOR_PAGE_SIZE = 20;

export async function listContractors(db: AppDb, orgId: string, q: { q?: string | undefined; page: number }) {
  const where: SQL[] = [eq(ownerContractor.orgId, orgId)];
  if (q.q) {
    const like = containsPattern(q.q);
    where.push(or(ilike(ownerContractor.name, like), ilike(ownerContractor.entrusted, like)) as SQL);
  }
  const cond = and(...where);
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(ownerContractor)
      .where(cond)
      .orderBy(asc(ownerContractor.name), asc(ownerContractor.createdAt))
      .limit(CONTRACTOR_PAGE_SIZE)
      .offset((q.page - 1) * CONTRACTOR_PAGE_SIZE),
    db.select({ n: count() }).from(ownerContractor).where(cond),
  ]);
  return { items, total: total?.n ?? 0 };
}

/** How many contractors lack confidentiality terms or a known answer, for the corner's summary. */
export async function contractorSummary(db: AppDb, orgId: string) {
  const rows = await db
    .select({ confidentiality: ownerContractor.confidentiality, n: count() })
    .from(ownerContractor)
    .where(eq(ownerContractor.orgId, orgId))
    .groupBy(ownerContractor.confidentiality);
  const by = (k: string) => rows.find((r) => r.confidentiality === k)?.n ?? 0;
  return { total: rows.reduce((a, r) => a + r.n, 0), withoutTerms: by('no'), unknownTerms: by('unknown') };
}

export async function findContractor(db: AppDb, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(ownerContractor)
    .where(and(eq(ownerContractor.orgId, orgId), eq(ownerContractor.id, id)));
  return row;
}

export async function insertContractor(db: AppDb, row: typeof ownerContractor.$inferInsert & { id: string }) {
  const [inserted] = await db.insert(ownerContractor).values(row).returning();
  return inserted as ContractorRow;
}

export async function updateContractor(
  db: AppDb,
  orgId: string,
  id: string,
  set: Partial<Omit<typeof ownerContractor.$inferInsert, 'id' | 'orgId'>>,
) {
  const [row] = await db
    .update(ownerContractor)
    .set({ ...set, updatedAt: new Date() })
    .where(and(eq(ownerContractor.orgId, orgId), eq(ownerContractor.id, id)))
    .returning();
  return row;
}

export async function deleteContractor(db: AppDb, orgId: string, id: string) {
  const rows = await db
    .delete(ownerContractor)
    .where(and(eq(ownerContractor.orgId, orgId), eq(ownerContractor.id, id)))
    .returning({ id: ownerContractor.id });
  return rows.length > 0;
}
