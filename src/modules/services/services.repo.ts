import { and, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { AppDb } from '../../kernel/db/client.ts';
import { contactRequest, service, serviceReview, serviceVersion, subsidyYear } from './services.tables.ts';

export type ServiceRow = typeof service.$inferSelect;
export type VersionRow = typeof serviceVersion.$inferSelect;

export async function insertService(
  db: AppDb,
  s: typeof service.$inferInsert,
  v: typeof serviceVersion.$inferInsert,
) {
  await db.transaction(async (tx) => {
    await tx.insert(service).values(s);
    await tx.insert(serviceVersion).values(v);
  });
}

export async function findService(db: AppDb, id: string) {
  const [row] = await db.select().from(service).where(eq(service.id, id));
  return row;
}

export async function findOwnService(db: AppDb, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(service)
    .where(and(eq(service.orgId, orgId), eq(service.id, id)));
  return row;
}

export function listOwnServices(db: AppDb, orgId: string) {
  return db.select().from(service).where(eq(service.orgId, orgId)).orderBy(desc(service.updatedAt));
}

export async function findVersion(db: AppDb, serviceId: string, version: number) {
  const [row] = await db
    .select()
    .from(serviceVersion)
    .where(and(eq(serviceVersion.serviceId, serviceId), eq(serviceVersion.version, version)));
  return row;
}

export async function updateVersion(
  db: AppDb,
  serviceId: string,
  version: number,
  patch: Partial<typeof serviceVersion.$inferInsert>,
) {
  await db
    .update(serviceVersion)
    .set(patch)
    .where(and(eq(serviceVersion.serviceId, serviceId), eq(serviceVersion.version, version)));
}

export async function insertVersion(db: AppDb, v: typeof serviceVersion.$inferInsert) {
  await db.insert(serviceVersion).values(v);
}

export async function updateService(db: AppDb, id: string, patch: Partial<typeof service.$inferInsert>) {
  await db
    .update(service)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(service.id, id));
}

export async function insertReviews(db: AppDb, rows: Array<typeof serviceReview.$inferInsert>) {
  if (rows.length) await db.insert(serviceReview).values(rows);
}

export function listReviews(db: AppDb, serviceId: string) {
  return db
    .select()
    .from(serviceReview)
    .where(eq(serviceReview.serviceId, serviceId))
    .orderBy(desc(serviceReview.createdAt));
}

/** Services listed publicly (or one of them), with the version that was approved. */
export async function listApproved(db: AppDb, id?: string) {
  return db
    .select({ service, version: serviceVersion })
    .from(service)
    .innerJoin(
      serviceVersion,
      and(eq(serviceVersion.serviceId, service.id), eq(serviceVersion.version, service.approvedVersion)),
    )
    .where(
      id ? and(isNotNull(service.approvedVersion), eq(service.id, id)) : isNotNull(service.approvedVersion),
    );
}

export function listQueue(db: AppDb, statuses: string[]) {
  return db
    .select()
    .from(service)
    .where(inArray(service.status, statuses as Array<ServiceRow['status']>))
    .orderBy(service.updatedAt);
}

export async function insertContact(db: AppDb, row: typeof contactRequest.$inferInsert) {
  await db.insert(contactRequest).values(row);
}

export function listContacts(db: AppDb, orgId: string) {
  return db
    .select()
    .from(contactRequest)
    .where(eq(contactRequest.orgId, orgId))
    .orderBy(desc(contactRequest.createdAt));
}

export function listSubsidyYears(db: AppDb) {
  return db.select().from(subsidyYear);
}

export async function upsertSubsidyYear(db: AppDb, row: typeof subsidyYear.$inferInsert) {
  const { fiscalYear: _y, ...set } = row;
  await db
    .insert(subsidyYear)
    .values(row)
    .onConflictDoUpdate({ target: subsidyYear.fiscalYear, set: { ...set, updatedAt: new Date() } });
}
