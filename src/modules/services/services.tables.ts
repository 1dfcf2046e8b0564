import { index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { organization } from '../../kernel/auth/auth.tables.ts';

/** A provider's お助け隊-type service; what the public sees is its approved version. */
export const service = pgTable(
  'service',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    status: text('status', {
      enum: ['draft', 'submitted', 'in_review', 'changes_requested', 'approved', 'rejected'],
    }).notNull(),
    /** The version being worked on or reviewed. */
    currentVersion: integer('current_version').notNull().default(1),
    /** The version listed publicly (stays listed while a newer one is reviewed). */
    approvedVersion: integer('approved_version'),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('service_org_idx').on(t.orgId), index('service_status_idx').on(t.status)],
);

/** Every version of an application is kept, with the standard version it was checked against. */
export const serviceVersion = pgTable(
  'service_version',
  {
    serviceId: text('service_id')
      .notNull()
      .references(() => service.id, { onDelete: 'cascade' }),
    orgId: text('org_id').notNull(),
    version: integer('version').notNull(),
    standardVersion: text('standard_version').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    checks: jsonb('checks').$type<Array<{ id: string; status: string; reason: string }>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
  },
  (t) => [index('service_version_idx').on(t.serviceId, t.version)],
);

/** The review trail: status changes and comments, each comment tied to a requirement id. */
export const serviceReview = pgTable(
  'service_review',
  {
    id: text('id').primaryKey(),
    serviceId: text('service_id')
      .notNull()
      .references(() => service.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    standardVersion: text('standard_version').notNull(),
    action: text('action').notNull(),
    requirementId: text('requirement_id'),
    comment: text('comment'),
    actorId: text('actor_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('service_review_idx').on(t.serviceId, t.createdAt)],
);

/** An SME asking a provider to get in touch about a service. */
export const contactRequest = pgTable(
  'service_contact_request',
  {
    id: text('id').primaryKey(),
    serviceId: text('service_id')
      .notNull()
      .references(() => service.id, { onDelete: 'cascade' }),
    /** The provider organisation (tenant of the request on the provider side). */
    orgId: text('org_id').notNull(),
    smeOrgId: text('sme_org_id').notNull(),
    smeOrgName: text('sme_org_name').notNull(),
    requesterName: text('requester_name').notNull(),
    requesterEmail: text('requester_email').notNull(),
    message: text('message').notNull(),
    diagnosisTotal: integer('diagnosis_total'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('contact_org_idx').on(t.orgId, t.createdAt)],
);

/** The operator's subsidy rules for a fiscal year; they take precedence over content/services/subsidy.json. */
export const subsidyYear = pgTable('subsidy_year', {
  fiscalYear: integer('fiscal_year').primaryKey(),
  minSubsidy: integer('min_subsidy').notNull(),
  maxSubsidy: integer('max_subsidy').notNull(),
  rate: integer('rate').array().notNull(),
  smallBusinessRate: integer('small_business_rate').array().notNull(),
  confirmed: text('confirmed', { enum: ['yes', 'no'] }).notNull(),
  noteJa: text('note_ja'),
  noteEn: text('note_en'),
  updatedBy: text('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
