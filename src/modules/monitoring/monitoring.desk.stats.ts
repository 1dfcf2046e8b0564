import { and, count, desc, eq, gte, lt, notInArray, sql } from 'drizzle-orm';
import type { AppDb } from '../../kernel/db/client.ts';
import { ruleCategory, type ThreatCategory, type threatCategories } from './monitoring.explain.ts';
import { alert, incident, monitoringEvent, sensor } from './monitoring.tables.ts';

/** Japan has no daylight saving time: a day there always starts at 15:00 UTC. */
const JST_MS = 9 * 3_600_000;
const DAY_MS = 86_400_000;

function jstMidnight(at: Date): Date {
  const local = at.getTime() + JST_MS;
  return new Date(local - (local % DAY_MS) - JST_MS);
}

/** This week (from Monday) and this month, as an SME in Japan counts them. */
export function periods(now: Date) {
  const today = jstMidnight(now);
  const weekday = new Date(today.getTime() + JST_MS).getUTCDay(); // 0 = Sunday
  const week = new Date(today.getTime() - ((weekday + 6) % 7) * DAY_MS);
  const local = new Date(now.getTime() + JST_MS);
  const month = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), 1) - JST_MS);
  return { week: { from: week, to: now }, month: { from: month, to: now } };
}

/**
 * An event the sensor says it stopped: an action like block/quarantine/deny, or a failed
 * delivery of malware or mail. Everything the sensors stopped on their own counts as "blocked".
 */
const blockedEvent = sql`(
  coalesce(${monitoringEvent.fields}->>'event.action', '') ~* '(block|quarantin|deny|denied|drop|reject|prevent|隔離|削除|駆除|ブロック|遮断)'
  or (${monitoringEvent.fields}->>'event.outcome' = 'failure'
      and ${monitoringEvent.fields}->>'event.category' in ('malware', 'email'))
)`;
const eventCategory = sql<ThreatCategory>`case
  when ${monitoringEvent.fields}->>'event.category' = 'email' then 'mail'
  when ${monitoringEvent.fields}->>'event.category' in ('malware', 'file', 'process') then 'malware'
  else 'access' end`;

type Counts = Record<(typeof threatCategories)[number], number>;
const zero = (): Counts => ({ mail: 0, malware: 0, access: 0 });

export interface PeriodFigures {
  blocked: Counts;
  detected: Counts;
  bySensor: Array<{ sensorId: string; name: string; blocked: number; detected: number }>;
}

export async function periodFigures(db: AppDb, orgId: string, from: Date, to: Date): Promise<PeriodFigures> {
  const [blockedRows, detectedRows, sensors] = await Promise.all([
    db
      .select({ category: eventCategory, sensorId: monitoringEvent.sensorId, n: count() })
      .from(monitoringEvent)
      .where(
        and(
          eq(monitoringEvent.orgId, orgId),
          gte(monitoringEvent.ts, from),
          lt(monitoringEvent.ts, to),
          blockedEvent,
        ),
      )
      .groupBy(sql`1`, monitoringEvent.sensorId),
    db
      .select({ ruleId: alert.ruleId, sensorId: alert.sensorId, n: count() })
      .from(alert)
      .where(and(eq(alert.orgId, orgId), gte(alert.firstSeenAt, from), lt(alert.firstSeenAt, to)))
      .groupBy(alert.ruleId, alert.sensorId),
    db.select({ id: sensor.id, name: sensor.name }).from(sensor).where(eq(sensor.orgId, orgId)),
  ]);
  const blocked = zero();
  const detected = zero();
  const perSensor = new Map(
    sensors.map((s) => [s.id, { sensorId: s.id, name: s.name, blocked: 0, detected: 0 }]),
  );
  for (const r of blockedRows) {
    blocked[r.category as keyof Counts] += r.n;
    const s = perSensor.get(r.sensorId);
    if (s) s.blocked += r.n;
  }
  for (const r of detectedRows) {
    const cat = ruleCategory(r.ruleId);
    if (cat === 'health') continue;
    detected[cat] += r.n;
    const s = r.sensorId ? perSensor.get(r.sensorId) : undefined;
    if (s) s.detected += r.n;
  }
  return { blocked, detected, bySensor: [...perSensor.values()] };
}

/** Blocked events and new alerts per Japanese calendar day, oldest first, days without any included. */
export async function timeline(db: AppDb, orgId: string, now: Date, days = 30) {
  const from = new Date(jstMidnight(now).getTime() - (days - 1) * DAY_MS);
  const jstDay = (col: unknown) => sql<string>`to_char(${col} at time zone 'Asia/Tokyo', 'YYYY-MM-DD')`;
  const [blocked, detected] = await Promise.all([
    db
      .select({ day: jstDay(monitoringEvent.ts), n: count() })
      .from(monitoringEvent)
      .where(and(eq(monitoringEvent.orgId, orgId), gte(monitoringEvent.ts, from), blockedEvent))
      .groupBy(sql`1`),
    db
      .select({ day: jstDay(alert.firstSeenAt), n: count() })
      .from(alert)
      .where(
        and(eq(alert.orgId, orgId), gte(alert.firstSeenAt, from), sql`${alert.ruleId} <> 'sensor-silent'`),
      )
      .groupBy(sql`1`),
  ]);
  const b = new Map(blocked.map((r) => [r.day, r.n]));
  const d = new Map(detected.map((r) => [r.day, r.n]));
  return Array.from({ length: days }, (_, i) => {
    const day = new Date(from.getTime() + i * DAY_MS + JST_MS).toISOString().slice(0, 10);
    return { day, blocked: b.get(day) ?? 0, detected: d.get(day) ?? 0 };
  });
}

/** Open incidents of an SME, the most serious first. */
export async function openIncidents(db: AppDb, orgId: string, limit: number) {
  const cond = and(eq(incident.orgId, orgId), notInArray(incident.status, ['resolved', 'closed']));
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(incident)
      .where(cond)
      .orderBy(desc(incident.severity), desc(incident.lastSeenAt))
      .limit(limit),
    db.select({ n: count() }).from(incident).where(cond),
  ]);
  return { items, total: total?.n ?? 0 };
}
