import { and, count, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { user } from '../../kernel/auth/auth.tables.ts';
import type { AppDb } from '../../kernel/db/client.ts';
import { type CaseStatus, guideCase, guideCaseStep, type ReportDrafts } from './guide.tables.ts';

export type CaseRow = typeof guideCase.$inferSelect;

export async function insertCase(db: AppDb, row: typeof guideCase.$inferInsert): Promise<CaseRow> {
  const [c] = await db.insert(guideCase).values(row).returning();
  return c as CaseRow;
}

export async function findCase(db: AppDb, orgId: string, caseId: string): Promise<CaseRow | undefined> {
  const [c] = await db
    .select()
    .from(guideCase)
    .where(and(eq(guideCase.orgId, orgId), eq(guideCase.id, caseId)));
  return c;
}

export async function listCases(
  db: AppDb,
  orgId: string,
  filter: { status?: CaseStatus; topic?: string; limit: number; offset: number },
) {
  const where: SQL[] = [eq(guideCase.orgId, orgId)];
  if (filter.status) where.push(eq(guideCase.status, filter.status));
  if (filter.topic) where.push(eq(guideCase.topic, filter.topic));
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(guideCase)
      .where(and(...where))
      .orderBy(desc(guideCase.createdAt), desc(guideCase.id))
      .limit(filter.limit)
      .offset(filter.offset),
    db
      .select({ n: count() })
      .from(guideCase)
      .where(and(...where)),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function updateCase(
  db: AppDb,
  orgId: string,
  caseId: string,
  set: Partial<Pick<CaseRow, 'title' | 'notes' | 'status' | 'closedAt' | 'reports'>>,
): Promise<CaseRow | undefined> {
  const [c] = await db
    .update(guideCase)
    .set({ ...set, updatedAt: new Date() })
    .where(and(eq(guideCase.orgId, orgId), eq(guideCase.id, caseId)))
    .returning();
  return c;
}

export async function saveReport(
  db: AppDb,
  orgId: string,
  caseId: string,
  form: string,
  values: Record<string, string | string[]>,
): Promise<CaseRow | undefined> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ reports: guideCase.reports })
      .from(guideCase)
      .where(and(eq(guideCase.orgId, orgId), eq(guideCase.id, caseId)))
      .for('update');
    if (!row) return undefined;
    const reports: ReportDrafts = { ...row.reports, [form]: { values, savedAt: new Date().toISOString() } };
    const [c] = await tx
      .update(guideCase)
      .set({ reports, updatedAt: new Date() })
      .where(eq(guideCase.id, caseId))
      .returning();
    return c;
  });
}

export function stepsOf(db: AppDb, orgId: string, caseId: string) {
  return db
    .select({
      stepId: guideCaseStep.stepId,
      doneAt: guideCaseStep.doneAt,
      doneBy: guideCaseStep.doneBy,
      doneByName: user.name,
    })
    .from(guideCaseStep)
    .leftJoin(user, eq(user.id, guideCaseStep.doneBy))
    .where(and(eq(guideCaseStep.orgId, orgId), eq(guideCaseStep.caseId, caseId)));
}

export async function countSteps(db: AppDb, orgId: string, caseIds: string[]) {
  if (caseIds.length === 0) return new Map<string, number>();
  const rows = await db
    .select({ caseId: guideCaseStep.caseId, n: count() })
    .from(guideCaseStep)
    .where(and(eq(guideCaseStep.orgId, orgId), inArray(guideCaseStep.caseId, caseIds)))
    .groupBy(guideCaseStep.caseId);
  return new Map(rows.map((r) => [r.caseId, r.n]));
}

/** Ticks or unticks a step; ticking twice keeps the first time. */
export async function setStep(
  db: AppDb,
  row: { orgId: string; caseId: string; stepId: string; userId: string },
  done: boolean,
): Promise<void> {
  await db.transaction(async (tx) => {
    if (done) {
      await tx
        .insert(guideCaseStep)
        .values({ orgId: row.orgId, caseId: row.caseId, stepId: row.stepId, doneBy: row.userId })
        .onConflictDoNothing();
    } else {
      await tx
        .delete(guideCaseStep)
        .where(
          and(
            eq(guideCaseStep.orgId, row.orgId),
            eq(guideCaseStep.caseId, row.caseId),
            eq(guideCaseStep.stepId, row.stepId),
          ),
        );
    }
    await tx
      .update(guideCase)
      .set({ updatedAt: new Date() })
      .where(and(eq(guideCase.orgId, row.orgId), eq(guideCase.id, row.caseId)));
  });
}
