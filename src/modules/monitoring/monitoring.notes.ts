import { randomUUID } from 'node:crypto';
import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import type { AppDb } from '../../kernel/db/client.ts';
import { incidentNote } from './monitoring.desk.tables.ts';

export type NoteRow = typeof incidentNote.$inferSelect;
export const NOTES_PAGE_SIZE = 20;

export async function addNote(
  db: AppDb,
  n: Omit<typeof incidentNote.$inferInsert, 'id' | 'createdAt'>,
): Promise<NoteRow> {
  const [row] = await db
    .insert(incidentNote)
    .values({ ...n, id: randomUUID() })
    .returning();
  return row as NoteRow;
}

/** Newest first. The SME's side never receives the provider's internal notes. */
export async function listNotes(
  db: AppDb,
  orgId: string,
  incidentId: string,
  opts: { includeInternal: boolean; page: number },
) {
  const where: SQL[] = [eq(incidentNote.orgId, orgId), eq(incidentNote.incidentId, incidentId)];
  if (!opts.includeInternal) where.push(eq(incidentNote.visibility, 'shared'));
  const cond = and(...where);
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(incidentNote)
      .where(cond)
      .orderBy(desc(incidentNote.createdAt), desc(incidentNote.id))
      .limit(NOTES_PAGE_SIZE)
      .offset((opts.page - 1) * NOTES_PAGE_SIZE),
    db.select({ n: count() }).from(incidentNote).where(cond),
  ]);
  return { items, total: total?.n ?? 0 };
}
