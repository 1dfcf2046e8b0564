import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { organization } from '../../kernel/auth/auth.tables.ts';

/** One document per template per organisation; its versions are kept forever. */
export const policyDocument = pgTable(
  'policy_document',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    template: text('template').notNull(),
    /** Stable public address once published: /policies/{slug}. */
    slug: text('slug').notNull().unique(),
    publishedVersionId: text('published_version_id'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('policy_document_org_template_idx').on(t.orgId, t.template)],
);

export const policyVersion = pgTable(
  'policy_version',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    documentId: text('document_id')
      .notNull()
      .references(() => policyDocument.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    templateVersion: text('template_version').notNull(),
    fields: jsonb('fields').$type<Record<string, string | number | boolean | null>>().notNull(),
    sections: jsonb('sections').$type<Record<string, boolean>>().notNull(),
    status: text('status', { enum: ['draft', 'approved'] })
      .notNull()
      .default('draft'),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    approvedBy: text('approved_by'),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('policy_version_doc_version_idx').on(t.documentId, t.version),
    index('policy_version_org_idx').on(t.orgId, t.documentId),
  ],
);
