import { boolean, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { organization } from '../../kernel/auth/auth.tables.ts';
import type { MonthlyFigures } from '../monitoring/index.ts';

/** The latest diagnosis as it stood when the report was made (the report never changes later). */
export interface DiagnosisSnapshot {
  id: string;
  total: number;
  band: string;
  createdAt: string;
  answers: Record<string, string>;
}

/**
 * One report per organisation and month. The scheduled job writes the final report of a
 * finished month; before that, an owner may make an interim one for the month so far,
 * which the final report replaces. Texts are rendered from these facts in the reader's language.
 */
export const monthlyReport = pgTable(
  'reports_monthly',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    month: text('month').notNull(),
    final: boolean('final').notNull().default(false),
    periodFrom: timestamp('period_from', { withTimezone: true }).notNull(),
    periodTo: timestamp('period_to', { withTimezone: true }).notNull(),
    figures: jsonb('figures').$type<MonthlyFigures>().notNull(),
    diagnosis: jsonb('diagnosis').$type<DiagnosisSnapshot | null>(),
    generatedBy: text('generated_by'),
    generatedAt: timestamp('generated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('reports_monthly_org_month_idx').on(t.orgId, t.month)],
);

/** Who was mailed a report: a rerun of the job mails only those not yet here. */
export const reportDelivery = pgTable(
  'reports_delivery',
  {
    reportId: text('report_id')
      .notNull()
      .references(() => monthlyReport.id, { onDelete: 'cascade' }),
    orgId: text('org_id').notNull(),
    userId: text('user_id').notNull(),
    email: text('email').notNull(),
    lang: text('lang').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.userId] })],
);
