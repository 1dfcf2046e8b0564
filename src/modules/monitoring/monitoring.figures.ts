import { and, count, desc, eq, gte, isNull, lt, max, or, type SQL, sql } from 'drizzle-orm';
import type { Lang } from '../../kernel/i18n/index.ts';
import type { ModuleContext } from '../../kernel/module.ts';
import { type CompiledRule, loadRules } from './monitoring.rules.ts';
import { alert, type IncidentStatus, incident, monitoringEvent, sensor } from './monitoring.tables.ts';

/**
 * A tenant's figures for one period (a month, or the month so far), for the monthly report.
 * Everything is counted by the database; no event is loaded. Times are ISO strings so the
 * figures can be stored as they were when the report was made.
 */
export interface MonthlyFigures {
  from: string;
  to: string;
  events: {
    total: number;
    /** ECS event.category ("other" when the sensor sent none). */
    byCategory: Array<{ category: string; count: number; blocked: number }>;
    /** The kind of sensor that sent them (utm, edr, ids, other). */
    bySensorKind: Array<{ kind: string; count: number }>;
    /** Per Japanese calendar day (YYYY-MM-DD in JST), for the chart. */
    byDay: Array<{ day: string; total: number; blocked: number }>;
    /** Failed logins (event.category authentication, event.outcome failure). */
    authFailures: number;
    /** Accepted but not yet through detection: the detected figures may still grow. */
    pending: number;
  };
  blocked: { total: number };
  detected: {
    alerts: number;
    /** Hits merged into those alerts (an alert counts every repeat within its window). */
    hits: number;
    byRule: Array<{ ruleId: string; alerts: number; hits: number; severity: number }>;
    bySeverity: Array<{ severity: number; alerts: number }>;
  };
  incidents: {
    opened: number;
    /** Where the incidents opened in the period stand now (resolved, closed, still open…). */
    byStatus: Array<{ status: IncidentStatus; count: number }>;
    items: Array<{
      id: string;
      entity: string;
      severity: number;
      status: IncidentStatus;
      firstSeenAt: string;
      lastSeenAt: string;
      alertCount: number;
      ruleIds: string[];
    }>;
  };
  sensors: Array<{
    id: string;
    name: string;
    kind: string;
    registeredAt: string;
    revokedAt: string | null;
    events: number;
    /** Hours of the period the sensor was meant to report (from registration or its first event). */
    hours: number;
    hoursWithEvents: number;
    /** Share of those hours with at least one event; null when it had no hours in the period. */
    uptime: number | null;
  }>;
}

const HOUR = 3_600_000;

/** What sensors report as stopped: a firewall deny or drop, an IPS block, an antivirus quarantine. */
const blockedWhere = sql`(
  coalesce(${monitoringEvent.fields}->>'event.action', '') ~* '\\m(block(ed)?|deny|denied|drop(ped)?|reject(ed)?|quarantin(e|ed)|prevent(ed)?)\\M'
  or lower(coalesce(${monitoringEvent.fields}->>'event.outcome', '')) in ('blocked', 'denied', 'dropped', 'prevented')
)`;
const categoryExpr = sql<string>`coalesce(nullif(lower(${monitoringEvent.fields}->>'event.category'), ''), 'other')`;
const jstDay = sql<string>`to_char((${monitoringEvent.ts} at time zone 'UTC') + interval '9 hours', 'YYYY-MM-DD')`;
const n = (x: unknown) => Number(x ?? 0);

export async function monthlyFigures(
  ctx: Pick<ModuleContext, 'db'>,
  orgId: string,
  from: Date,
  to: Date,
): Promise<MonthlyFigures> {
  const { db } = ctx;
  const inPeriod: SQL = and(
    eq(monitoringEvent.orgId, orgId),
    gte(monitoringEvent.ts, from),
    lt(monitoringEvent.ts, to),
  ) as SQL;
  const alertsInPeriod = and(eq(alert.orgId, orgId), gte(alert.firstSeenAt, from), lt(alert.firstSeenAt, to));
  const incidentsInPeriod = and(
    eq(incident.orgId, orgId),
    gte(incident.firstSeenAt, from),
    lt(incident.firstSeenAt, to),
  );

  const [totals, byCategory, bySensorKind, byDay, byRule, bySeverity, byStatus, items, sensors] =
    await Promise.all([
      db
        .select({
          total: count(),
          blocked: sql<number>`count(*) filter (where ${blockedWhere})`,
          authFailures: sql<number>`count(*) filter (where lower(${monitoringEvent.fields}->>'event.category') = 'authentication' and lower(${monitoringEvent.fields}->>'event.outcome') = 'failure')`,
          pending: sql<number>`count(*) filter (where not ${monitoringEvent.detected})`,
        })
        .from(monitoringEvent)
        .where(inPeriod),
      db
        .select({
          category: categoryExpr,
          count: count(),
          blocked: sql<number>`count(*) filter (where ${blockedWhere})`,
        })
        .from(monitoringEvent)
        .where(inPeriod)
        .groupBy(categoryExpr)
        .orderBy(desc(count())),
      db
        .select({ kind: sensor.kind, count: count() })
        .from(monitoringEvent)
        .innerJoin(sensor, eq(sensor.id, monitoringEvent.sensorId))
        .where(inPeriod)
        .groupBy(sensor.kind),
      db
        .select({
          day: jstDay,
          total: count(),
          blocked: sql<number>`count(*) filter (where ${blockedWhere})`,
        })
        .from(monitoringEvent)
        .where(inPeriod)
        .groupBy(jstDay)
        .orderBy(jstDay),
      db
        .select({
          ruleId: alert.ruleId,
          alerts: count(),
          hits: sql<number>`coalesce(sum(${alert.count}), 0)`,
          severity: max(alert.severity),
        })
        .from(alert)
        .where(alertsInPeriod)
        .groupBy(alert.ruleId),
      db
        .select({ severity: alert.severity, alerts: count() })
        .from(alert)
        .where(alertsInPeriod)
        .groupBy(alert.severity),
      db
        .select({ status: incident.status, count: count() })
        .from(incident)
        .where(incidentsInPeriod)
        .groupBy(incident.status),
      db
        .select({
          id: incident.id,
          entity: incident.entity,
          severity: incident.severity,
          status: incident.status,
          firstSeenAt: incident.firstSeenAt,
          lastSeenAt: incident.lastSeenAt,
          alertCount: incident.alertCount,
          ruleIds: sql<
            string | null
          >`(select string_agg(distinct ${alert.ruleId}, ',') from ${alert} where ${and(
            eq(alert.orgId, incident.orgId),
            eq(alert.incidentId, incident.id),
          )})`,
        })
        .from(incident)
        .where(incidentsInPeriod)
        .orderBy(desc(incident.severity), incident.firstSeenAt)
        .limit(20),
      sensorFigures(ctx, orgId, from, to),
    ]);

  const t = totals[0];
  const byRuleSorted = byRule
    .map((r) => ({ ruleId: r.ruleId, alerts: n(r.alerts), hits: n(r.hits), severity: n(r.severity) }))
    .sort((a, b) => b.severity - a.severity || b.hits - a.hits || a.ruleId.localeCompare(b.ruleId));
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    events: {
      total: n(t?.total),
      byCategory: byCategory.map((c) => ({ category: c.category, count: n(c.count), blocked: n(c.blocked) })),
      bySensorKind: bySensorKind.map((k) => ({ kind: k.kind, count: n(k.count) })),
      byDay: byDay.map((d) => ({ day: d.day, total: n(d.total), blocked: n(d.blocked) })),
      authFailures: n(t?.authFailures),
      pending: n(t?.pending),
    },
    blocked: { total: n(t?.blocked) },
    detected: {
      alerts: byRuleSorted.reduce((s, r) => s + r.alerts, 0),
      hits: byRuleSorted.reduce((s, r) => s + r.hits, 0),
      byRule: byRuleSorted,
      bySeverity: bySeverity
        .map((s) => ({ severity: n(s.severity), alerts: n(s.alerts) }))
        .sort((a, b) => b.severity - a.severity),
    },
    incidents: {
      opened: byStatus.reduce((s, r) => s + n(r.count), 0),
      byStatus: byStatus.map((s) => ({ status: s.status, count: n(s.count) })),
      items: items.map((i) => ({
        id: i.id,
        entity: i.entity,
        severity: i.severity,
        status: i.status,
        firstSeenAt: i.firstSeenAt.toISOString(),
        lastSeenAt: i.lastSeenAt.toISOString(),
        alertCount: i.alertCount,
        ruleIds: i.ruleIds ? i.ruleIds.split(',').sort() : [],
      })),
    },
    sensors,
  };
}

/**
 * Uptime per sensor: of the hours it was meant to report in the period, how many had at least
 * one event. A sensor counts from its registration, or from its first event in the period when
 * it sent older, buffered records; it stops counting when revoked.
 */
async function sensorFigures(
  ctx: Pick<ModuleContext, 'db'>,
  orgId: string,
  from: Date,
  to: Date,
): Promise<MonthlyFigures['sensors']> {
  const eventOfSensor = and(
    eq(monitoringEvent.orgId, sensor.orgId),
    eq(monitoringEvent.sensorId, sensor.id),
    gte(monitoringEvent.ts, from),
    lt(monitoringEvent.ts, to),
  );
  const rows = await ctx.db
    .select({
      id: sensor.id,
      name: sensor.name,
      kind: sensor.kind,
      createdAt: sensor.createdAt,
      revokedAt: sensor.revokedAt,
      events: sql<number>`(select count(*) from ${monitoringEvent} where ${eventOfSensor})`,
      firstAt: sql<
        string | null
      >`(select min(${monitoringEvent.ts}) from ${monitoringEvent} where ${eventOfSensor})`,
      hoursWithEvents: sql<number>`(select count(distinct date_trunc('hour', ${monitoringEvent.ts} at time zone 'UTC')) from ${monitoringEvent} where ${eventOfSensor})`,
    })
    .from(sensor)
    .where(
      and(
        eq(sensor.orgId, orgId),
        or(
          and(lt(sensor.createdAt, to), or(isNull(sensor.revokedAt), gte(sensor.revokedAt, from))),
          sql`exists (select 1 from ${monitoringEvent} where ${eventOfSensor})`,
        ),
      ),
    )
    .orderBy(sensor.createdAt, sensor.name);
  return rows.map((r) => {
    const firstAt = r.firstAt ? new Date(r.firstAt).getTime() : Number.POSITIVE_INFINITY;
    const start = Math.max(from.getTime(), Math.min(r.createdAt.getTime(), firstAt));
    const end = Math.min(to.getTime(), r.revokedAt?.getTime() ?? Number.POSITIVE_INFINITY);
    const hours = end > start ? Math.ceil((end - Math.floor(start / HOUR) * HOUR) / HOUR) : 0;
    const withEvents = n(r.hoursWithEvents);
    return {
      id: r.id,
      name: r.name,
      kind: r.kind,
      registeredAt: r.createdAt.toISOString(),
      revokedAt: r.revokedAt?.toISOString() ?? null,
      events: n(r.events),
      hours,
      hoursWithEvents: withEvents,
      uptime: hours > 0 ? Math.min(1, withEvents / hours) : null,
    };
  });
}

/**
 * Tenants that had monitoring in the period: a sensor registered before its end and not
 * revoked before its start, or events dated in it (a sensor sending buffered records).
 */
export async function monitoredOrgs(ctx: Pick<ModuleContext, 'db'>, from: Date, to: Date): Promise<string[]> {
  const rows = await ctx.db
    .selectDistinct({ orgId: sensor.orgId })
    .from(sensor)
    .where(
      or(
        and(lt(sensor.createdAt, to), or(isNull(sensor.revokedAt), gte(sensor.revokedAt, from))),
        sql`exists (select 1 from ${monitoringEvent} where ${and(
          eq(monitoringEvent.orgId, sensor.orgId),
          eq(monitoringEvent.sensorId, sensor.id),
          gte(monitoringEvent.ts, from),
          lt(monitoringEvent.ts, to),
        )})`,
      ),
    )
    .orderBy(sensor.orgId);
  return rows.map((r) => r.orgId);
}

let ruleCache: Map<string, CompiledRule> | undefined;

/** A detection rule's title and plain-language explanation, for reports; null for an unknown id. */
export function describeRule(
  ruleId: string,
  lang: Lang,
): { title: string; level: string; what: string; actions: string[] } | null {
  ruleCache ??= new Map(loadRules().map((r) => [r.id, r]));
  const rule = ruleCache.get(ruleId)?.def;
  if (!rule) return null;
  return {
    title: rule.title[lang],
    level: rule.level,
    what: rule.explain.what[lang],
    actions: rule.explain.actions[lang],
  };
}
