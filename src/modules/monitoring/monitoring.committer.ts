import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { type AppDb, copyIn } from '../../kernel/db/client.ts';
import { allowed, type Hit, settle, type TenantOverrides } from './monitoring.detect.ts';
import type { MonitoringMetrics } from './monitoring.metrics.ts';
import { EVENT_COLUMNS, type EventBatch, type Match } from './monitoring.prepare.ts';
import * as repo from './monitoring.repo.ts';

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
 * Group commit with the stateful part of detection in the same transaction: prepared batches
 * from concurrent requests are queued, and one loop writes as many as fit in a group —
 * events (one COPY, idempotent on the event hash), the counting windows, alerts and
 * incidents their matches open, parse failures and sensor health — and commits once. Only
 * the matches of events that were new count, so a re-sent or re-delivered batch adds
 * nothing. A caller's promise resolves after the commit: that is when 202 may be answered or
 * a queue message acked.
 */
export class EventCommitter {
  private queue: Pending[] = [];
  private queuedEvents = 0;
  private active = 0;
  private idle: Array<() => void> = [];
  committed = 0;
  alertsCreated = 0;
  metrics: MonitoringMetrics | undefined;

  constructor(
    private readonly db: AppDb,
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
      this.queuedEvents += batch.hashes.length;
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
        n += p.batch.hashes.length;
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
    const orgIds = [...new Set(batches.map((b) => b.orgId))];
    const events = batches.reduce((n, b) => n + b.hashes.length, 0);
    let created = 0;
    const result = await this.db.transaction(async (txRaw) => {
      const tx = txRaw as unknown as AppDb;
      const { stored, matches } = await insertEvents(tx, batches);
      const overrides = await tenantOverrides(tx, orgIds);
      const hits = matches.filter((m) => allowed(overrides.get(m.orgId), m.ruleId, m.host));
      const standing = await settleWindows(tx, hits);
      created += await this.mergeHits(
        tx,
        standing.map((m) => ({ ...m, at: new Date(m.at) })),
      );
      for (const r of perSensor(batches, stored)) await repo.recordSensorBatch(tx, r);
      return stored;
    });
    this.alertsCreated += created;
    this.committed += events;
    this.metrics?.detected.inc(events);
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

/** One record per sensor of the group, in sensor order (the lock order of sensor rows). */
function perSensor(batches: EventBatch[], stored: number[]): repo.SensorBatchRecord[] {
  const by = new Map<string, repo.SensorBatchRecord>();
  for (const [i, b] of batches.entries()) {
    const r = by.get(b.sensorId);
    if (!r) {
      by.set(b.sensorId, {
        sensorId: b.sensorId,
        orgId: b.orgId,
        events: stored[i] ?? 0,
        failures: [...b.failures],
        at: b.receivedAt,
      });
      continue;
    }
    r.events += stored[i] ?? 0;
    r.failures.push(...b.failures);
    if (b.receivedAt > r.at) r.at = b.receivedAt;
  }
  return [...by.values()].sort((a, b) => (a.sensorId < b.sensorId ? -1 : a.sensorId > b.sensorId ? 1 : 0));
}

/**
 * Stores the group's events; returns per batch how many were new, and the matches of the new
 * ones. The rows go in by COPY — almost always all of them are new — inside a savepoint: if
 * one was stored before (a re-sent batch, a redelivered message), the unique index stops the
 * COPY, the savepoint is rolled back, and the rows go through a staging table that skips
 * what is already there.
 */
async function insertEvents(
  tx: AppDb,
  batches: EventBatch[],
): Promise<{ stored: number[]; matches: Match[] }> {
  const copy = Buffer.concat(batches.map((b) => b.copy));
  const everything = () => ({
    stored: batches.map((b) => b.hashes.length),
    matches: batches.flatMap((b) => b.matches),
  });
  if (!copy.length) return everything();
  try {
    await tx.transaction((sp) => copyIn(sp as unknown as AppDb, 'monitoring_event', EVENT_COLUMNS, copy));
    return everything();
  } catch (err) {
    if (errCode(err) !== UNIQUE_VIOLATION) throw err;
  }
  const fresh = await insertNewEvents(tx, copy);
  // An event in two batches of the group counts for the first.
  const claimed = new Set<string>();
  const matches: Match[] = [];
  const stored = batches.map((b) => {
    const mine = new Set<string>();
    for (const h of b.hashes) {
      if (!fresh.has(h) || claimed.has(h)) continue;
      claimed.add(h);
      mine.add(h);
    }
    for (const m of b.matches) if (mine.has(m.eventHash)) matches.push(m);
    return mine.size;
  });
  return { stored, matches };
}

const UNIQUE_VIOLATION = '23505';

/** The slow way in, for a group holding events stored before: returns the hashes that were new. */
async function insertNewEvents(tx: AppDb, copy: Uint8Array): Promise<Set<string>> {
  await tx.execute(sql`
    create temporary table if not exists monitoring_event_in (
      org_id text, sensor_id text, event_hash text, received_at timestamptz, ts timestamptz,
      format text, source text, raw text, fields jsonb, detected boolean
    ) on commit delete rows`);
  await copyIn(tx, 'monitoring_event_in', EVENT_COLUMNS, copy);
  const cols = sql.raw(EVENT_COLUMNS.join(', '));
  const res = (await tx.execute(sql`
    insert into monitoring_event (${cols}) select ${cols} from monitoring_event_in
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
