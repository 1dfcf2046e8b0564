import {
  boolean,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { organization } from '../../kernel/auth/auth.tables.ts';

/**
 * The operator's library pages and videos. A row with the id of a built-in item overrides it
 * (data) or hides it (hidden, data may be null); other ids are items the operator added.
 */
export const libraryItem = pgTable(
  'library_item',
  {
    kind: text('kind', { enum: ['entry', 'video'] }).notNull(),
    id: text('id').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>(),
    hidden: boolean('hidden').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: text('updated_by'),
  },
  (t) => [primaryKey({ columns: [t.kind, t.id] })],
);

/** A member's "watched" mark on a video of the catalogue. */
export const libraryWatched = pgTable(
  'library_watched',
  {
    orgId: text('org_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull(),
    videoId: text('video_id').notNull(),
    watchedAt: timestamp('watched_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.userId, t.videoId] })],
);

/** One weekly-digest subscription per person, about one of their organisations. */
export const librarySubscription = pgTable(
  'library_subscription',
  {
    userId: text('user_id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    active: boolean('active').notNull().default(true),
    subscribedAt: timestamp('subscribed_at', { withTimezone: true }).notNull().defaultNow(),
    unsubscribedAt: timestamp('unsubscribed_at', { withTimezone: true }),
    /** End of the period the last digest covered; the next one starts here. */
    lastDigestUntil: timestamp('last_digest_until', { withTimezone: true }),
  },
  (t) => [index('library_subscription_org_idx').on(t.orgId, t.active)],
);

/** What was sent: at most one digest per person and week (the unique index is the guarantee). */
export const libraryDigest = pgTable(
  'library_digest',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull(),
    /** ISO week, e.g. 2026-W48 (weeks start Monday 09:00 Japan time). */
    week: text('week').notNull(),
    since: timestamp('since', { withTimezone: true }).notNull(),
    until: timestamp('until', { withTimezone: true }).notNull(),
    sections: jsonb('sections').$type<Array<{ id: string; items: number }>>().notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('library_digest_user_week_idx').on(t.userId, t.week),
    index('library_digest_org_idx').on(t.orgId, t.createdAt),
  ],
);
