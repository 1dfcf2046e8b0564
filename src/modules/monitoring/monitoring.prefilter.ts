import type { Fields } from './monitoring.parse.ts';

/**
 * What an event must carry for a rule to have any chance of matching: at least one of the
 * anchors holds (the field is present, and — for an anchor with a value — equals it, lower
 * case). `null` means nothing is known, and the rule is tried on every event.
 */
export type Need = Array<{ field: string; value?: string }> | null;

/** Fewer anchors, and anchors with values, let through fewer events. */
function cost(n: Need): number {
  if (n === null) return Number.POSITIVE_INFINITY;
  return n.length + (n.some((a) => a.value === undefined) ? 1000 : 0);
}

/** Both must hold: either side's anchors are enough; keep the narrower. */
export function needBoth(a: Need, b: Need): Need {
  return cost(b) < cost(a) ? b : a;
}

/** Either may hold: the event needs an anchor of one side or the other. */
export function needEither(needs: Need[]): Need {
  if (needs.length === 0 || needs.some((n) => n === null)) return null;
  return needs.flatMap((n) => n ?? []);
}

const byNumber = (a: number, b: number) => a - b;

type Lower = (f: Fields, field: string, s: string) => string;

/**
 * Rules indexed by what they need, so that an event is tried only against the rules it
 * could match (with 300 rules, most events have a candidate list of a handful). The
 * candidates come back in the rules' own order: detection must not depend on the index.
 */
export class RuleIndex<R extends { need: Need }> {
  private readonly always: number[] = [];
  private readonly byField = new Map<string, { present: number[]; byValue: Map<string, number[]> }>();
  private readonly mark: Uint8Array;

  constructor(
    readonly rules: R[],
    private readonly lower: Lower,
  ) {
    this.mark = new Uint8Array(rules.length);
    rules.forEach((r, i) => {
      if (r.need === null || r.need.length === 0) {
        this.always.push(i);
        return;
      }
      for (const a of r.need) {
        let entry = this.byField.get(a.field);
        if (!entry) {
          entry = { present: [], byValue: new Map() };
          this.byField.set(a.field, entry);
        }
        if (a.value === undefined) entry.present.push(i);
        else entry.byValue.set(a.value, [...(entry.byValue.get(a.value) ?? []), i]);
      }
    });
  }

  /** The rules this event could match, in rule order. */
  candidates(f: Fields): R[] {
    const picked: number[] = [...this.always];
    for (const i of picked) this.mark[i] = 1;
    for (const [field, entry] of this.byField) {
      const v = f[field];
      if (v === undefined) continue;
      this.pick(picked, entry.present);
      if (entry.byValue.size) this.pick(picked, entry.byValue.get(this.lower(f, field, String(v))));
    }
    for (const i of picked) this.mark[i] = 0;
    picked.sort(byNumber);
    const out: R[] = new Array(picked.length);
    for (let k = 0; k < picked.length; k++) out[k] = this.rules[picked[k] as number] as R;
    return out;
  }

  private pick(picked: number[], list: number[] | undefined): void {
    if (!list) return;
    for (const i of list) {
      if (this.mark[i]) continue;
      this.mark[i] = 1;
      picked.push(i);
    }
  }
}
