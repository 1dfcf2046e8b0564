import { customType, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { organization, user } from '../../kernel/auth/auth.tables.ts';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

export const consultationStatuses = ['open', 'answered', 'waiting_customer', 'resolved', 'closed'] as const;
export type ConsultationStatus = (typeof consultationStatuses)[number];

/** Stored ISO pairs; `to` null while still waiting for the customer. */
export type StoredPause = { from: string; to: string | null };

/** One consultation of an SME; answered by its provider, or by the operator when it has none. */
export const consultation = pgTable(
  'helpdesk_consultation',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    /** The provider answering; null means the installation's operator. */
    providerOrgId: text('provider_org_id').references(() => organization.id, { onDelete: 'set null' }),
    openedBy: text('opened_by')
      .notNull()
      .references(() => user.id),
    category: text('category').notNull(),
    priority: text('priority', { enum: ['critical', 'high', 'normal', 'low'] }).notNull(),
    subject: text('subject').notNull(),
    description: text('description').notNull(),
    status: text('status', { enum: consultationStatuses }).notNull().default('open'),
    pauses: jsonb('pauses').$type<StoredPause[]>().notNull().default([]),
    /** Deadlines from the SLA clocks, recomputed at each change; null while the clock is paused. */
    firstResponseDueAt: timestamp('first_response_due_at', { withTimezone: true }),
    resolutionDueAt: timestamp('resolution_due_at', { withTimezone: true }),
    firstResponseAt: timestamp('first_response_at', { withTimezone: true }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    lastMessageAt: timestamp('last_message_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('consultation_org_idx').on(t.orgId, t.createdAt),
    index('consultation_provider_idx').on(t.providerOrgId, t.status),
    index('consultation_status_idx').on(t.status),
  ],
);

export const consultationMessage = pgTable(
  'helpdesk_message',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id').notNull(),
    consultationId: text('consultation_id')
      .notNull()
      .references(() => consultation.id, { onDelete: 'cascade' }),
    authorId: text('author_id').references(() => user.id, { onDelete: 'set null' }),
    authorName: text('author_name').notNull(),
    /** `customer`: the SME; `desk`: its provider or the operator. */
    side: text('side', { enum: ['customer', 'desk'] }).notNull(),
    body: text('body').notNull(),
    /** The status this message moved the consultation to, if any. */
    status: text('status', { enum: consultationStatuses }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('message_consultation_idx').on(t.orgId, t.consultationId, t.createdAt)],
);

export const consultationAttachment = pgTable(
  'helpdesk_attachment',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id').notNull(),
    consultationId: text('consultation_id')
      .notNull()
      .references(() => consultation.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    data: bytea('data').notNull(),
    uploadedBy: text('uploaded_by').references(() => user.id, { onDelete: 'set null' }),
    side: text('side', { enum: ['customer', 'desk'] }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('attachment_consultation_idx').on(t.orgId, t.consultationId)],
);

/** One row per consultation, clock and level: an escalation mail goes out once. */
export const consultationEscalation = pgTable(
  'helpdesk_escalation',
  {
    consultationId: text('consultation_id')
      .notNull()
      .references(() => consultation.id, { onDelete: 'cascade' }),
    clock: text('clock', { enum: ['first_response', 'resolution'] }).notNull(),
    level: integer('level').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.consultationId, t.clock, t.level] })],
);

export const advisorySeverities = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type AdvisorySeverity = (typeof advisorySeverities)[number];

/** A security advisory: from the operator to everyone, or from a provider to its customers. */
export const advisory = pgTable(
  'helpdesk_advisory',
  {
    id: text('id').primaryKey(),
    /** The provider that wrote it; null for the operator's (public) advisories. */
    providerOrgId: text('provider_org_id').references(() => organization.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    severity: text('severity', { enum: advisorySeverities }).notNull(),
    affected: text('affected').notNull(),
    /** Markdown; rendered server-side with raw HTML off. */
    actions: text('actions').notNull(),
    createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('advisory_provider_idx').on(t.providerOrgId, t.publishedAt)],
);

/** An SME owner's forward of an advisory to its members. */
export const advisoryForward = pgTable(
  'helpdesk_advisory_forward',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    advisoryId: text('advisory_id')
      .notNull()
      .references(() => advisory.id, { onDelete: 'cascade' }),
    forwardedBy: text('forwarded_by').references(() => user.id, { onDelete: 'set null' }),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('forward_org_idx').on(t.orgId, t.advisoryId)],
);

/** Who received a forward: the primary key makes one mail per member per forward. */
export const advisoryForwardRecipient = pgTable(
  'helpdesk_advisory_forward_recipient',
  {
    forwardId: text('forward_id')
      .notNull()
      .references(() => advisoryForward.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.forwardId, t.userId] })],
);
