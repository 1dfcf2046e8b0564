import { and, count, desc, eq, gte, inArray, isNull, lte, notInArray, sql } from 'drizzle-orm';
import type { AppDb } from '../../kernel/db/client.ts';
import {
  aggregationWindow,
  alert,
  incident,
  monitoringEvent,
  parseFailure,
  ruleOverride,
  sensor,
  sensorHour,
} from './monitoring.tables.ts';

export type SensorRow = typeof sensor.$inferSelect;
export type EventRow = typeof monitoringEvent.$inferSelect;
export type AlertRow = typeof alert.$inferSelect;

export async function insertSensor(db: AppDb, row: typeof sensor.$inferInsert) {
  const [s] = await db.insert(sensor).values(row).returning();
  return s as SensorRow;
}

export function listSensors(db: AppDb, orgId: string) {
  return db.select().from(sensor).where(eq(sensor.orgId, orgId)).orderBy(sensor.createdAt);
}

export async function findSensorByToken(db: AppDb, tokenHash: string) {
  const [s] = await db
    .select()
    .from(sensor)
    .where(and(eq(sensor.tokenHash, tokenHash), isNull(sensor.revokedAt)));
  return s;
}

/** Syslog senders are matched by their address first, then by the hostname in the header. */
export async function findSensorBySource(db: AppDb, address: string, hostname: string | undefined) {
  const byAddr = await db
    .select()
    .from(sensor)
    .where(and(eq(sensor.sourceAddress, address), isNull(sensor.revokedAt)))
    .limit(1);
  if (byAddr[0]) return byAddr[0];
  if (!hostname) return undefined;
  const byHost = await db
    .select()
    .from(sensor)
    .where(and(eq(sensor.hostname, hostname), isNull(sensor.revokedAt)))
    .limit(1);
  return byHost[0];
}

export async function revokeSensor(db: AppDb, orgId: string, id: string) {
  const rows = await db
    .update(sensor)
    .set({ revokedAt: new Date() })
    .where(and(eq(sensor.orgId, orgId), eq(sensor.id, id)))
    .returning();
  return rows[0];
}

export const HOUR_MS = 3_600_000;

/** What one commit brought from one sensor: events newly stored, lines refused, the latest receive time. */
export interface SensorBatchRecord {
  sensorId: string;
  orgId: string;
  events: number;
  failures: Array<{ reason: string; sample: string }>;
  at: Date;
}

/**
 * Parse failures counted per sensor and reason with a sample, the sensor's hourly counts
 * (its rate) and its last-seen time.
 */
export async function recordSensorBatch(tx: AppDb, r: SensorBatchRecord): Promise<void> {
  const byReason = new Map<string, { n: number; sample: string }>();
  for (const f of r.failures) {
    const e = byReason.get(f.reason) ?? { n: 0, sample: f.sample };
    e.n++;
    e.sample = f.sample;
    byReason.set(f.reason, e);
  }
  for (const [reason, f] of byReason) {
    await tx
      .insert(parseFailure)
      .values({
        sensorId: r.sensorId,
        reason,
        orgId: r.orgId,
        count: f.n,
        sample: f.sample.slice(0, 500),
        lastAt: r.at,
      })
      .onConflictDoUpdate({
        target: [parseFailure.sensorId, parseFailure.reason],
        set: { count: sql`${parseFailure.count} + ${f.n}`, sample: f.sample.slice(0, 500), lastAt: r.at },
      });
  }
  if (r.events > 0 || r.failures.length > 0) {
    const hour = new Date(Math.floor(r.at.getTime() / HOUR_MS) * HOUR_MS);
    await tx
      .insert(sensorHour)
      .values({ sensorId: r.sensorId, hour, orgId: r.orgId, events: r.events, failures: r.failures.length })
      .onConflictDoUpdate({
        target: [sensorHour.sensorId, sensorHour.hour],
        set: {
          events: sql`${sensorHour.events} + ${r.events}`,
          failures: sql`${sensorHour.failures} + ${r.failures.length}`,
        },
      });
  }
  await tx
    .update(sensor)
    .set({ lastSeenAt: sql`greatest(${sensor.lastSeenAt}, ${r.at})` })
    .where(eq(sensor.id, r.sensorId));
}

/** Sensors' hourly counts since `from` (whole hours) and their parse failures by reason. */
export async function sensorHealth(db: AppDb, sensorIds: string[], from: Date) {
  if (!sensorIds.length) return { hours: [], failures: [] };
  const since = new Date(Math.floor(from.getTime() / HOUR_MS) * HOUR_MS);
  const [hours, failures] = await Promise.all([
    db
      .select()
      .from(sensorHour)
      .where(and(inArray(sensorHour.sensorId, sensorIds), gte(sensorHour.hour, since)))
      .orderBy(sensorHour.hour),
    db
      .select()
      .from(parseFailure)
      .where(inArray(parseFailure.sensorId, sensorIds))
      .orderBy(desc(parseFailure.lastAt)),
  ]);
  return { hours, failures };
}

export async function overrides(db: AppDb, orgIds: string[]) {
  if (!orgIds.length) return [];
  return db.select().from(ruleOverride).where(inArray(ruleOverride.orgId, orgIds));
}

export async function addOverride(db: AppDb, orgId: string, ruleId: string, host: string) {
  await db.insert(ruleOverride).values({ orgId, ruleId, host }).onConflictDoNothing();
}

/** Merges a hit into the open alert of its key within the suppression window, or opens one. */
export async function upsertAlert(
  tx: AppDb,
  hit: {
    orgId: string;
    ruleId: string;
    key: string;
    group: Record<string, string>;
    severity: number;
    at: Date;
    suppressMs: number;
    sensorId: string;
    entity: string;
  },
  newId: () => string,
): Promise<{ alert: AlertRow; created: boolean }> {
  const since = new Date(hit.at.getTime() - hit.suppressMs);
  const [open] = await tx
    .select()
    .from(alert)
    .where(and(eq(alert.orgId, hit.orgId), eq(alert.dedupKey, hit.key), gte(alert.lastSeenAt, since)))
    .orderBy(desc(alert.lastSeenAt))
    .limit(1);
  if (open) {
    const [a] = await tx
      .update(alert)
      .set({ count: sql`${alert.count} + 1`, lastSeenAt: sql`greatest(${alert.lastSeenAt}, ${hit.at})` })
      .where(eq(alert.id, open.id))
      .returning();
    return { alert: a as AlertRow, created: false };
  }
  const incidentId = await attachIncident(tx, hit.orgId, hit.entity, hit.severity, hit.at, newId);
  const [a] = await tx
    .insert(alert)
    .values({
      id: newId(),
      orgId: hit.orgId,
      ruleId: hit.ruleId,
      dedupKey: hit.key,
      groupValues: hit.group,
      severity: hit.severity,
      firstSeenAt: hit.at,
      lastSeenAt: hit.at,
      sensorId: hit.sensorId,
      incidentId,
    })
    .returning();
  return { alert: a as AlertRow, created: true };
}

/** Adds hits counted in memory to an alert (see EventCommitter.mergeHits). */
export async function addAlertHits(tx: AppDb, id: string, n: number, lastSeen: Date): Promise<void> {
  if (n <= 0) return;
  await tx
    .update(alert)
    .set({ count: sql`${alert.count} + ${n}`, lastSeenAt: sql`greatest(${alert.lastSeenAt}, ${lastSeen})` })
    .where(eq(alert.id, id));
}

export const INCIDENT_WINDOW_MS = 24 * 60 * 60 * 1000;

/** Alerts about the same entity of a tenant within a day form one incident. */
async function attachIncident(
  tx: AppDb,
  orgId: string,
  entity: string,
  severity: number,
  at: Date,
  newId: () => string,
) {
  const since = new Date(at.getTime() - INCIDENT_WINDOW_MS);
  const [open] = await tx
    .select()
    .from(incident)
    .where(
      and(
        eq(incident.orgId, orgId),
        eq(incident.entity, entity),
        notInArray(incident.status, ['resolved', 'closed']),
        gte(incident.lastSeenAt, since),
      ),
    )
    .limit(1);
  if (open) {
    await tx
      .update(incident)
      .set({
        alertCount: sql`${incident.alertCount} + 1`,
        lastSeenAt: sql`greatest(${incident.lastSeenAt}, ${at})`,
        severity: sql`greatest(${incident.severity}, ${severity})`,
      })
      .where(eq(incident.id, open.id));
    return open.id;
  }
  const id = newId();
  await tx
    .insert(incident)
    .values({ id, orgId, entity, severity, firstSeenAt: at, lastSeenAt: at, alertCount: 1 });
  return id;
}

export const ALERT_PAGE_SIZE = 50;

export async function listAlerts(
  db: AppDb,
  orgId: string,
  q: { status?: string | undefined; severity?: number | undefined; page: number },
) {
  const where = [eq(alert.orgId, orgId)];
  if (q.status) where.push(eq(alert.status, q.status as AlertRow['status']));
  if (q.severity) where.push(gte(alert.severity, q.severity));
  const cond = and(...where);
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(alert)
      .where(cond)
      .orderBy(desc(alert.lastSeenAt))
      .limit(ALERT_PAGE_SIZE)
      .offset((q.page - 1) * ALERT_PAGE_SIZE),
    db.select({ n: count() }).from(alert).where(cond),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function summary(db: AppDb, orgId: string, from: Date, to: Date) {
  const [byKind, alerts, openAlerts, incidents, openIncidents] = await Promise.all([
    db
      .select({ kind: sensor.kind, n: count() })
      .from(monitoringEvent)
      .innerJoin(sensor, eq(sensor.id, monitoringEvent.sensorId))
      .where(
        and(eq(monitoringEvent.orgId, orgId), gte(monitoringEvent.ts, from), lte(monitoringEvent.ts, to)),
      )
      .groupBy(sensor.kind),
    db
      .select({ n: count() })
      .from(alert)
      .where(and(eq(alert.orgId, orgId), gte(alert.lastSeenAt, from), lte(alert.firstSeenAt, to))),
    db
      .select({ n: count() })
      .from(alert)
      .where(and(eq(alert.orgId, orgId), eq(alert.status, 'open'))),
    db
      .select({ n: count() })
      .from(incident)
      .where(and(eq(incident.orgId, orgId), gte(incident.lastSeenAt, from), lte(incident.firstSeenAt, to))),
    db
      .select({ n: count() })
      .from(incident)
      .where(and(eq(incident.orgId, orgId), notInArray(incident.status, ['resolved', 'closed']))),
  ]);
  return {
    byKind: Object.fromEntries(byKind.map((r) => [r.kind, r.n])),
    alerts: alerts[0]?.n ?? 0,
    openAlerts: openAlerts[0]?.n ?? 0,
    incidents: incidents[0]?.n ?? 0,
    openIncidents: openIncidents[0]?.n ?? 0,
  };
}

/** Sensors whose silence has outlasted their expected interval. */
export function silentSensors(db: AppDb, now: Date) {
  return db
    .select()
    .from(sensor)
    .where(
      and(
        isNull(sensor.revokedAt),
        sql`coalesce(${sensor.lastSeenAt}, ${sensor.createdAt}) < ${now.toISOString()}::timestamptz - make_interval(mins => ${sensor.expectedIntervalMinutes})`,
      ),
    );
}

export async function deleteEventsBefore(db: AppDb, before: Date, batch = 10_000): Promise<number> {
  const r = await db.execute(sql`
    delete from ${monitoringEvent} where id in (
      select id from ${monitoringEvent} where ${monitoringEvent.receivedAt} < ${before} and detected limit ${batch})`);
  return (
    (r as unknown as { rowCount?: number; affectedRows?: number }).rowCount ??
    (r as { affectedRows?: number }).affectedRows ??
    0
  );
}

export async function windowCount(db: AppDb): Promise<number> {
  const [r] = await db.select({ n: count() }).from(aggregationWindow);
  return r?.n ?? 0;
}

/** Windows untouched for a day hold nothing a rule could still count (the longest window is hours). */
export async function deleteStaleWindows(db: AppDb, now: Date): Promise<void> {
  await db
    .delete(aggregationWindow)
    .where(lte(aggregationWindow.updatedAt, new Date(now.getTime() - 86_400_000)));
}

/** Hourly sensor counts go with the events they counted: an hour goes once all of it is past `before`. */
export async function deleteSensorHoursBefore(db: AppDb, before: Date): Promise<void> {
  await db.delete(sensorHour).where(lte(sensorHour.hour, new Date(before.getTime() - HOUR_MS)));
}
