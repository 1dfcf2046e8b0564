import { date, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { organization } from '../../kernel/auth/auth.tables.ts';

/** A saved diagnosis: the answers, the bank version they were given against, and the result. */
export const diagnosis = pgTable(
  'diagnosis',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    createdBy: text('created_by'),
    bankVersion: text('bank_version').notNull(),
    answers: jsonb('answers').$type<Record<string, string>>().notNull(),
    total: integer('total').notNull(),
    band: text('band').notNull(),
    parts: jsonb('parts').$type<Array<{ id: string; score: number; max: number }>>().notNull(),
    /** The peer group at the time of answering (industry, employee band). */
    industry: text('industry').notNull(),
    employees: text('employees').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('diagnosis_org_created_idx').on(t.orgId, t.createdAt)],
);

/** Each organisation's latest diagnosis, the unit of peer comparison. */
export const diagnosisLatest = pgTable('diagnosis_latest', {
  orgId: text('org_id')
    .primaryKey()
    .references(() => organization.id, { onDelete: 'cascade' }),
  diagnosisId: text('diagnosis_id').notNull(),
  industry: text('industry').notNull(),
  employees: text('employees').notNull(),
  total: integer('total').notNull(),
});

/**
 * Running aggregates per peer group over the latest diagnoses, kept in the same
 * transaction as each save, so a comparison reads one row instead of scanning.
 * `hist[i]` counts organisations whose total is i − 25 (totals run −25..100).
 */
export const diagnosisGroupStats = pgTable(
  'diagnosis_group_stats',
  {
    industry: text('industry').notNull(),
    employees: text('employees').notNull(),
    count: integer('count').notNull().default(0),
    sumTotal: integer('sum_total').notNull().default(0),
    hist: integer('hist').array().notNull(),
  },
  (t) => [primaryKey({ columns: [t.industry, t.employees] })],
);

/** Improvement plan: a weak item turned into a task with an owner and a review date. */
export const improvementTask = pgTable(
  'improvement_task',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    itemNo: integer('item_no').notNull(),
    title: text('title').notNull(),
    note: text('note'),
    assigneeUserId: text('assignee_user_id'),
    dueDate: date('due_date'),
    reviewDate: date('review_date'),
    status: text('status', { enum: ['open', 'done'] })
      .notNull()
      .default('open'),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    doneAt: timestamp('done_at', { withTimezone: true }),
    reviewRemindedAt: timestamp('review_reminded_at', { withTimezone: true }),
  },
  (t) => [index('task_org_status_idx').on(t.orgId, t.status), index('task_review_idx').on(t.reviewDate)],
);
