import { and, count, desc, eq, sql } from 'drizzle-orm';
import type { AppDb } from '../../kernel/db/client.ts';
import { monthlyReport, reportDelivery } from './reports.tables.ts';

export type ReportRow = typeof monthlyReport.$inferSelect;
export type NewReport = Omit<typeof monthlyReport.$inferInsert, 'id'>;

export async function findReport(db: AppDb, orgId: string, month: string): Promise<ReportRow | undefined> {
  const [row] = await db
    .select()
    .from(monthlyReport)
    .where(and(eq(monthlyReport.orgId, orgId), eq(monthlyReport.month, month)));
  return row;
}

export const REPORT_PAGE_SIZE = 24;

export async function listReports(db: AppDb, orgId: string, page: number) {
  const where = eq(monthlyReport.orgId, orgId);
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(monthlyReport)
      .where(where)
      .orderBy(desc(monthlyReport.month))
      .limit(REPORT_PAGE_SIZE)
      .offset((page - 1) * REPORT_PAGE_SIZE),
    db.select({ n: count() }).from(monthlyReport).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

/**
 * Writes a report unless a final one exists for that month: a final report is never changed,
 * an interim one is replaced by a newer interim or by the final one.
 */
export async function saveReport(db: AppDb, id: string, row: NewReport): Promise<ReportRow> {
  const [saved] = await db
    .insert(monthlyReport)
    .values({ id, ...row })
    .onConflictDoUpdate({
      target: [monthlyReport.orgId, monthlyReport.month],
      set: {
        final: row.final,
        periodFrom: row.periodFrom,
        periodTo: row.periodTo,
        figures: row.figures,
        diagnosis: row.diagnosis,
        generatedBy: row.generatedBy,
        generatedAt: row.generatedAt,
      },
      setWhere: sql`${monthlyReport.final} = false`,
    })
    .returning();
  return saved ?? ((await findReport(db, row.orgId, row.month)) as ReportRow);
}

export async function deliveredTo(db: AppDb, reportId: string): Promise<Set<string>> {
  const rows = await db
    .select({ userId: reportDelivery.userId })
    .from(reportDelivery)
    .where(eq(reportDelivery.reportId, reportId));
  return new Set(rows.map((r) => r.userId));
}

export async function recordDelivery(db: AppDb, row: typeof reportDelivery.$inferInsert): Promise<void> {
  await db.insert(reportDelivery).values(row).onConflictDoNothing();
}
