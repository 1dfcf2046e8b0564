import { and, count, desc, eq, sql } from 'drizzle-orm';
import type { AppDb } from '../../kernel/db/client.ts';
import { certificate, learningAttempt, learningCompletion } from './learning.tables.ts';

export type CertificateRow = typeof certificate.$inferSelect;

/** Stores an attempt and, when it passed, the completion (once per person and theme). */
export async function recordAttempt(db: AppDb, row: typeof learningAttempt.$inferInsert & { id: string }) {
  await db.transaction(async (tx) => {
    await tx.insert(learningAttempt).values(row);
    if (row.passed) {
      await tx
        .insert(learningCompletion)
        .values({ orgId: row.orgId, userId: row.userId, themeId: row.themeId })
        .onConflictDoNothing();
    }
  });
}

export async function completedThemes(db: AppDb, orgId: string, userId: string) {
  const rows = await db
    .select({ themeId: learningCompletion.themeId, completedAt: learningCompletion.completedAt })
    .from(learningCompletion)
    .where(and(eq(learningCompletion.orgId, orgId), eq(learningCompletion.userId, userId)));
  return new Map(rows.map((r) => [r.themeId, r.completedAt]));
}

export async function lastAttempts(db: AppDb, orgId: string, userId?: string) {
  const where = userId
    ? and(eq(learningAttempt.orgId, orgId), eq(learningAttempt.userId, userId))
    : eq(learningAttempt.orgId, orgId);
  return db
    .select({
      userId: learningAttempt.userId,
      themeId: learningAttempt.themeId,
      last: sql<Date>`max(${learningAttempt.createdAt})`.mapWith((v) => new Date(v)),
      attempts: count(),
    })
    .from(learningAttempt)
    .where(where)
    .groupBy(learningAttempt.userId, learningAttempt.themeId);
}

export function orgCompletions(db: AppDb, orgId: string) {
  return db.select().from(learningCompletion).where(eq(learningCompletion.orgId, orgId));
}

export async function insertCertificate(db: AppDb, row: typeof certificate.$inferInsert) {
  const [c] = await db.insert(certificate).values(row).onConflictDoNothing().returning();
  return c;
}

export async function findCertificate(db: AppDb, code: string) {
  const [c] = await db.select().from(certificate).where(eq(certificate.code, code));
  return c;
}

export function certificatesOf(db: AppDb, orgId: string, userId: string) {
  return db
    .select()
    .from(certificate)
    .where(and(eq(certificate.orgId, orgId), eq(certificate.userId, userId)))
    .orderBy(desc(certificate.issuedAt));
}

/** The operator's view: completions per theme and the questions most often answered wrongly. */
export async function operatorStats(db: AppDb) {
  const [byTheme, wrong, [attempts]] = await Promise.all([
    db
      .select({ themeId: learningCompletion.themeId, people: count() })
      .from(learningCompletion)
      .groupBy(learningCompletion.themeId),
    db.execute(sql`
      select theme_id, q, count(*)::int as wrong
        from ${learningAttempt}, unnest(wrong) as q
       group by theme_id, q
       order by wrong desc, theme_id, q
       limit 20`),
    db.select({ n: count() }).from(learningAttempt),
  ]);
  const rows = (wrong as unknown as { rows: Array<{ theme_id: string; q: string; wrong: number }> }).rows;
  return {
    byTheme,
    wrong: rows.map((r) => ({ themeId: r.theme_id, questionId: r.q, wrong: r.wrong })),
    attempts: attempts?.n ?? 0,
  };
}
