import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { AppDb } from '../../kernel/db/client.ts';
import type { ModuleContext } from '../../kernel/module.ts';
import { Detector, type TenantOverrides } from './monitoring.detect.ts';
import type { MonitoringMetrics } from './monitoring.metrics.ts';
import { type ParseResult, parseLine } from './monitoring.parse.ts';
import * as repo from './monitoring.repo.ts';
import { loadRules } from './monitoring.rules.ts';

export const rules = loadRules();
export const rulesById = new Map(rules.map((r) => [r.id, r]));

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
export function newToken() {
  const token = `mms_${randomBytes(24).toString('base64url')}`;
  return { token, hash: hashToken(token), prefix: token.slice(0, 8) };
}

/** When this many accepted events still wait for detection, senders are asked to slow down. */
export const BACKLOG_LIMIT = 200_000;

export interface IngestStats {
  received: number;
  accepted: number;
  stored: number;
  rejected: Array<{ line: number; reason: string }>;
}

/** Parses, then appends every good line durably in one transaction; bad lines are counted and reported. */
export async function ingest(
  db: AppDb,
  s: repo.SensorRow,
  lines: string[],
  source: string,
  receivedAt = new Date(),
  sourceIp?: string,
): Promise<IngestStats> {
  const rows: Parameters<typeof repo.appendEvents>[2] = [];
  const failures: Array<{ reason: string; sample: string }> = [];
  const rejected: IngestStats['rejected'] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    let r: ParseResult;
    try {
      r = parseLine(line, { receivedAt, sourceIp });
    } catch {
      r = { ok: false, reason: 'parser_error' };
    }
    if (!r.ok) {
      rejected.push({ line: i + 1, reason: r.reason });
      failures.push({ reason: r.reason, sample: line });
      return;
    }
    rows.push({
      orgId: s.orgId,
      sensorId: s.id,
      eventHash: createHash('sha256').update(s.id).update('\n').update(line).digest('hex'),
      receivedAt,
      ts: r.event.timestamp,
      format: r.event.format,
      source,
      raw: line,
      fields: {
        ...r.event.fields,
        'observer.name': r.event.fields['observer.name'] ?? s.name,
        'observer.type': s.kind,
      },
    });
  });
  const stored =
    rows.length || failures.length ? await repo.appendEvents(db, s, rows, failures, receivedAt) : 0;
  return { received: lines.filter((l) => l.trim() !== '').length, accepted: rows.length, stored, rejected };
}

function entityOf(fields: Record<string, unknown>, group: Record<string, string>): string {
  const host = fields['host.name'];
  if (typeof host === 'string' && host) return `host:${host}`;
  const src = fields['source.ip'];
  if (typeof src === 'string' && src) return `ip:${src}`;
  return `group:${Object.values(group).join('/')}`;
}

/**
 * Detection as a worker over the durable event table: take a batch of undetected
 * events, run the rules, merge hits into alerts and incidents, mark the batch done,
 * all in one transaction. A crash leaves the batch undetected, to be taken again.
 */
export class DetectionWorker {
  readonly detector = new Detector(rules);
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private stopped = true;
  processed = 0;
  alertsCreated = 0;
  metrics: MonitoringMetrics | undefined;

  constructor(private readonly db: AppDb) {}

  private chain: Promise<unknown> = Promise.resolve();

  /**
   * One batch at a time in this process. Across processes, batches never overlap
   * (SKIP LOCKED), but two may touch the same alert: a deadlock or serialization
   * failure rolls the batch back and it is simply taken again.
   */
  runOnce(limit = 500): Promise<number> {
    const run = this.chain.then(async () => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await this.runBatch(limit);
        } catch (err) {
          const code =
            (err as { cause?: { code?: string }; code?: string }).cause?.code ??
            (err as { code?: string }).code;
          if ((code === '40P01' || code === '40001') && attempt < 5) continue;
          throw err;
        }
      }
    });
    this.chain = run.catch(() => undefined);
    return run;
  }

  private async runBatch(limit: number): Promise<number> {
    return this.db.transaction(async (txRaw) => {
      const tx = txRaw as unknown as AppDb;
      const batch = await repo.claimPending(tx, limit);
      if (!batch.length) return 0;
      const orgIds = [...new Set(batch.map((e) => e.orgId))];
      const byOrg = new Map<string, TenantOverrides>();
      for (const o of await repo.overrides(tx, orgIds)) {
        const t = byOrg.get(o.orgId) ?? {
          disabled: new Set<string>(),
          hostExceptions: new Map<string, Set<string>>(),
        };
        if (o.host === '') t.disabled.add(o.ruleId);
        else t.hostExceptions.set(o.ruleId, (t.hostExceptions.get(o.ruleId) ?? new Set()).add(o.host));
        byOrg.set(o.orgId, t);
      }
      for (const e of batch) {
        const hits = this.detector.detect(
          { orgId: e.orgId, sensorId: e.sensorId, at: e.ts, fields: e.fields },
          byOrg.get(e.orgId),
        );
        for (const h of hits) {
          const r = await repo.upsertAlert(
            tx,
            {
              orgId: e.orgId,
              ruleId: h.rule.id,
              key: h.key,
              group: h.group,
              severity: h.rule.severity,
              at: e.ts,
              suppressMs: h.rule.suppressMs,
              sensorId: e.sensorId,
              entity: entityOf(e.fields, h.group),
            },
            randomUUID,
          );
          if (r.created) {
            this.alertsCreated++;
            this.metrics?.alerts.inc({ rule: h.rule.id });
          }
        }
      }
      await repo.markDetected(
        tx,
        batch.map((e) => e.id),
      );
      this.processed += batch.length;
      this.metrics?.detected.inc(batch.length);
      return batch.length;
    });
  }

  /** Drains the backlog, then waits to be nudged (or polls every second). */
  start(log?: { error: (o: object, m: string) => void }) {
    this.stopped = false;
    const loop = async () => {
      if (this.stopped || this.running) return;
      this.running = true;
      try {
        while (!this.stopped && (await this.runOnce()) > 0) {
          /* keep draining */
        }
      } catch (err) {
        log?.error({ err }, 'detection batch failed; it will be retried');
      } finally {
        this.running = false;
        if (!this.stopped) this.timer = setTimeout(loop, 1000);
      }
    };
    this.nudge = () => {
      if (this.timer) clearTimeout(this.timer);
      this.timer = setTimeout(loop, 0);
    };
    this.nudge();
  }

  nudge: () => void = () => {};

  async stop() {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    while (this.running) await new Promise((r) => setTimeout(r, 20));
  }

  /** Everything accepted so far is detected (tests and shutdown). */
  async drain() {
    while ((await this.runOnce()) > 0) {
      /* keep going */
    }
  }
}

/** Job: a sensor silent past its expected interval raises the sensor-silent alert. */
export async function checkSilentSensors(ctx: Pick<ModuleContext, 'db'>, now: Date): Promise<number> {
  const rule = rulesById.get('sensor-silent');
  if (!rule) return 0;
  let n = 0;
  for (const s of await repo.silentSensors(ctx.db, now)) {
    const group = Object.fromEntries(rule.def.group_by.map((f) => [f, f === 'observer.name' ? s.name : '']));
    const key = [s.orgId, rule.id, ...rule.def.group_by.map((f) => `${f}=${group[f]}`)].join('|');
    const r = await ctx.db.transaction((tx) =>
      repo.upsertAlert(
        tx as unknown as AppDb,
        {
          orgId: s.orgId,
          ruleId: rule.id,
          key,
          group,
          severity: rule.severity,
          at: now,
          suppressMs: rule.suppressMs,
          sensorId: s.id,
          entity: `sensor:${s.id}`,
        },
        randomUUID,
      ),
    );
    if (r.created) n++;
  }
  return n;
}
