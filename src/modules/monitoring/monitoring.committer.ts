import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql } from 'drizzle-orm';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { type AppDb, pgClientOf } from '../../kernel/db/client.ts';
import { type Detector, type Hit, settle, type TenantOverrides } from './monitoring.detect.ts';
import type { MonitoringMetrics } from './monitoring.metrics.ts';
import * as repo from './monitoring.repo.ts';
import { ThreatIndex } from './monitoring.threats.ts';

/** How stale the in-memory threat lists may get in a process that did not import them. */
const THREAT_RELOAD_MS = 60_000;

/** One parsed event, ready to store: everything the event table holds. */
export interface EventRow {
  orgId: string;
  sensorId: string;
  eventHash: string;
  receivedAt: Date;
  ts: Date;
  format: string;
  source: string;
  raw: string;
  fields: Record<string, string | number | boolean>;
}

/** What one request (or syslog flush, or queue message) hands over to be stored. */
export interface EventBatch {
  sensorId: string;
  orgId: string;
  receivedAt: Date;
  rows: EventRow[];
  failures: Array<{ reason: string; sample: string }>;
}

/** The store is full: the sender should come back later (HTTP 429, TCP paused, UDP dropped). */
export class Backpressure extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('monitoring queue is full');
  }
}

interface Pending {
  batch: EventBatch;
  resolve: (stored: number) => void;
  reject: (err: unknown) => void;
}

const RETRYABLE = new Set(['40P01', '40001']);
const errCode = (err: unknown) =>
  (err as { cause?: { code?: string }; code?: string }).cause?.code ?? (err as { code?: string }).code;

/**
 * Group commit with detection in the same transaction: batches from concurrent requests
 * are queued, and one loop writes as many as fit in a group — events (one INSERT … SELECT
 * FROM unnest, idempotent on the event hash), the alerts and incidents their hits open,
 * parse failures and sensor health — and commits once. Only events that were new are run
 * through the rules, so a re-sent or re-delivered batch adds nothing. A caller's promise
 * resolves after the commit: that is when 202 may be answered or a queue message acked.
 */
export class EventCommitter {
  private queue: Pending[] = [];
  private queuedEvents = 0;
  private active = 0;
  private idle: Array<() => void> = [];
  committed = 0;
  alertsCreated = 0;
  readonly threats = new ThreatIndex();
  metrics: MonitoringMetrics | undefined;

  constructor(
    private readonly db: AppDb,
    readonly detector: Detector,
    private readonly opts: { maxQueuedEvents: number; groupEvents: number; parallel: number } = {
      maxQueuedEvents: 100_000,
      groupEvents: 5_000,
      parallel: 1,
    },
  ) {}

  /** Events accepted but not yet committed (the queue depth in /metrics). */
  get depth(): number {
    return this.queuedEvents;
  }

  get full(): boolean {
    return this.queuedEvents >= this.opts.maxQueuedEvents;
  }

  submit(batch: EventBatch): Promise<number> {
    if (this.full) return Promise.reject(new Backpressure(2));
    return new Promise<number>((resolve, reject) => {
      this.queue.push({ batch, resolve, reject });
      this.queuedEvents += batch.rows.length;
      this.pump();
    });
  }

  /** Resolves when everything submitted so far is committed. */
  drain(): Promise<void> {
    if (this.active === 0 && this.queue.length === 0) return Promise.resolve();
    return new Promise((r) => this.idle.push(r));
  }

  /**
   * Starts groups while fewer than `parallel` are committing. With two on PostgreSQL, one group
   * is parsed and detected in JavaScript while the previous one is written; locks are always
   * taken in the same order (events, count windows by key, alert keys, sensors by id), so
   * overlapping groups wait for each other but never deadlock.
   */
  private pump() {
    while (this.active < this.opts.parallel && this.queue.length) {
      const group: Pending[] = [];
      let n = 0;
      while (this.queue.length && (group.length === 0 || n < this.opts.groupEvents)) {
        const p = this.queue.shift() as Pending;
        group.push(p);
        n += p.batch.rows.length;
      }
      this.active++;
      void this.commitWithRetry(group.map((p) => p.batch))
        .then(
          (stored) => {
            for (const [i, p] of group.entries()) p.resolve(stored[i] ?? 0);
          },
          (err) => {
            for (const p of group) p.reject(err);
          },
        )
        .finally(() => {
          this.queuedEvents -= n;
          this.active--;
          this.pump();
          if (this.active === 0 && this.queue.length === 0) for (const r of this.idle.splice(0)) r();
        });
    }
  }

  private async commitWithRetry(batches: EventBatch[]): Promise<number[]> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.commit(batches);
      } catch (err) {
        if (RETRYABLE.has(errCode(err) ?? '') && attempt < 5) continue;
        throw err;
      }
    }
  }

  private async commit(batches: EventBatch[]): Promise<number[]> {
    if (Date.now() - this.threats.loadedAt > THREAT_RELOAD_MS) await this.threats.load(this.db);
    const rows = batches.flatMap((b) => b.rows);
    for (const r of rows) this.threats.enrich(r.fields);
    const orgIds = [...new Set(batches.map((b) => b.orgId))];
    let created = 0;
    const result = await this.db.transaction(async (txRaw) => {
      const tx = txRaw as unknown as AppDb;
      const fresh = new Set(await insertEvents(tx, rows));
      const overrides = await tenantOverrides(tx, orgIds);
      const hits: Array<AlertHit & { pending?: Hit['pending'] }> = [];
      const stored = batches.map((b) => {
        let n = 0;
        for (const e of b.rows) {
          if (!fresh.has(e)) continue;
          n++;
          for (const h of this.detector.detect(
            { orgId: e.orgId, sensorId: e.sensorId, at: e.ts, fields: e.fields },
            overrides.get(e.orgId),
          )) {
            hits.push({
              orgId: e.orgId,
              ruleId: h.rule.id,
              key: h.key,
              group: h.group,
              severity: h.rule.severity,
              at: e.ts,
              suppressMs: h.rule.suppressMs,
              sensorId: e.sensorId,
              entity: entityOf(e.fields, h.group),
              pending: h.pending,
            });
          }
        }
        return n;
      });
      const standing = await settleWindows(tx, hits);
      created += await this.mergeHits(tx, standing);
      for (const b of batches)
        await repo.recordSensorBatch(tx, b.sensorId, b.orgId, b.failures, b.receivedAt);
      return stored;
    });
    this.alertsCreated += created;
    this.committed += rows.length;
    this.metrics?.detected.inc(rows.length);
    return result;
  }

  /**
   * Hits become alerts with the same result as one upsert per hit, in a few statements:
   * per dedup key, the first hit goes through the database (joining the open alert or
   * opening one), and the following hits inside the suppression window are counted in
   * memory and added with one UPDATE. Keys are locked (advisory, in key order) so that
   * concurrent groups and other processes never open a second alert for the same key.
   */
  private async mergeHits(tx: AppDb, hits: AlertHit[]): Promise<number> {
    const byKey = new Map<string, AlertHit[]>();
    for (const h of hits) byKey.set(h.key, [...(byKey.get(h.key) ?? []), h]);
    let created = 0;
    for (const key of [...byKey.keys()].sort()) {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
      let cur: { id: string; lastSeen: number; extra: number } | null = null;
      for (const h of byKey.get(key) as AlertHit[]) {
        const at = h.at.getTime();
        if (cur && at <= cur.lastSeen + h.suppressMs) {
          cur.extra++;
          cur.lastSeen = Math.max(cur.lastSeen, at);
          continue;
        }
        if (cur) await repo.addAlertHits(tx, cur.id, cur.extra, new Date(cur.lastSeen));
        const r = await repo.upsertAlert(tx, h, randomUUID);
        if (r.created) {
          created++;
          this.metrics?.alerts.inc({ rule: h.ruleId });
        }
        cur = { id: r.alert.id, lastSeen: r.alert.lastSeenAt.getTime(), extra: 0 };
      }
      if (cur) await repo.addAlertHits(tx, cur.id, cur.extra, new Date(cur.lastSeen));
    }
    return created;
  }
}

type AlertHit = Parameters<typeof repo.upsertAlert>[1];

function entityOf(fields: Record<string, unknown>, group: Record<string, string>): string {
  const host = fields['host.name'];
  if (typeof host === 'string' && host) return `host:${host}`;
  const src = fields['source.ip'];
  if (typeof src === 'string' && src) return `ip:${src}`;
  return `group:${Object.values(group).join('/')}`;
}

/**
 * Stores the group's events and returns those that were new (the first of each, in order). On
 * PostgreSQL the rows go in by COPY — almost always all of them are new — inside a savepoint:
 * if one was stored before (a re-sent batch, a redelivered message), the unique index stops
 * the COPY, the savepoint is rolled back and the rows go in again skipping duplicates.
 */
async function insertEvents(tx: AppDb, rows: EventRow[]): Promise<EventRow[]> {
  if (!rows.length) return [];
  // The hash covers the sensor, which belongs to one tenant: unique across tenants too.
  const seen = new Set<string>();
  const unique = rows.filter((r) => !seen.has(r.eventHash) && seen.add(r.eventHash));
  const client = pgClientOf(tx);
  if (client) {
    try {
      await tx.transaction(() => copyEvents(client, unique));
      return unique;
    } catch (err) {
      if (errCode(err) !== UNIQUE_VIOLATION) throw err;
    }
  }
  const fresh = await insertNewEvents(tx, unique);
  return unique.filter((r) => fresh.has(r.eventHash));
}

const UNIQUE_VIOLATION = '23505';
const COPY_EVENTS =
  'copy monitoring_event (org_id, sensor_id, event_hash, received_at, ts, format, source, raw, fields, detected) from stdin';

/** COPY's text format: backslash, tab, newline and carriage return are escaped. */
const copyText = (s: string) =>
  /[\\\t\n\r]/.test(s)
    ? s.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'))
    : s;

/** The rows in COPY's text format, encoded straight into one buffer (no joined string). */
export function copyBuffer(rows: EventRow[]): Buffer {
  let buf = Buffer.allocUnsafe(rows.length * 1024);
  let at = 0;
  for (const r of rows) {
    const line = `${r.orgId}\t${r.sensorId}\t${r.eventHash}\t${r.receivedAt.toISOString()}\t${r.ts.toISOString()}\t${r.format}\t${copyText(r.source)}\t${copyText(r.raw)}\t${copyText(JSON.stringify(r.fields))}\tt\n`;
    if (buf.length - at < line.length * 3) {
      const bigger = Buffer.allocUnsafe(Math.max(buf.length * 2, at + line.length * 3));
      buf.copy(bigger, 0, 0, at);
      buf = bigger;
    }
    at += buf.write(line, at);
  }
  return buf.subarray(0, at);
}

async function copyEvents(client: pg.ClientBase, rows: EventRow[]): Promise<void> {
  await pipeline(Readable.from([copyBuffer(rows)]), client.query(copyFrom(COPY_EVENTS)));
}

/**
 * All rows in one statement: the batch travels as one JSON parameter and is expanded by
 * json_to_recordset, keeping ON CONFLICT (which COPY lacks) to skip what is already stored.
 * Returns the hashes of the rows that were new.
 */
async function insertNewEvents(tx: AppDb, rows: EventRow[]): Promise<Set<string>> {
  const res = (await tx.execute(sql`
    insert into monitoring_event (org_id, sensor_id, event_hash, received_at, ts, format, source, raw, fields, detected)
    select "orgId", "sensorId", "eventHash", "receivedAt", ts, format, source, raw, fields, true
    from json_to_recordset(${JSON.stringify(rows)}::json) as x(
      "orgId" text, "sensorId" text, "eventHash" text, "receivedAt" timestamptz, ts timestamptz,
      format text, source text, raw text, fields jsonb
    )
    on conflict do nothing
    returning event_hash`)) as unknown as { rows: Array<{ event_hash: string }> };
  return new Set(res.rows.map((r) => r.event_hash));
}

/**
 * Counting hits stand only when their window reaches the count. The windows touched by this
 * group are locked (in key order), advanced event by event in arrival order and written back,
 * in the same transaction as the events: exact across workers and restarts.
 */
async function settleWindows<H extends { pending?: Hit['pending'] }>(tx: AppDb, hits: H[]): Promise<H[]> {
  const keys = [...new Set(hits.flatMap((h) => (h.pending ? [h.pending.windowKey] : [])))].sort();
  if (!keys.length) return hits;
  const keysJson = JSON.stringify(keys);
  await tx.execute(sql`
    insert into monitoring_window (key, stamps)
    select k, '[]'::jsonb from json_array_elements_text(${keysJson}::json) as k
    on conflict do nothing`);
  const rows = (await tx.execute(sql`
    select key, stamps from monitoring_window
    where key in (select json_array_elements_text(${keysJson}::json))
    order by key for update`)) as unknown as { rows: Array<{ key: string; stamps: number[] }> };
  const windows = new Map(rows.rows.map((r) => [r.key, r.stamps]));
  const standing = settle(hits, windows);
  await tx.execute(sql`
    update monitoring_window set stamps = x.stamps, updated_at = now()
    from json_to_recordset(${JSON.stringify([...windows].map(([key, stamps]) => ({ key, stamps })))}::json)
      as x(key text, stamps jsonb)
    where monitoring_window.key = x.key`);
  return standing;
}

async function tenantOverrides(tx: AppDb, orgIds: string[]): Promise<Map<string, TenantOverrides>> {
  const byOrg = new Map<string, TenantOverrides>();
  for (const o of await repo.overrides(tx, orgIds)) {
    const t = byOrg.get(o.orgId) ?? { disabled: new Set<string>(), hostExceptions: new Map() };
    if (o.host === '') t.disabled.add(o.ruleId);
    else t.hostExceptions.set(o.ruleId, (t.hostExceptions.get(o.ruleId) ?? new Set()).add(o.host));
    byOrg.set(o.orgId, t);
  }
  return byOrg;
}
