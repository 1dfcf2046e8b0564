import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { organization } from '../../kernel/auth/auth.tables.ts';

export const sensor = pgTable(
  'monitoring_sensor',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['utm', 'edr', 'ids', 'other'] }).notNull(),
    vendor: text('vendor'),
    sourceAddress: text('source_address'),
    hostname: text('hostname'),
    /** sha256 of the ingestion token; the token itself is shown once and never stored. */
    tokenHash: text('token_hash').notNull().unique(),
    tokenPrefix: text('token_prefix').notNull(),
    expectedIntervalMinutes: integer('expected_interval_minutes').notNull().default(60),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sensor_org_idx').on(t.orgId), index('sensor_source_idx').on(t.sourceAddress)],
);

/**
 * Every accepted event: the raw line, when and from where it came, and its ECS fields.
 * Partitioned by the day of `ts` (migration 0021; monitoring.partitions.ts keeps the days
 * ahead and drops the expired ones), so retention drops a table and the indexes a commit
 * touches stay the size of a day. Keys carry `ts` because a partitioned table's must; the
 * event hash already implies it (the same line from the same sensor has the same time).
 */
export const monitoringEvent = pgTable(
  'monitoring_event',
  {
    id: bigserial('id', { mode: 'number' }).notNull(),
    orgId: text('org_id').notNull(),
    sensorId: text('sensor_id').notNull(),
    /** Idempotency: the same line from the same sensor is stored once. */
    eventHash: text('event_hash').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    ts: timestamp('ts', { withTimezone: true }).notNull(),
    format: text('format').notNull(),
    source: text('source'),
    raw: text('raw').notNull(),
    fields: jsonb('fields').$type<Record<string, string | number | boolean>>().notNull(),
    detected: boolean('detected').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.id, t.ts] }),
    uniqueIndex('event_org_hash_idx').on(t.orgId, t.eventHash, t.ts),
    index('event_org_ts_idx').on(t.orgId, t.ts),
    index('event_pending_idx').on(t.id).where(sql`${t.detected} = false`),
    index('event_received_idx').on(t.receivedAt),
  ],
);

export const parseFailure = pgTable(
  'monitoring_parse_failure',
  {
    sensorId: text('sensor_id').notNull(),
    reason: text('reason').notNull(),
    orgId: text('org_id').notNull(),
    count: integer('count').notNull().default(0),
    sample: text('sample'),
    lastAt: timestamp('last_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.sensorId, t.reason] })],
);

/**
 * Events stored and lines refused per sensor and hour: the sensor's rate for its health,
 * counted in the commit that stores the events (a re-sent line is not counted twice).
 */
export const sensorHour = pgTable(
  'monitoring_sensor_hour',
  {
    sensorId: text('sensor_id').notNull(),
    hour: timestamp('hour', { withTimezone: true }).notNull(),
    orgId: text('org_id').notNull(),
    events: integer('events').notNull().default(0),
    failures: integer('failures').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.sensorId, t.hour] })],
);

/** An incident's way from detection to closure (the お助け隊 workflow). */
export const incidentStatuses = [
  'new',
  'triaged',
  'contacted',
  'remote_support',
  'onsite',
  'resolved',
  'closed',
] as const;
export type IncidentStatus = (typeof incidentStatuses)[number];

export const incident = pgTable(
  'monitoring_incident',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id').notNull(),
    entity: text('entity').notNull(),
    status: text('status', { enum: incidentStatuses }).notNull().default('new'),
    severity: integer('severity').notNull(),
    firstSeenAt: timestamp('first_seen_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    alertCount: integer('alert_count').notNull().default(0),
    /** The provider's analyst handling it, and their verdict (the service desk). */
    assigneeUserId: text('assignee_user_id'),
    verdict: text('verdict', { enum: ['true_positive', 'false_positive', 'benign'] }),
    verdictReason: text('verdict_reason'),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
  },
  (t) => [index('incident_org_entity_idx').on(t.orgId, t.entity, t.status)],
);

export const alert = pgTable(
  'monitoring_alert',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id').notNull(),
    ruleId: text('rule_id').notNull(),
    dedupKey: text('dedup_key').notNull(),
    groupValues: jsonb('group_values').$type<Record<string, string>>().notNull(),
    severity: integer('severity').notNull(),
    /** Hits merged into this alert, the first included. */
    count: integer('count').notNull().default(1),
    firstSeenAt: timestamp('first_seen_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    status: text('status', { enum: ['open', 'acknowledged', 'closed'] })
      .notNull()
      .default('open'),
    sensorId: text('sensor_id'),
    incidentId: text('incident_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('alert_org_key_idx').on(t.orgId, t.dedupKey, t.lastSeenAt),
    index('alert_org_status_idx').on(t.orgId, t.status),
  ],
);

/** Per-tenant rule overrides: switch a rule off, or ignore it for one host. */
export const ruleOverride = pgTable(
  'monitoring_rule_override',
  {
    orgId: text('org_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    ruleId: text('rule_id').notNull(),
    host: text('host').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.ruleId, t.host] })],
);

/** Each step of an incident's workflow: who moved it, from where to where, when, and why. */
export const incidentStep = pgTable(
  'monitoring_incident_step',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    incidentId: text('incident_id')
      .notNull()
      .references(() => incident.id, { onDelete: 'cascade' }),
    orgId: text('org_id').notNull(),
    fromStatus: text('from_status', { enum: incidentStatuses }),
    toStatus: text('to_status', { enum: incidentStatuses }).notNull(),
    actorUserId: text('actor_user_id'),
    note: text('note'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('incident_step_incident_idx').on(t.incidentId, t.at)],
);

/**
 * Sliding count windows of counting rules (e.g. 10 failed logins within 5 minutes), per
 * tenant + rule + by-values, kept with the events so that every worker counts in the same
 * window and a restart does not forget what was counted.
 */
export const aggregationWindow = pgTable('monitoring_window', {
  key: text('key').primaryKey(),
  stamps: jsonb('stamps').$type<number[]>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Known-bad indicators imported by the operator from CSV, by list; events touching one are flagged. */
export const threatIndicator = pgTable(
  'monitoring_threat_indicator',
  {
    list: text('list').notNull(),
    type: text('type', { enum: ['ip', 'domain', 'hash'] }).notNull(),
    value: text('value').notNull(),
    description: text('description'),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.list, t.type, t.value] })],
);
