import { readdirSync, readFileSync } from 'node:fs';
import { BlockList, isIP } from 'node:net';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { z } from 'zod';
import type { Fields } from './monitoring.parse.ts';
import { type Need, needBoth, needEither } from './monitoring.prefilter.ts';

/** Detection rules: a Sigma subset (content/rules/FORMAT.md), compiled once into functions. */
const text = z.object({ ja: z.string().min(1), en: z.string().min(1) });
const duration = z.string().regex(/^\d+[smh]$/);
const scalar = z.union([z.string(), z.number(), z.boolean()]);
const selection = z.union([
  z.record(z.string(), z.union([scalar, z.array(scalar), z.null()])),
  z.array(z.record(z.string(), z.union([scalar, z.array(scalar), z.null()]))),
]);

export const ruleSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    title: text,
    level: z.enum(['low', 'medium', 'high', 'critical']),
    kind: z.enum(['sensor_silent', 'vendor_verdict']).optional(),
    logsource: z.object({ category: z.string().optional() }).optional(),
    detection: z.record(z.string(), z.union([selection, z.string()])).optional(),
    aggregation: z
      .object({ count: z.number().int().min(1), by: z.array(z.string()).default([]), within: duration })
      .optional(),
    group_by: z.array(z.string()).min(1),
    suppress: duration,
    explain: z.object({
      what: text,
      actions: z.object({ ja: z.array(z.string()).min(1), en: z.array(z.string()).min(1) }),
    }),
    tags: z.array(z.string()).optional(),
  })
  .refine((r) => r.kind || (r.detection && typeof r.detection.condition === 'string'), {
    message: 'a rule needs detection.condition unless it has a special kind',
  });
export type RuleDef = z.infer<typeof ruleSchema>;

export const severityOf = { low: 1, medium: 2, high: 3, critical: 4 } as const;

export function durationMs(d: string): number {
  const n = Number(d.slice(0, -1));
  return n * ({ s: 1000, m: 60_000, h: 3_600_000 }[d.slice(-1) as 's' | 'm' | 'h'] ?? 1000);
}

type Pred = (f: Fields) => boolean;
export interface Compiled {
  pred: Pred;
  need: Need;
}

/** Dotted-quad IPv4 to an unsigned integer, or null when it is not one. */
export function ipv4ToInt(v: string): number | null {
  let n = 0;
  let part = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c === 46) {
      if (digits === 0 || ++dots > 3) return null;
      n = n * 256 + part;
      part = 0;
      digits = 0;
    } else if (c >= 48 && c <= 57) {
      if (digits > 0 && part === 0) return null; // no leading zeros (isIP refuses them too)
      part = part * 10 + (c - 48);
      if (++digits > 3 || part > 255) return null;
    } else return null;
  }
  if (dots !== 3 || digits === 0) return null;
  return n * 256 + part;
}

function valueMatcher(mods: string[], raw: unknown): (v: string, lv: string) => boolean {
  const want = String(raw);
  const lower = want.toLowerCase();
  if (mods.includes('cidr')) {
    const [net, bits] = want.split('/');
    const type = isIP(net ?? '') === 6 ? 'ipv6' : 'ipv4';
    if (type === 'ipv4') {
      // Most rules test IPv4 ranges on every event; integer masks avoid BlockList's per-call allocations.
      const prefix = Number(bits ?? 32);
      const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
      const base = ((ipv4ToInt(net ?? '') ?? 0) & mask) >>> 0;
      return (v) => {
        const n = ipv4ToInt(v);
        return n !== null && (n & mask) >>> 0 === base;
      };
    }
    const list = new BlockList();
    list.addSubnet(net ?? '', Number(bits ?? 128), 'ipv6');
    return (v) => {
      const t = isIP(v);
      return t !== 0 && list.check(v, t === 6 ? 'ipv6' : 'ipv4');
    };
  }
  if (mods.includes('re')) {
    const re = new RegExp(want, 'i');
    // A substring every match must contain is far cheaper to look for than running the pattern.
    const lit = requiredLiteral(want).toLowerCase();
    return lit.length >= 3 ? (v, lv) => lv.includes(lit) && re.test(v) : (v) => re.test(v);
  }
  if (mods.includes('wildcard')) {
    const re = new RegExp(
      `^${want
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*')
        .replace(/\?/g, '.')}$`,
      'i',
    );
    return (v) => re.test(v);
  }
  if (mods.includes('contains')) return (_v, lv) => lv.includes(lower);
  if (mods.includes('startswith')) return (_v, lv) => lv.startsWith(lower);
  if (mods.includes('endswith')) return (_v, lv) => lv.endsWith(lower);
  const num = Number(want);
  if (mods.includes('gte')) return (v) => Number(v) >= num;
  if (mods.includes('gt')) return (v) => Number(v) > num;
  if (mods.includes('lte')) return (v) => Number(v) <= num;
  if (mods.includes('lt')) return (v) => Number(v) < num;
  return (_v, lv) => lv === lower;
}

/**
 * The longest run of plain characters that every match of `pattern` contains, or '' when the
 * pattern has alternation or anything this cautious reading does not follow. A character
 * made optional or repeatable by the quantifier after it is not part of the run.
 */
export function requiredLiteral(pattern: string): string {
  if (pattern.includes('|')) return '';
  let best = '';
  let run = '';
  let depth = 0;
  const end = () => {
    if (depth === 0 && run.length > best.length) best = run;
    run = '';
  };
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    const next = pattern[i + 1];
    if (
      /[A-Za-z0-9 _\-:,'"=@#%&~<>/]/.test(c) ||
      (c === '\\' && next && /[.\\/\-[\](){}+*?^$|]/.test(next))
    ) {
      const lit = c === '\\' ? (next as string) : c;
      if (c === '\\') i++;
      const after = pattern[i + 1];
      if (after === '?' || after === '*' || after === '{') {
        end();
        continue;
      }
      run += lit;
      if (after === '+') end();
      continue;
    }
    end();
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (c === '[' || c === '{') {
      const close = pattern.indexOf(c === '[' ? ']' : '}', i + 1);
      if (close < 0) return '';
      i = close;
    } else if (c === '\\') {
      // \u0041, \x41, \cJ, back-references and named ones stand for text this reading cannot see.
      if (!next || /[uxckpP0-9]/.test(next)) return '';
      i++;
    }
  }
  end();
  return best;
}

/**
 * Lower-cased field values of the event being matched, computed once per event and field
 * rather than once per rule (300 rules test the same few fields).
 */
let loweredFor: Fields | null = null;
const loweredCache = new Map<string, string>();
export function lowered(f: Fields, field: string, s: string): string {
  if (loweredFor !== f) {
    loweredFor = f;
    loweredCache.clear();
  }
  let l = loweredCache.get(field);
  if (l === undefined) {
    l = s.toLowerCase();
    loweredCache.set(field, l);
  }
  return l;
}

function compileMap(map: Record<string, unknown>): Compiled {
  const needs: Need[] = [];
  const parts: Pred[] = Object.entries(map).map(([key, value]) => {
    const [field, ...mods] = key.split('|') as [string, ...string[]];
    if (value === null) return (f) => f[field] === undefined;
    const values = Array.isArray(value) ? value : [value];
    const matchers = values.map((v) => valueMatcher(mods, v));
    const all = mods.includes('all');
    needs.push(
      mods.length === 0 ? values.map((v) => ({ field, value: String(v).toLowerCase() })) : [{ field }],
    );
    const one = matchers.length === 1 ? (matchers[0] as (v: string, lv: string) => boolean) : null;
    // Plain loops: these run for every event and rule, and a callback per call is garbage.
    return (f) => {
      const got = f[field];
      if (got === undefined) return false;
      const s = typeof got === 'string' ? got : String(got);
      const ls = lowered(f, field, s);
      if (one) return one(s, ls);
      for (const m of matchers) if (m(s, ls) !== all) return !all;
      return all;
    };
  });
  const only = parts.length === 1 ? (parts[0] as Pred) : null;
  return {
    pred:
      only ??
      ((f) => {
        for (const p of parts) if (!p(f)) return false;
        return true;
      }),
    need: needs.reduce<Need>(needBoth, null),
  };
}

function compileSelection(sel: unknown): Compiled {
  if (Array.isArray(sel)) {
    const any = sel.map((m) => compileMap(m as Record<string, unknown>));
    const preds = any.map((c) => c.pred);
    return {
      pred: (f) => {
        for (const p of preds) if (p(f)) return true;
        return false;
      },
      need: needEither(any.map((c) => c.need)),
    };
  }
  return compileMap(sel as Record<string, unknown>);
}

/**
 * Recursive-descent parser for `a and not (b or 1 of c*)`: the condition as one predicate,
 * with what an event needs to have for it to match.
 */
export function parseCondition(condition: string, selections: Map<string, Compiled>): Compiled {
  const tokens = condition.match(/\(|\)|[A-Za-z0-9_*]+/g) ?? [];
  let i = 0;
  const peek = () => tokens[i]?.toLowerCase();
  const names = (pattern: string) => {
    if (pattern === 'them') return [...selections.keys()];
    const re = new RegExp(`^${pattern.replace(/\*/g, '.*')}$`);
    const found = [...selections.keys()].filter((n) => re.test(n));
    if (!found.length) throw new Error(`condition names no selection: ${pattern}`);
    return found;
  };
  const ref = (name: string): Compiled => {
    const p = selections.get(name);
    if (!p) throw new Error(`unknown selection in condition: ${name}`);
    return p;
  };
  const primary = (): Compiled => {
    const t = tokens[i++];
    if (t === undefined) throw new Error('condition ends too early');
    if (t === '(') {
      const inner = or();
      if (tokens[i++] !== ')') throw new Error('missing )');
      return inner;
    }
    if (t.toLowerCase() === 'not') {
      const p = primary().pred;
      return { pred: (f) => !p(f), need: null };
    }
    if ((t === '1' || t.toLowerCase() === 'all') && peek() === 'of') {
      i++;
      const group = names(tokens[i++] ?? '').map(ref);
      const preds = group.map((c) => c.pred);
      const needs = group.map((c) => c.need);
      return t === '1'
        ? { pred: (f) => preds.some((p) => p(f)), need: needEither(needs) }
        : { pred: (f) => preds.every((p) => p(f)), need: needs.reduce<Need>(needBoth, null) };
    }
    return ref(t);
  };
  const and = (): Compiled => {
    let left = primary();
    while (peek() === 'and') {
      i++;
      const { pred: l, need: ln } = left;
      const { pred: r, need: rn } = primary();
      left = { pred: (f) => l(f) && r(f), need: needBoth(ln, rn) };
    }
    return left;
  };
  const or = (): Compiled => {
    let left = and();
    while (peek() === 'or') {
      i++;
      const { pred: l, need: ln } = left;
      const { pred: r, need: rn } = and();
      left = { pred: (f) => l(f) || r(f), need: needEither([ln, rn]) };
    }
    return left;
  };
  const result = or();
  if (i !== tokens.length) throw new Error(`unexpected "${tokens[i]}" in condition`);
  return result;
}

export interface CompiledRule {
  def: RuleDef;
  id: string;
  severity: number;
  match: Pred;
  /** What an event must carry for `match` to be true (null: nothing known); see RuleIndex. */
  need: Need;
  suppressMs: number;
  aggregation: { count: number; by: string[]; withinMs: number } | null;
}

export function compileRule(def: RuleDef): CompiledRule {
  let match: Pred;
  let need: Need = null;
  if (def.kind === 'vendor_verdict') {
    match = (f) => f['mamori.verdict'] === true;
    need = [{ field: 'mamori.verdict' }];
  } else if (def.kind === 'sensor_silent') match = () => false;
  else {
    const { condition, ...sels } = def.detection as Record<string, unknown>;
    const selections = new Map(Object.entries(sels).map(([name, s]) => [name, compileSelection(s)]));
    ({ pred: match, need } = parseCondition(String(condition), selections));
  }
  return {
    def,
    id: def.id,
    severity: severityOf[def.level],
    match,
    need,
    suppressMs: durationMs(def.suppress),
    aggregation: def.aggregation
      ? { count: def.aggregation.count, by: def.aggregation.by, withinMs: durationMs(def.aggregation.within) }
      : null,
  };
}

export const rulesDir = path.resolve(import.meta.dirname, '../../../content/rules');

export function loadRules(dir = rulesDir): CompiledRule[] {
  const out: CompiledRule[] = [];
  const seen = new Set<string>();
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()) {
    const docs = parseAllDocuments(readFileSync(path.join(dir, file), 'utf8'));
    for (const doc of Array.isArray(docs) ? docs : [docs]) {
      if (doc.errors.length) throw new Error(`content/rules/${file}: ${doc.errors[0]?.message}`);
      const raw = doc.toJS();
      if (raw === null || raw === undefined) continue;
      const parsed = ruleSchema.safeParse(raw);
      if (!parsed.success)
        throw new Error(
          `content/rules/${file} (${(raw as { id?: string }).id ?? '?'}) is invalid:\n${z.prettifyError(parsed.error)}`,
        );
      if (seen.has(parsed.data.id))
        throw new Error(`content/rules/${file}: duplicate rule id ${parsed.data.id}`);
      seen.add(parsed.data.id);
      try {
        out.push(compileRule(parsed.data));
      } catch (err) {
        throw new Error(`content/rules/${file} (${parsed.data.id}): ${(err as Error).message}`);
      }
    }
  }
  return out;
}
