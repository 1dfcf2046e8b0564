import type { Answer, BandId, Bank, PartId } from './diagnosis.bank.ts';

export type Answers = Record<string, Answer>;

export interface PartScore {
  id: PartId;
  score: number;
  max: number;
}

export interface Score {
  total: number;
  max: number;
  band: BandId;
  parts: PartScore[];
  /** Items below full marks, in item order. */
  weak: Array<{ no: number; answer: Answer }>;
}

export function bandOf(bank: Pick<Bank, 'bands'>, total: number): BandId {
  const band = bank.bands.find((b) => total >= b.min && total <= b.max);
  // Anything below the lowest band's range still means "urgent".
  return band?.id ?? 'urgent';
}

/** Pure scoring of a complete answer sheet (validated by the caller). */
export function score(bank: Bank, answers: Answers): Score {
  const points = new Map(bank.choices.map((c) => [c.value, c.points]));
  const full = Math.max(...bank.choices.map((c) => c.points));
  const parts = bank.parts.map((part) => ({
    id: part.id,
    score: part.items.reduce((sum, item) => sum + (points.get(answers[String(item.no)] as Answer) ?? 0), 0),
    max: part.items.length * full,
  }));
  const total = parts.reduce((s, p) => s + p.score, 0);
  const weak = bank.parts
    .flatMap((p) => p.items)
    .filter((item) => (points.get(answers[String(item.no)] as Answer) ?? 0) < full)
    .map((item) => ({ no: item.no, answer: answers[String(item.no)] as Answer }));
  return { total, max: parts.reduce((s, p) => s + p.max, 0), band: bandOf(bank, total), parts, weak };
}
