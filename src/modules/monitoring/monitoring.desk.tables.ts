import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { organization } from '../../kernel/auth/auth.tables.ts';
import { incident } from './monitoring.tables.ts';

/**
 * Notes on an incident. `internal` notes are the provider's working notes and are never
 * shown to the SME; `shared` notes are read by both sides.
 */
export const incidentNote = pgTable(
  'monitoring_incident_note',
  {
    id: text('id').primaryKey(),
    incidentId: text('incident_id')
      .notNull()
      .references(() => incident.id, { onDelete: 'cascade' }),
    orgId: text('org_id').notNull(),
    authorUserId: text('author_user_id'),
    authorName: text('author_name').notNull(),
    /** `provider` when written by the provider's staff, `customer` by the SME's members. */
    side: text('side', { enum: ['provider', 'customer'] }).notNull(),
    visibility: text('visibility', { enum: ['internal', 'shared'] }).notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('incident_note_incident_idx').on(t.incidentId, t.createdAt)],
);

/** The SME's webhook: incident notices are POSTed there as JSON signed with HMAC-SHA256. */
export const incidentWebhook = pgTable('monitoring_webhook', {
  orgId: text('org_id')
    .primaryKey()
    .references(() => organization.id, { onDelete: 'cascade' }),
  url: text('url').notNull(),
  secret: text('secret').notNull(),
  lastStatus: integer('last_status'),
  lastError: text('last_error'),
  lastAt: timestamp('last_at', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
