import { createHash, hash, randomBytes, randomUUID } from 'node:crypto';
import type { AppDb } from '../../kernel/db/client.ts';
import type { ModuleContext } from '../../kernel/module.ts';
import type { EventBatch, EventRow } from './monitoring.committer.ts';
import { type ParseResult, parseLine } from './monitoring.parse.ts';
import * as repo from './monitoring.repo.ts';
import { loadRules } from './monitoring.rules.ts';

/** The built-in pack, plus an installation's own rules from MONITORING_RULES_DIR (same format). */
export const rules = withSiteRules(loadRules(), process.env.MONITORING_RULES_DIR);

function withSiteRules(builtIn: ReturnType<typeof loadRules>, dir: string | undefined) {
  if (!dir) return builtIn;
  const ids = new Set(builtIn.map((r) => r.id));
  const site = loadRules(dir);
  const clash = site.find((r) => ids.has(r.id));
  if (clash) throw new Error(`${dir}: rule id ${clash.id} is already a built-in rule`);
  return [...builtIn, ...site];
}
export const rulesById = new Map(rules.map((r) => [r.id, r]));

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
export function newToken() {
  const token = `mms_${randomBytes(24).toString('base64url')}`;
  return { token, hash: hashToken(token), prefix: token.slice(0, 8) };
}

export interface IngestStats {
  received: number;
  accepted: number;
  rejected: Array<{ line: number; reason: string }>;
}

/** Where parsed batches go: straight to the committer, or to JetStream for the workers. */
export interface EventSink {
  /** Resolves once the batch is durable (committed, or persisted by the stream). */
  submit(batch: EventBatch): Promise<unknown>;
  readonly full: boolean;
}

/**
 * The identity of an event for idempotency: the sensor and the line, plus — for a line that
 * carries no time of its own (Yamaha RTX, bare syslog) — when and where in the batch it came,
 * since the same words may honestly be logged twice.
 */
function eventHash(sensorId: string, line: string, ownTime: boolean, receivedAt: Date, index: number) {
  const key = ownTime ? `${sensorId}\n${line}` : `${sensorId}\n${line}\n${receivedAt.toISOString()}#${index}`;
  return hash('sha256', key, 'hex');
}

/** Parses every line; good ones become rows, bad ones are reported by line number and counted. */
export function parseBatch(
  s: Pick<repo.SensorRow, 'id' | 'orgId' | 'name' | 'kind'>,
  lines: string[],
  source: string,
  receivedAt = new Date(),
  sourceIp?: string,
): { batch: EventBatch; stats: IngestStats } {
  const rows: EventRow[] = [];
  const failures: EventBatch['failures'] = [];
  const rejected: IngestStats['rejected'] = [];
  let received = 0;
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    received++;
    let r: ParseResult;
    try {
      r = parseLine(line, { receivedAt, sourceIp });
    } catch {
      r = { ok: false, reason: 'parser_error' };
    }
    if (!r.ok) {
      rejected.push({ line: i + 1, reason: r.reason });
      failures.push({ reason: r.reason, sample: line.slice(0, 500) });
      return;
    }
    rows.push({
      orgId: s.orgId,
      sensorId: s.id,
      eventHash: eventHash(s.id, line, r.event.timestamp !== receivedAt, receivedAt, i),
      receivedAt,
      ts: r.event.timestamp,
      format: r.event.format,
      source,
      raw: line,
      fields: r.event.fields,
    });
    // The parser's fields are this event's own: completed in place rather than copied.
    r.event.fields['observer.name'] ??= s.name;
    r.event.fields['observer.type'] = s.kind;
  });
  return {
    batch: { sensorId: s.id, orgId: s.orgId, receivedAt, rows, failures },
    stats: { received, accepted: rows.length, rejected },
  };
}

/** Parses and hands the batch to the sink; resolves when the accepted events are durable. */
export async function ingest(
  sink: EventSink,
  s: Pick<repo.SensorRow, 'id' | 'orgId' | 'name' | 'kind'>,
  lines: string[],
  source: string,
  receivedAt = new Date(),
  sourceIp?: string,
): Promise<IngestStats> {
  const { batch, stats } = parseBatch(s, lines, source, receivedAt, sourceIp);
  if (stats.received > 0) await sink.submit(batch);
  return stats;
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
