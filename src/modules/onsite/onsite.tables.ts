import {
  bigserial,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { organization } from '../../kernel/auth/auth.tables.ts';

/** Raw bytes: node-postgres hands back a Buffer, PGlite a Uint8Array; both become a Buffer here. */
const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (v) => v,
  fromDriver: (v) => Buffer.from(v),
});

export const dispatchStatuses = [
  'requested',
  'scheduled',
  'on_site',
  'work_done',
  'confirmed',
  'cancelled',
] as const;
export type DispatchStatus = (typeof dispatchStatuses)[number];

/** One cost line in yen (integers only: the insurer pays yen, not fractions). */
export interface CostItem {
  label: string;
  amountYen: number;
}

/** 駆け付け: an engineer sent to the SME's site, from request to the SME's confirmation. */
export const onsiteDispatch = pgTable(
  'onsite_dispatch',
  {
    id: text('id').primaryKey(),
    /** The SME the work is done for (the tenant that owns the record). */
    orgId: text('org_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    /** The お助け隊 provider that does the work; only its staff see the record. */
    providerOrgId: text('provider_org_id').notNull(),
    incidentId: text('incident_id'),
    status: text('status', { enum: dispatchStatuses }).notNull().default('requested'),
    reason: text('reason').notNull(),
    siteAddress: text('site_address'),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    preferredAt: timestamp('preferred_at', { withTimezone: true }),
    requestedBy: text('requested_by').notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    engineerName: text('engineer_name'),
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }),
    arrivedAt: timestamp('arrived_at', { withTimezone: true }),
    workSummary: text('work_summary'),
    workMinutes: integer('work_minutes'),
    costs: jsonb('costs').$type<CostItem[]>().notNull().default([]),
    workDoneAt: timestamp('work_done_at', { withTimezone: true }),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('onsite_dispatch_org_idx').on(t.orgId, t.requestedAt),
    index('onsite_dispatch_provider_idx').on(t.providerOrgId, t.status),
  ],
);

export const dispatchStepKinds = [
  'requested',
  'scheduled',
  'rescheduled',
  'arrived',
  'work_recorded',
  'confirmed',
  'disputed',
  'cancelled',
] as const;
export type DispatchStepKind = (typeof dispatchStepKinds)[number];

/** Each step of a dispatch: who did what, when, with their words. */
export const onsiteDispatchStep = pgTable(
  'onsite_dispatch_step',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    dispatchId: text('dispatch_id')
      .notNull()
      .references(() => onsiteDispatch.id, { onDelete: 'cascade' }),
    orgId: text('org_id').notNull(),
    kind: text('kind', { enum: dispatchStepKinds }).notNull(),
    actorUserId: text('actor_user_id'),
    actorName: text('actor_name'),
    note: text('note'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('onsite_dispatch_step_idx').on(t.orgId, t.dispatchId, t.at)],
);

export const claimStatuses = ['draft', 'submitted', 'approved', 'rejected', 'paid'] as const;
export type ClaimStatus = (typeof claimStatuses)[number];

export interface ClaimItem extends CostItem {
  /** Where the line came from: copied from the dispatch record, or typed in. */
  source: 'dispatch' | 'manual';
}

/** 簡易サイバー保険: the claim record a provider prepares for an SME's incident. */
export const onsiteClaim = pgTable(
  'onsite_claim',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    providerOrgId: text('provider_org_id').notNull(),
    incidentId: text('incident_id').notNull(),
    dispatchId: text('dispatch_id'),
    status: text('status', { enum: claimStatuses }).notNull().default('draft'),
    insurer: text('insurer').notNull(),
    policyNumber: text('policy_number').notNull(),
    lossDate: date('loss_date', { mode: 'string' }).notNull(),
    coveredItems: jsonb('covered_items').$type<ClaimItem[]>().notNull().default([]),
    otherCosts: jsonb('other_costs').$type<CostItem[]>().notNull().default([]),
    notes: text('notes'),
    approvedAmountYen: integer('approved_amount_yen'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('onsite_claim_org_idx').on(t.orgId, t.createdAt),
    index('onsite_claim_provider_idx').on(t.providerOrgId, t.status),
  ],
);

export const onsiteClaimStep = pgTable(
  'onsite_claim_step',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    claimId: text('claim_id')
      .notNull()
      .references(() => onsiteClaim.id, { onDelete: 'cascade' }),
    orgId: text('org_id').notNull(),
    /** created, edited, attached, detached, or the status moved to. */
    kind: text('kind').notNull(),
    actorUserId: text('actor_user_id'),
    actorName: text('actor_name'),
    note: text('note'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('onsite_claim_step_idx').on(t.orgId, t.claimId, t.at)],
);

/** Evidence for the insurer, kept in the database so a backup of it is a backup of everything. */
export const onsiteClaimAttachment = pgTable(
  'onsite_claim_attachment',
  {
    id: text('id').primaryKey(),
    claimId: text('claim_id')
      .notNull()
      .references(() => onsiteClaim.id, { onDelete: 'cascade' }),
    orgId: text('org_id').notNull(),
    /** Display name, cleaned of paths and control characters; never used as a file path. */
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    data: bytea('data').notNull(),
    uploadedBy: text('uploaded_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('onsite_claim_attachment_idx').on(t.orgId, t.claimId)],
);
