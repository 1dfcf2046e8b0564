import { and, desc, eq } from 'drizzle-orm';
import type { AppDb } from '../../kernel/db/client.ts';
import { directoryListing, presenter, seminarRequest } from './directory.tables.ts';

export type PresenterRow = typeof presenter.$inferSelect;
export type SeminarRow = typeof seminarRequest.$inferSelect;
export type ListingRow = typeof directoryListing.$inferSelect;

export async function upsertPresenter(db: AppDb, row: typeof presenter.$inferInsert) {
  const { id: _id, userId: _u, createdAt: _c, ...update } = row;
  const [p] = await db
    .insert(presenter)
    .values(row)
    .onConflictDoUpdate({ target: presenter.userId, set: { ...update, updatedAt: new Date() } })
    .returning();
  return p as PresenterRow;
}

export async function presenterOfUser(db: AppDb, userId: string) {
  const [p] = await db.select().from(presenter).where(eq(presenter.userId, userId));
  return p;
}

export async function findPresenter(db: AppDb, id: string) {
  const [p] = await db.select().from(presenter).where(eq(presenter.id, id));
  return p;
}

export function listPresenters(db: AppDb, status?: PresenterRow['status']) {
  return db
    .select()
    .from(presenter)
    .where(status ? eq(presenter.status, status) : undefined)
    .orderBy(desc(presenter.updatedAt));
}

export async function setPresenterStatus(
  db: AppDb,
  id: string,
  status: PresenterRow['status'],
  note: string | null,
) {
  const [p] = await db
    .update(presenter)
    .set({ status, reviewNote: note, updatedAt: new Date() })
    .where(eq(presenter.id, id))
    .returning();
  return p;
}

export async function insertSeminar(db: AppDb, row: typeof seminarRequest.$inferInsert) {
  await db.insert(seminarRequest).values(row);
}

export function seminarsOf(db: AppDb, presenterId: string) {
  return db
    .select()
    .from(seminarRequest)
    .where(eq(seminarRequest.presenterId, presenterId))
    .orderBy(desc(seminarRequest.createdAt));
}

export async function replySeminar(
  db: AppDb,
  presenterId: string,
  id: string,
  status: 'accepted' | 'declined',
  reply: string,
) {
  const [row] = await db
    .update(seminarRequest)
    .set({ status, reply, repliedAt: new Date() })
    .where(and(eq(seminarRequest.presenterId, presenterId), eq(seminarRequest.id, id)))
    .returning();
  return row;
}

export async function upsertListing(db: AppDb, row: typeof directoryListing.$inferInsert) {
  const { orgId: _o, ...update } = row;
  await db
    .insert(directoryListing)
    .values(row)
    .onConflictDoUpdate({ target: directoryListing.orgId, set: { ...update, updatedAt: new Date() } });
}

export async function findListing(db: AppDb, orgId: string) {
  const [row] = await db.select().from(directoryListing).where(eq(directoryListing.orgId, orgId));
  return row;
}

export function publishedListings(db: AppDb) {
  return db.select().from(directoryListing).where(eq(directoryListing.published, true));
}
