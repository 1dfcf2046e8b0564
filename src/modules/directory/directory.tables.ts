import { boolean, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { organization } from '../../kernel/auth/auth.tables.ts';

/** セキュリティプレゼンター: a person (not an organisation) who gives seminars. */
export const presenter = pgTable(
  'presenter',
  {
    id: text('id').primaryKey(),
    userId: text('user_id').notNull().unique(),
    status: text('status', { enum: ['pending', 'approved', 'rejected'] }).notNull(),
    name: text('name').notNull(),
    kana: text('kana').notNull(),
    prefectures: text('prefectures').array().notNull(),
    qualifications: text('qualifications').array().notNull(),
    qualificationOther: text('qualification_other'),
    affiliation: text('affiliation'),
    email: text('email').notNull(),
    pr: text('pr').notNull(),
    reviewNote: text('review_note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('presenter_status_idx').on(t.status)],
);

export const seminarRequest = pgTable(
  'seminar_request',
  {
    id: text('id').primaryKey(),
    presenterId: text('presenter_id')
      .notNull()
      .references(() => presenter.id, { onDelete: 'cascade' }),
    requesterName: text('requester_name').notNull(),
    requesterEmail: text('requester_email').notNull(),
    requesterOrg: text('requester_org').notNull(),
    prefecture: text('prefecture').notNull(),
    preferredDates: text('preferred_dates').notNull(),
    audience: text('audience').notNull(),
    message: text('message').notNull(),
    /** The requester has no account: answer in the language they wrote in. */
    lang: text('lang').notNull().default('ja'),
    status: text('status', { enum: ['new', 'accepted', 'declined'] })
      .notNull()
      .default('new'),
    reply: text('reply'),
    repliedAt: timestamp('replied_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('seminar_presenter_idx').on(t.presenterId, t.createdAt)],
);

/** A provider organisation's entry in the directory of security services and IT supporters. */
export const directoryListing = pgTable('directory_listing', {
  orgId: text('org_id')
    .primaryKey()
    .references(() => organization.id, { onDelete: 'cascade' }),
  categories: text('categories').array().notNull(),
  prefectures: text('prefectures').array().notNull(),
  industries: text('industries').array().notNull(),
  description: text('description').notNull(),
  url: text('url'),
  published: boolean('published').notNull().default(true),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
