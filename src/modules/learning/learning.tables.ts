import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { organization } from '../../kernel/auth/auth.tables.ts';

/** Every submitted confirmation test, kept for progress and for improving the content. */
export const learningAttempt = pgTable(
  'learning_attempt',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull(),
    themeId: text('theme_id').notNull(),
    answers: jsonb('answers').$type<Record<string, string>>().notNull(),
    /** Question ids answered wrongly. */
    wrong: text('wrong').array().notNull(),
    correct: integer('correct').notNull(),
    total: integer('total').notNull(),
    passed: boolean('passed').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('attempt_org_user_idx').on(t.orgId, t.userId), index('attempt_theme_idx').on(t.themeId)],
);

export const learningCompletion = pgTable(
  'learning_completion',
  {
    orgId: text('org_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull(),
    themeId: text('theme_id').notNull(),
    completedAt: timestamp('completed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.userId, t.themeId] })],
);

/** 修了証: public by its code, with the name and organisation as they were when issued. */
export const certificate = pgTable(
  'certificate',
  {
    code: text('code').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull(),
    course: text('course', { enum: ['all', 'owner', 'employee'] }).notNull(),
    name: text('name').notNull(),
    orgName: text('org_name').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('certificate_org_user_idx').on(t.orgId, t.userId)],
);
