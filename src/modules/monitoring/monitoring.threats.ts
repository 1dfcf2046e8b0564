import { isIP } from 'node:net';
import { parse } from 'csv-parse/sync';
import { count, eq, max, sql } from 'drizzle-orm';
import type { AppDb } from '../../kernel/db/client.ts';
import type { Fields } from './monitoring.parse.ts';
import { threatIndicator } from './monitoring.tables.ts';

export type IndicatorType = 'ip' | 'domain' | 'hash';
export interface Indicator {
  type: IndicatorType;
  value: string;
  description: string | null;
}

const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$/;
const HASH = /^(?:[0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{64})$/;
export const MAX_INDICATORS = 200_000;

/**
 * A threat list in CSV: a header with `type,value` (and optionally `description`), one
 * indicator a row; type is ip, domain or hash (MD5, SHA-1 or SHA-256). Every bad row is
 * reported with its line number; the caller stores nothing unless all rows are good.
 */
export function parseThreatCsv(text: string): {
  indicators: Indicator[];
  errors: Array<{ line: number; reason: string }>;
} {
  let records: Array<Record<string, string>>;
  try {
    records = parse(text.replace(/^\uFEFF/, ''), {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
    });
  } catch (err) {
    const line = (err as { lines?: number }).lines ?? 1;
    return { indicators: [], errors: [{ line, reason: 'csv_malformed' }] };
  }
  if (records.length === 0) return { indicators: [], errors: [{ line: 1, reason: 'csv_empty' }] };
  if (!('type' in (records[0] as object)) || !('value' in (records[0] as object)))
    return { indicators: [], errors: [{ line: 1, reason: 'csv_header' }] };
  if (records.length > MAX_INDICATORS)
    return { indicators: [], errors: [{ line: 1, reason: 'csv_too_many' }] };
  const indicators: Indicator[] = [];
  const errors: Array<{ line: number; reason: string }> = [];
  records.forEach((r, i) => {
    const line = i + 2;
    const type = (r.type ?? '').toLowerCase();
    const value = (r.value ?? '').toLowerCase().replace(/\.$/, '');
    const description = r.description?.slice(0, 500) || null;
    if (type === 'ip') {
      if (isIP(value) === 0) errors.push({ line, reason: 'bad_ip' });
      else indicators.push({ type, value, description });
    } else if (type === 'domain') {
      if (!DOMAIN.test(value)) errors.push({ line, reason: 'bad_domain' });
      else indicators.push({ type, value, description });
    } else if (type === 'hash') {
      if (!HASH.test(value)) errors.push({ line, reason: 'bad_hash' });
      else indicators.push({ type, value, description });
    } else errors.push({ line, reason: 'bad_type' });
  });
  return { indicators, errors };
}

/** Replaces a list's indicators in one transaction (an import is all or nothing). */
export async function replaceThreatList(db: AppDb, list: string, indicators: Indicator[]): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.delete(threatIndicator).where(eq(threatIndicator.list, list));
    const unique = new Map(indicators.map((i) => [`${i.type}|${i.value}`, i]));
    const rows = [...unique.values()].map((i) => ({ list, ...i }));
    for (let i = 0; i < rows.length; i += 5000) {
      await tx.execute(sql`
        insert into monitoring_threat_indicator (list, type, value, description)
        select list, type, value, description
        from json_to_recordset(${JSON.stringify(rows.slice(i, i + 5000))}::json)
          as x(list text, type text, value text, description text)`);
    }
    return rows.length;
  });
}

export async function deleteThreatList(db: AppDb, list: string): Promise<number> {
  const r = await db
    .delete(threatIndicator)
    .where(eq(threatIndicator.list, list))
    .returning({ v: threatIndicator.value });
  return r.length;
}

export function listThreatLists(db: AppDb) {
  return db
    .select({
      list: threatIndicator.list,
      indicators: count(),
      ips: sql<number>`count(*) filter (where ${threatIndicator.type} = 'ip')`.mapWith(Number),
      domains: sql<number>`count(*) filter (where ${threatIndicator.type} = 'domain')`.mapWith(Number),
      hashes: sql<number>`count(*) filter (where ${threatIndicator.type} = 'hash')`.mapWith(Number),
      importedAt: max(threatIndicator.importedAt),
    })
    .from(threatIndicator)
    .groupBy(threatIndicator.list)
    .orderBy(threatIndicator.list);
}

const IP_FIELDS = ['destination.ip', 'source.ip'];
const DOMAIN_FIELDS = ['destination.domain', 'url.domain', 'dns.question.name', 'server.domain'];
const HASH_FIELDS = ['file.hash.sha256', 'file.hash.sha1', 'file.hash.md5', 'process.hash.sha256'];

export type ThreatSnapshot = Record<IndicatorType, Array<[string, string]>>;

/**
 * Every indicator in memory (sets: one lookup per field), reloaded where events are prepared at an
 * interval and right after an import in this process.
 */
export class ThreatIndex {
  private byType: Record<IndicatorType, Map<string, string>> = {
    ip: new Map(),
    domain: new Map(),
    hash: new Map(),
  };
  loadedAt = 0;
  /** Goes up with every load: threads preparing events get the lists again when it moves. */
  version = 0;

  get size(): number {
    return this.byType.ip.size + this.byType.domain.size + this.byType.hash.size;
  }

  async load(db: AppDb): Promise<void> {
    const rows = await db
      .select({ list: threatIndicator.list, type: threatIndicator.type, value: threatIndicator.value })
      .from(threatIndicator);
    const next: ThreatIndex['byType'] = { ip: new Map(), domain: new Map(), hash: new Map() };
    for (const r of rows) next[r.type].set(r.value, r.list);
    this.byType = next;
    this.loadedAt = Date.now();
    this.version++;
  }

  /** The lists as plain data, for another thread. */
  snapshot(): ThreatSnapshot {
    return { ip: [...this.byType.ip], domain: [...this.byType.domain], hash: [...this.byType.hash] };
  }

  restore(s: ThreatSnapshot): void {
    this.byType = { ip: new Map(s.ip), domain: new Map(s.domain), hash: new Map(s.hash) };
  }

  private lookupDomain(name: string): { value: string; list: string } | null {
    // "a.b.evil.example" is caught by an indicator for "evil.example".
    let d = name.toLowerCase().replace(/\.$/, '');
    for (;;) {
      const list = this.byType.domain.get(d);
      if (list) return { value: d, list };
      const dot = d.indexOf('.');
      if (dot < 0 || d.indexOf('.', dot + 1) < 0) return null;
      d = d.slice(dot + 1);
    }
  }

  /** Marks the event when one of its addresses, domains or hashes is on a list (ECS threat.* fields). */
  enrich(fields: Fields): void {
    if (this.size === 0) return;
    const mark = (type: IndicatorType, value: string, list: string) => {
      fields['threat.indicator.matched'] = true;
      fields['threat.indicator.type'] = type;
      fields['threat.indicator.value'] = value;
      fields['threat.feed.name'] = list;
    };
    for (const f of IP_FIELDS) {
      const v = fields[f];
      const list = typeof v === 'string' ? this.byType.ip.get(v.toLowerCase()) : undefined;
      if (list) {
        mark('ip', v as string, list);
        return;
      }
    }
    if (this.byType.domain.size)
      for (const f of DOMAIN_FIELDS) {
        const v = fields[f];
        const hit = typeof v === 'string' && v ? this.lookupDomain(v) : null;
        if (hit) {
          mark('domain', hit.value, hit.list);
          return;
        }
      }
    if (this.byType.hash.size)
      for (const f of HASH_FIELDS) {
        const v = fields[f];
        const list = typeof v === 'string' ? this.byType.hash.get(v.toLowerCase()) : undefined;
        if (list) {
          mark('hash', String(v).toLowerCase(), list);
          return;
        }
      }
  }
}
