import { and, desc, eq, isNotNull } from 'drizzle-orm';
import type { AppDb } from '../../kernel/db/client.ts';
import { policyDocument, policyVersion } from './policy.tables.ts';

export type DocumentRow = typeof policyDocument.$inferSelect;
export type VersionRow = typeof policyVersion.$inferSelect;

export async function findDocumentByTemplate(db: AppDb, orgId: string, template: string) {
  const [row] = await db
    .select()
    .from(policyDocument)
    .where(and(eq(policyDocument.orgId, orgId), eq(policyDocument.template, template)));
  return row;
}

export async function findDocument(db: AppDb, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(policyDocument)
    .where(and(eq(policyDocument.orgId, orgId), eq(policyDocument.id, id)));
  return row;
}

export async function findPublishedBySlug(db: AppDb, slug: string) {
  const [row] = await db
    .select({ document: policyDocument, version: policyVersion })
    .from(policyDocument)
    .innerJoin(policyVersion, eq(policyVersion.id, policyDocument.publishedVersionId))
    .where(eq(policyDocument.slug, slug));
  return row;
}

export async function findPublished(db: AppDb, orgId: string, template: string) {
  const [row] = await db
    .select()
    .from(policyDocument)
    .where(
      and(
        eq(policyDocument.orgId, orgId),
        eq(policyDocument.template, template),
        isNotNull(policyDocument.publishedVersionId),
      ),
    );
  return row;
}

export function listDocuments(db: AppDb, orgId: string) {
  return db.select().from(policyDocument).where(eq(policyDocument.orgId, orgId));
}

export function listVersions(db: AppDb, orgId: string, documentId: string) {
  return db
    .select()
    .from(policyVersion)
    .where(and(eq(policyVersion.orgId, orgId), eq(policyVersion.documentId, documentId)))
    .orderBy(desc(policyVersion.version));
}

export async function findVersion(db: AppDb, orgId: string, documentId: string, version: number) {
  const [row] = await db
    .select()
    .from(policyVersion)
    .where(
      and(
        eq(policyVersion.orgId, orgId),
        eq(policyVersion.documentId, documentId),
        eq(policyVersion.version, version),
      ),
    );
  return row;
}

export async function insertDocument(db: AppDb, row: typeof policyDocument.$inferInsert) {
  const [doc] = await db.insert(policyDocument).values(row).onConflictDoNothing().returning();
  return doc;
}

export async function insertVersion(db: AppDb, row: typeof policyVersion.$inferInsert) {
  const [v] = await db.insert(policyVersion).values(row).returning();
  return v as VersionRow;
}

export async function updateVersion(
  db: AppDb,
  id: string,
  patch: Partial<typeof policyVersion.$inferInsert>,
) {
  const [v] = await db.update(policyVersion).set(patch).where(eq(policyVersion.id, id)).returning();
  return v as VersionRow;
}

export async function setPublished(db: AppDb, documentId: string, versionId: string | null) {
  await db
    .update(policyDocument)
    .set({ publishedVersionId: versionId, publishedAt: versionId ? new Date() : null })
    .where(eq(policyDocument.id, documentId));
}
