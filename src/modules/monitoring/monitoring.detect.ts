import type { Fields } from './monitoring.parse.ts';
import { RuleIndex } from './monitoring.prefilter.ts';
import { type CompiledRule, lowered } from './monitoring.rules.ts';

export interface DetectInput {
  orgId: string;
  sensorId: string;
  at: Date;
  fields: Fields;
}

export interface Hit {
  rule: CompiledRule;
  /**
   * For a counting rule whose windows are kept outside (see `windows`), the window this
   * event counts in: the hit stands only if the count is reached there.
   */
  pending?: { windowKey: string; at: number; count: number; withinMs: number };
  /** The rule's group-by values: with tenant and rule, the alert's dedup key. */
  group: Record<string, string>;
  key: string;
  at: Date;
}

export interface TenantOverrides {
  disabled: Set<string>;
  /** rule id → host names the rule ignores. */
  hostExceptions: Map<string, Set<string>>;
}

/** Whether a tenant lets this rule fire for this host (a rule switched off, a host exception). */
export function allowed(overrides: TenantOverrides | undefined, ruleId: string, host: string): boolean {
  return (
    !overrides ||
    (!overrides.disabled.has(ruleId) && !(host && overrides.hostExceptions.get(ruleId)?.has(host)))
  );
}

/**
 * Runs every compiled rule over each event. A counting rule's hit comes back `pending`: it
 * stands only if its window reaches the count, which `settle` decides against windows the
 * caller keeps (the committer loads and stores them in the database, exact across workers).
 */
export class Detector {
  private readonly verdictRules: CompiledRule[];
  private readonly matchRules: RuleIndex<CompiledRule>;

  constructor(readonly rules: CompiledRule[]) {
    this.verdictRules = rules.filter((r) => r.def.kind === 'vendor_verdict');
    this.matchRules = new RuleIndex(
      rules.filter((r) => !r.def.kind),
      lowered,
    );
  }

  /**
   * The rules this event matches. Tenant overrides are applied after, where the tenant's
   * settings are read (the committer, with `allowed`): a rule a tenant switched off still
   * counts as having explained the event, so the sensor's own verdict does not stand in.
   */
  detect(e: DetectInput): Hit[] {
    const hits: Hit[] = [];
    let matchedAny = false;
    for (const r of this.matchRules.candidates(e.fields)) {
      if (!r.match(e.fields)) continue;
      matchedAny = true;
      if (r.aggregation) {
        const agg = r.aggregation;
        hits.push({
          ...this.hit(r, e),
          pending: {
            windowKey: [e.orgId, r.id, ...agg.by.map((f) => String(e.fields[f] ?? ''))].join('|'),
            at: e.at.getTime(),
            count: agg.count,
            withinMs: agg.withinMs,
          },
        });
        continue;
      }
      hits.push(this.hit(r, e));
    }
    // A sensor's own verdict becomes an alert only when no specific rule explained the event.
    if (!matchedAny) {
      for (const r of this.verdictRules) if (r.match(e.fields)) hits.push(this.hit(r, e));
    }
    return hits;
  }

  private hit(r: CompiledRule, e: DetectInput): Hit {
    const group: Record<string, string> = {};
    for (const f of r.def.group_by) group[f] = String(e.fields[f] ?? '');
    const key = [e.orgId, r.id, ...r.def.group_by.map((f) => `${f}=${group[f]}`)].join('|');
    return { rule: r, group, key, at: e.at };
  }

  /** One event entering a window: prune what fell out, keep at most `count` stamps, report. */
  static slide(w: number[], at: number, count: number, withinMs: number): boolean {
    w.push(at);
    const from = at - withinMs;
    while (w.length && (w[0] as number) < from) w.shift();
    while (w.length > count) w.shift();
    return w.length >= count;
  }
}

/**
 * Keeps the hits that stand: every hit without a window, and a counting hit whose window
 * (advanced event by event, in order) reaches the count. `windows` is updated in place.
 */
export function settle<H extends Pick<Hit, 'pending'>>(hits: H[], windows: Map<string, number[]>): H[] {
  return hits.filter((h) => {
    if (!h.pending) return true;
    const p = h.pending;
    const w = windows.get(p.windowKey) ?? [];
    windows.set(p.windowKey, w);
    return Detector.slide(w, p.at, p.count, p.withinMs);
  });
}
