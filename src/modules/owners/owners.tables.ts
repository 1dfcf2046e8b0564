import { date, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { organization } from '../../kernel/auth/auth.tables.ts';

export const actionStatuses = ['not_started', 'in_progress', 'done'] as const;
export const confidentialityAnswers = ['yes', 'no', 'unknown'] as const;
export const declaredLevels = ['none', 'one_star', 'two_star'] as const;

/**
 * The owner's record of one of the guideline's 7 key actions. A row exists once
 * someone records something; an action without a row is simply not started.
 */
export const ownerAction = pgTable(
  'owner_action',
  {
    orgId: text('org_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    actionNo: integer('action_no').notNull(),
    status: text('status', { enum: actionStatuses }).notNull().default('not_started'),
    responsibleUserId: text('responsible_user_id'),
    note: text('note'),
    reviewDate: date('review_date'),
    /** The review date a reminder was mailed for: once per review date, and a new date earns a new one. */
    remindedFor: date('reminded_for'),
    updatedBy: text('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.actionNo] }), index('owner_action_review_idx').on(t.reviewDate)],
);

/** A company the organisation entrusts information to (委託先), as the owner checked it. */
export const ownerContractor = pgTable(
  'owner_contractor',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    entrusted: text('entrusted').notNull(),
    confidentiality: text('confidentiality', { enum: confidentialityAnswers }).notNull().default('unknown'),
    /** What the contractor says it has declared; the registry is asked separately when an ID is known. */
    declared: text('declared', { enum: declaredLevels }).notNull().default('none'),
    declarationId: text('declaration_id'),
    corporateNumber: text('corporate_number'),
    note: text('note'),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('owner_contractor_org_name_idx').on(t.orgId, t.name)],
);
