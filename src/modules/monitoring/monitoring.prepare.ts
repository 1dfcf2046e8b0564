import { hash } from 'node:crypto';
import type { AppDb } from '../../kernel/db/client.ts';
import type { Detector } from './monitoring.detect.ts';
import { type Fields, type ParseResult, parseLine } from './monitoring.parse.ts';
import type { PreparePool } from './monitoring.prepare.pool.ts';
import type { SensorRow } from './monitoring.repo.ts';
import type { ThreatIndex } from './monitoring.threats.ts';

/** How stale the in-memory threat lists may get in a process that did not import them. */
const THREAT_RELOAD_MS = 60_000;

/** One parsed event: everything the event table holds. */
export interface EventRow {
  orgId: string;
  sensorId: string;
  eventHash: string;
  receivedAt: Date;
  ts: Date;
  format: string;
  source: string;
  raw: string;
  fields: Fields;
}

/**
 * One rule matching one event: the part of detection that needs only the event. Counting
 * windows, tenant overrides, deduplication and alerts are settled when the event commits.
 */
export interface Match {
  eventHash: string;
  orgId: string;
  sensorId: string;
  ruleId: string;
  severity: number;
  suppressMs: number;
  /** Tenant + rule + group-by values: the alert's dedup key. */
  key: string;
  group: Record<string, string>;
  /** Event time, ms. */
  at: number;
  /** What the incident is about: the host, else the source address, else the group. */
  entity: string;
  /** host.name, for a tenant's host exceptions. */
  host: string;
  pending?: { windowKey: string; at: number; count: number; withinMs: number };
}

/**
 * What one request (or syslog flush, or queue message) hands over to be stored: the accepted
 * events already in COPY's text format — compact bytes rather than thousands of objects
 * waiting for their commit — with their hashes and what the rules found in them.
 */
export interface EventBatch {
  sensorId: string;
  orgId: string;
  receivedAt: Date;
  /** One line per accepted event (COPY text format, the columns of EVENT_COLUMNS). */
  copy: Uint8Array;
  /** Each event's hash, in the order of `copy`. */
  hashes: string[];
  matches: Match[];
  failures: Array<{ reason: string; sample: string }>;
}

export interface IngestStats {
  received: number;
  accepted: number;
  rejected: Array<{ line: number; reason: string }>;
}

export type SensorRef = Pick<SensorRow, 'id' | 'orgId' | 'name' | 'kind'>;

export const EVENT_COLUMNS = [
  'org_id',
  'sensor_id',
  'event_hash',
  'received_at',
  'ts',
  'format',
  'source',
  'raw',
  'fields',
  'detected',
];

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
export function parseLines(
  s: SensorRef,
  lines: string[],
  source: string,
  receivedAt = new Date(),
  sourceIp?: string,
): { rows: EventRow[]; failures: EventBatch['failures']; stats: IngestStats } {
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
    // The parser's fields are this event's own: completed in place rather than copied.
    r.event.fields['observer.name'] ??= s.name;
    r.event.fields['observer.type'] = s.kind;
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
  });
  return { rows, failures, stats: { received, accepted: rows.length, rejected } };
}

/** COPY's text format: backslash, tab, newline and carriage return are escaped. */
const copyText = (s: string) =>
  /[\\\t\n\r]/.test(s)
    ? s.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'))
    : s;

/** Appends rows in COPY's text format to one buffer (no joined string in between). */
class CopyWriter {
  private buf = Buffer.allocUnsafeSlow(64 * 1024);
  private at = 0;

  /** `receivedIso`: the batch's receive time, formatted once for all its rows. */
  add(r: EventRow, receivedIso: string): void {
    const ts = r.ts === r.receivedAt ? receivedIso : r.ts.toISOString();
    const line = `${r.orgId}\t${r.sensorId}\t${r.eventHash}\t${receivedIso}\t${ts}\t${r.format}\t${copyText(r.source)}\t${copyText(r.raw)}\t${copyText(JSON.stringify(r.fields))}\tt\n`;
    if (this.buf.length - this.at < line.length * 3) {
      const bigger = Buffer.allocUnsafeSlow(Math.max(this.buf.length * 2, this.at + line.length * 3));
      this.buf.copy(bigger, 0, 0, this.at);
      this.buf = bigger;
    }
    this.at += this.buf.write(line, this.at);
  }

  /** The rows written, in a buffer of their own (so that it can be handed to another thread). */
  done(): Uint8Array {
    return this.buf.subarray(0, this.at);
  }
}

function entityOf(fields: Fields, group: Record<string, string>): string {
  const host = fields['host.name'];
  if (typeof host === 'string' && host) return `host:${host}`;
  const src = fields['source.ip'];
  if (typeof src === 'string' && src) return `ip:${src}`;
  return `group:${Object.values(group).join('/')}`;
}

/**
 * Turns lines into a batch ready to store: parse, mark threat-list indicators, run the rules,
 * encode for COPY. Runs where the lines arrive (the ingest node), so that what waits for the
 * commit is bytes and a few matches.
 */
export class EventPreparer {
  private loading: Promise<void> | null = null;

  constructor(
    readonly detector: Detector,
    readonly threats: ThreatIndex,
    /** Threads to prepare in; without, the calling thread does. */
    private readonly pool?: PreparePool,
  ) {}

  /** Prepares in a pool thread when there is one. `lines` may be a whole body (split on \n). */
  run(
    s: SensorRef,
    lines: string | string[],
    source: string,
    receivedAt = new Date(),
    sourceIp?: string,
  ): Promise<{ batch: EventBatch; stats: IngestStats }> {
    if (this.pool?.size) return this.pool.prepare(s, lines, source, receivedAt, sourceIp);
    return Promise.resolve(
      this.prepare(s, typeof lines === 'string' ? lines.split('\n') : lines, source, receivedAt, sourceIp),
    );
  }

  /** Resolves when the threads (if any) have started. */
  ready(): Promise<void> {
    return this.pool?.ready() ?? Promise.resolve();
  }

  close(): Promise<void> {
    return this.pool?.close() ?? Promise.resolve();
  }

  /** Reloads the threat lists when they are older than a minute (another process imported). */
  async refresh(db: AppDb): Promise<void> {
    if (Date.now() - this.threats.loadedAt <= THREAT_RELOAD_MS) return;
    // Requests arriving while the lists load wait for the same load rather than each starting one.
    this.loading ??= this.threats.load(db).finally(() => {
      this.loading = null;
    });
    await this.loading;
  }

  prepare(
    s: SensorRef,
    lines: string[],
    source: string,
    receivedAt = new Date(),
    sourceIp?: string,
  ): { batch: EventBatch; stats: IngestStats } {
    const { rows, failures, stats } = parseLines(s, lines, source, receivedAt, sourceIp);
    const copy = new CopyWriter();
    const hashes: string[] = [];
    const matches: Match[] = [];
    const seen = new Set<string>();
    const receivedIso = receivedAt.toISOString();
    for (const e of rows) {
      // The same line twice in one batch (with its own time) is one event.
      if (seen.has(e.eventHash)) continue;
      seen.add(e.eventHash);
      this.threats.enrich(e.fields);
      copy.add(e, receivedIso);
      hashes.push(e.eventHash);
      const host = e.fields['host.name'];
      for (const h of this.detector.detect({
        orgId: e.orgId,
        sensorId: e.sensorId,
        at: e.ts,
        fields: e.fields,
      })) {
        matches.push({
          eventHash: e.eventHash,
          orgId: e.orgId,
          sensorId: e.sensorId,
          ruleId: h.rule.id,
          severity: h.rule.severity,
          suppressMs: h.rule.suppressMs,
          key: h.key,
          group: h.group,
          at: e.ts.getTime(),
          entity: entityOf(e.fields, h.group),
          host: host === undefined ? '' : String(host),
          ...(h.pending ? { pending: h.pending } : {}),
        });
      }
    }
    return {
      batch: { sensorId: s.id, orgId: s.orgId, receivedAt, copy: copy.done(), hashes, matches, failures },
      stats,
    };
  }
}
