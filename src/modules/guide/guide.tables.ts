import { index, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { organization } from '../../kernel/auth/auth.tables.ts';

export const caseStatuses = ['open', 'closed'] as const;
export type CaseStatus = (typeof caseStatuses)[number];

/** Saved report drafts of a case, per IPA form: field id → value (multi-choice fields hold lists). */
export type ReportDrafts = Partial<
  Record<string, { values: Record<string, string | string[]>; savedAt: string }>
>;

/**
 * A situation an organisation is handling with the incident guide: which trouble, what was
 * noted, and (optionally) the monitoring incident it came from.
 */
export const guideCase = pgTable(
  'guide_case',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    topic: text('topic').notNull(),
    title: text('title').notNull(),
    incidentId: text('incident_id'),
    status: text('status', { enum: caseStatuses }).notNull().default('open'),
    notes: text('notes').notNull().default(''),
    reports: jsonb('reports').$type<ReportDrafts>().notNull().default({}),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [index('guide_case_org_idx').on(t.orgId, t.status, t.createdAt)],
);

/** A step of the guide ticked as done in a case: when and by whom (one row per step, so ticks never clash). */
export const guideCaseStep = pgTable(
  'guide_case_step',
  {
    caseId: text('case_id')
      .notNull()
      .references(() => guideCase.id, { onDelete: 'cascade' }),
    orgId: text('org_id').notNull(),
    stepId: text('step_id').notNull(),
    doneBy: text('done_by').notNull(),
    doneAt: timestamp('done_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.stepId] }), index('guide_case_step_org_idx').on(t.orgId)],
);
