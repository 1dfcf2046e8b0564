import { and, asc, count, desc, eq, lt, sql } from 'drizzle-orm';
import type { AppDb } from '../../kernel/db/client.ts';
import { diagnosis, diagnosisGroupStats, diagnosisLatest, improvementTask } from './diagnosis.tables.ts';

export type DiagnosisRow = typeof diagnosis.$inferSelect;
export type TaskRow = typeof improvementTask.$inferSelect;

export const MIN_TOTAL = -25;
export const HIST_SIZE = 126; // totals −25..100

const histIndex = (total: number) => total - MIN_TOTAL + 1; // PostgreSQL arrays start at 1

async function addToGroup(db: AppDb, industry: string, employees: string, total: number, sign: 1 | -1) {
  const i = histIndex(total);
  await db.execute(sql`
    update ${diagnosisGroupStats}
       set count = count + ${sign}, sum_total = sum_total + ${sign * total}, hist[${i}] = hist[${i}] + ${sign}
     where industry = ${industry} and employees = ${employees}`);
}

/**
 * Stores a diagnosis and moves the organisation's contribution to the peer
 * aggregates from its previous latest diagnosis to this one, atomically.
 */
export async function insertDiagnosis(db: AppDb, row: typeof diagnosis.$inferInsert & { id: string }) {
  return db.transaction(async (tx) => {
    const [inserted] = await tx.insert(diagnosis).values(row).returning();
    const [prev] = await tx
      .select()
      .from(diagnosisLatest)
      .where(eq(diagnosisLatest.orgId, row.orgId))
      .for('update');
    if (prev) await addToGroup(tx as unknown as AppDb, prev.industry, prev.employees, prev.total, -1);
    await tx
      .insert(diagnosisGroupStats)
      .values({ industry: row.industry, employees: row.employees, hist: Array(HIST_SIZE).fill(0) })
      .onConflictDoNothing();
    await addToGroup(tx as unknown as AppDb, row.industry, row.employees, row.total, 1);
    const latest = {
      diagnosisId: row.id,
      industry: row.industry,
      employees: row.employees,
      total: row.total,
    };
    await tx
      .insert(diagnosisLatest)
      .values({ orgId: row.orgId, ...latest })
      .onConflictDoUpdate({ target: diagnosisLatest.orgId, set: latest });
    return inserted as DiagnosisRow;
  });
}

export function listDiagnoses(db: AppDb, orgId: string, limit = 200) {
  return db
    .select()
    .from(diagnosis)
    .where(eq(diagnosis.orgId, orgId))
    .orderBy(desc(diagnosis.createdAt), desc(diagnosis.id))
    .limit(limit);
}

export async function findDiagnosis(db: AppDb, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(diagnosis)
    .where(and(eq(diagnosis.orgId, orgId), eq(diagnosis.id, id)));
  return row;
}

export async function findPrevious(db: AppDb, orgId: string, before: Date) {
  const [row] = await db
    .select()
    .from(diagnosis)
    .where(and(eq(diagnosis.orgId, orgId), lt(diagnosis.createdAt, before)))
    .orderBy(desc(diagnosis.createdAt))
    .limit(1);
  return row;
}

export async function findGroupStats(db: AppDb, industry: string, employees: string) {
  const [row] = await db
    .select()
    .from(diagnosisGroupStats)
    .where(and(eq(diagnosisGroupStats.industry, industry), eq(diagnosisGroupStats.employees, employees)));
  return row;
}

export async function findLatest(db: AppDb, orgId: string) {
  const [row] = await db.select().from(diagnosisLatest).where(eq(diagnosisLatest.orgId, orgId));
  return row;
}

/** The operator's figures, over each organisation's latest diagnosis. */
export async function operatorStats(db: AppDb) {
  const [[all], byIndustry, byBand, weakItems] = await Promise.all([
    db.select({ n: count() }).from(diagnosis),
    db
      .select({
        industry: diagnosisLatest.industry,
        orgs: count(),
        average: sql<number>`round(avg(${diagnosisLatest.total})::numeric, 1)::float8`,
      })
      .from(diagnosisLatest)
      .groupBy(diagnosisLatest.industry)
      .orderBy(asc(diagnosisLatest.industry)),
    db
      .select({ band: diagnosis.band, orgs: count() })
      .from(diagnosisLatest)
      .innerJoin(diagnosis, eq(diagnosis.id, diagnosisLatest.diagnosisId))
      .groupBy(diagnosis.band),
    db.execute<{ no: string; weak: number }>(sql`
      select a.key as no, count(*)::int as weak
        from ${diagnosisLatest} l
        join ${diagnosis} d on d.id = l.diagnosis_id
        cross join lateral jsonb_each_text(d.answers) a
       where a.value <> 'yes'
       group by a.key
       order by weak desc, (a.key)::int
       limit 10`),
  ]);
  return {
    diagnoses: all?.n ?? 0,
    byIndustry,
    byBand,
    weakItems: (weakItems as unknown as { rows: Array<{ no: string; weak: number }> }).rows.map((r) => ({
      no: Number(r.no),
      weak: r.weak,
    })),
  };
}

export async function insertTask(db: AppDb, row: typeof improvementTask.$inferInsert & { id: string }) {
  const [task] = await db.insert(improvementTask).values(row).returning();
  return task as TaskRow;
}

export function listTasks(db: AppDb, orgId: string) {
  return db
    .select()
    .from(improvementTask)
    .where(eq(improvementTask.orgId, orgId))
    .orderBy(asc(improvementTask.status), asc(improvementTask.dueDate), asc(improvementTask.createdAt));
}

export async function findTask(db: AppDb, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(improvementTask)
    .where(and(eq(improvementTask.orgId, orgId), eq(improvementTask.id, id)));
  return row;
}

export async function updateTask(
  db: AppDb,
  orgId: string,
  id: string,
  patch: Partial<typeof improvementTask.$inferInsert>,
) {
  const [row] = await db
    .update(improvementTask)
    .set(patch)
    .where(and(eq(improvementTask.orgId, orgId), eq(improvementTask.id, id)))
    .returning();
  return row;
}

export async function deleteTask(db: AppDb, orgId: string, id: string) {
  await db.delete(improvementTask).where(and(eq(improvementTask.orgId, orgId), eq(improvementTask.id, id)));
}

/** Open tasks whose review date has come and whose assignee has not been reminded yet. */
export function dueReviews(db: AppDb, today: string) {
  return db
    .select()
    .from(improvementTask)
    .where(
      and(
        eq(improvementTask.status, 'open'),
        sql`${improvementTask.reviewDate} <= ${today}`,
        sql`${improvementTask.reviewRemindedAt} is null`,
      ),
    )
    .limit(500);
}

/**
 * Recomputes the latest-per-organisation table and the group aggregates from
 * the diagnoses themselves (after a bulk import, or to repair).
 */
export async function rebuildAggregates(db: AppDb): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`delete from ${diagnosisLatest}`);
    await tx.execute(sql`
      insert into ${diagnosisLatest} (org_id, diagnosis_id, industry, employees, total)
      select distinct on (org_id) org_id, id, industry, employees, total
        from ${diagnosis}
       order by org_id, created_at desc, id desc`);
    await tx.execute(sql`delete from ${diagnosisGroupStats}`);
    await tx.execute(sql`
      insert into ${diagnosisGroupStats} (industry, employees, count, sum_total, hist)
      select industry, employees, count(*), sum(total),
             array(select count(l2.*)::int
                      from generate_series(${MIN_TOTAL}, 100) as s(v)
                      left join ${diagnosisLatest} l2
                        on l2.industry = l.industry and l2.employees = l.employees and l2.total = s.v
                     group by s.v order by s.v)
        from ${diagnosisLatest} l
       group by industry, employees`);
  });
}
