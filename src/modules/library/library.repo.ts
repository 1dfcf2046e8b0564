import { and, eq, isNotNull } from 'drizzle-orm';
import type { AppDb } from '../../kernel/db/client.ts';
import { libraryDigest, libraryItem, librarySubscription, libraryWatched } from './library.tables.ts';

export type ItemKind = 'entry' | 'video';
export type ItemRow = typeof libraryItem.$inferSelect;
export type SubscriptionRow = typeof librarySubscription.$inferSelect;

// ---- operator items ----

export function listItems(db: AppDb, kind: ItemKind) {
  return db.select().from(libraryItem).where(eq(libraryItem.kind, kind));
}

export async function findItem(db: AppDb, kind: ItemKind, id: string) {
  const [row] = await db
    .select()
    .from(libraryItem)
    .where(and(eq(libraryItem.kind, kind), eq(libraryItem.id, id)));
  return row;
}

export async function upsertItemData(
  db: AppDb,
  row: { kind: ItemKind; id: string; data: Record<string, unknown>; updatedBy: string },
) {
  await db
    .insert(libraryItem)
    .values(row)
    .onConflictDoUpdate({
      target: [libraryItem.kind, libraryItem.id],
      set: { data: row.data, updatedBy: row.updatedBy, updatedAt: new Date() },
    });
}

export async function setItemHidden(
  db: AppDb,
  row: { kind: ItemKind; id: string; hidden: boolean; updatedBy: string },
) {
  await db
    .insert(libraryItem)
    .values({ ...row, data: null })
    .onConflictDoUpdate({
      target: [libraryItem.kind, libraryItem.id],
      set: { hidden: row.hidden, updatedBy: row.updatedBy, updatedAt: new Date() },
    });
}

export async function deleteItem(db: AppDb, kind: ItemKind, id: string) {
  const rows = await db
    .delete(libraryItem)
    .where(and(eq(libraryItem.kind, kind), eq(libraryItem.id, id)))
    .returning({ id: libraryItem.id });
  return rows.length > 0;
}

// ---- watched marks ----

export async function watchedVideoIds(db: AppDb, orgId: string, userId: string) {
  const rows = await db
    .select({ videoId: libraryWatched.videoId, watchedAt: libraryWatched.watchedAt })
    .from(libraryWatched)
    .where(and(eq(libraryWatched.orgId, orgId), eq(libraryWatched.userId, userId)));
  return rows;
}

export async function markWatched(db: AppDb, orgId: string, userId: string, videoId: string) {
  await db.insert(libraryWatched).values({ orgId, userId, videoId }).onConflictDoNothing();
}

export async function unmarkWatched(db: AppDb, orgId: string, userId: string, videoId: string) {
  await db
    .delete(libraryWatched)
    .where(
      and(
        eq(libraryWatched.orgId, orgId),
        eq(libraryWatched.userId, userId),
        eq(libraryWatched.videoId, videoId),
      ),
    );
}

// ---- newsletter ----

export async function findSubscription(db: AppDb, userId: string) {
  const [row] = await db.select().from(librarySubscription).where(eq(librarySubscription.userId, userId));
  return row;
}

/** Subscribes (or moves the subscription to `orgId`); a returning subscriber keeps where their last digest ended. */
export async function subscribe(db: AppDb, userId: string, orgId: string) {
  await db
    .insert(librarySubscription)
    .values({ userId, orgId })
    .onConflictDoUpdate({
      target: librarySubscription.userId,
      set: { orgId, active: true, subscribedAt: new Date(), unsubscribedAt: null },
    });
}

export async function unsubscribe(db: AppDb, userId: string) {
  const rows = await db
    .update(librarySubscription)
    .set({ active: false, unsubscribedAt: new Date() })
    .where(and(eq(librarySubscription.userId, userId), eq(librarySubscription.active, true)))
    .returning({ orgId: librarySubscription.orgId });
  return rows[0] ?? null;
}

export function activeSubscriptions(db: AppDb) {
  return db.select().from(librarySubscription).where(eq(librarySubscription.active, true));
}

/**
 * Claims the (person, week) slot before the mail goes out. Returns false when another run
 * already claimed it, so two runs (or two servers) never send the same week twice.
 */
export async function claimDigest(db: AppDb, row: typeof libraryDigest.$inferInsert): Promise<boolean> {
  const rows = await db
    .insert(libraryDigest)
    .values(row)
    .onConflictDoNothing({ target: [libraryDigest.userId, libraryDigest.week] })
    .returning({ id: libraryDigest.id });
  return rows.length > 0;
}

export async function sentThisWeek(db: AppDb, userId: string, week: string) {
  const [row] = await db
    .select({ id: libraryDigest.id })
    .from(libraryDigest)
    .where(and(eq(libraryDigest.userId, userId), eq(libraryDigest.week, week)));
  return Boolean(row);
}

/** Records a sent digest and moves the subscriber's window on. */
export async function markDigestSent(db: AppDb, id: string, userId: string, until: Date) {
  await db.transaction(async (tx) => {
    await tx.update(libraryDigest).set({ sentAt: new Date() }).where(eq(libraryDigest.id, id));
    await tx
      .update(librarySubscription)
      .set({ lastDigestUntil: until })
      .where(eq(librarySubscription.userId, userId));
  });
}

/** A claim whose mail could not be sent is released so the next run tries again. */
export async function releaseDigest(db: AppDb, id: string) {
  await db.delete(libraryDigest).where(eq(libraryDigest.id, id));
}

export function sentDigests(db: AppDb, userId: string) {
  return db
    .select()
    .from(libraryDigest)
    .where(and(eq(libraryDigest.userId, userId), isNotNull(libraryDigest.sentAt)));
}
