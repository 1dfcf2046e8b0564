import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Answer, loadBanks } from './diagnosis.bank.ts';
import { type Answers, bandOf, score } from './diagnosis.score.ts';

const banks = loadBanks();
const bank = [...banks.values()][0] as NonNullable<ReturnType<typeof banks.get>>;
const all = (a: Answer): Answers =>
  Object.fromEntries(Array.from({ length: 25 }, (_, i) => [String(i + 1), a]));
const answers = (...pairs: Array<[number, Answer]>): Answers => ({
  ...all('yes'),
  ...Object.fromEntries(pairs.map(([n, a]) => [String(n), a])),
});

describe('the item bank', () => {
  it('has 25 items in 3 parts of 5, 13 and 7, each linked to a learning theme', () => {
    expect(bank.parts.map((p) => [p.id, p.items.length])).toEqual([
      ['basic', 5],
      ['employee', 13],
      ['organization', 7],
    ]);
    expect(bank.choices.map((c) => [c.value, c.points])).toEqual([
      ['yes', 4],
      ['partial', 2],
      ['no', 0],
      ['unknown', -1],
    ]);
    expect(new Set(bank.parts.flatMap((p) => p.items.map((i) => i.learningTheme))).size).toBe(25);
  });
});

describe('the pre-serialised score', () => {
  it('is exactly the presented score, for any answers and both languages', async () => {
    const { scoreAnswers, scoreAnswersJson } = await import('./diagnosis.service.ts');
    const answer = fc.constantFrom<Answer>('yes', 'partial', 'no', 'unknown');
    fc.assert(
      fc.property(
        fc.array(answer, { minLength: 25, maxLength: 25 }),
        fc.constantFrom<'ja' | 'en'>('ja', 'en'),
        (list, lang) => {
          const a = Object.fromEntries(list.map((x, i) => [String(i + 1), x]));
          expect(JSON.parse(scoreAnswersJson(a, lang))).toEqual(scoreAnswers(a, lang));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('score', () => {
  it('gives 100 and "complete" when everything is done', () => {
    const s = score(bank, all('yes'));
    expect(s).toMatchObject({ total: 100, max: 100, band: 'complete', weak: [] });
    expect(s.parts).toEqual([
      { id: 'basic', score: 20, max: 20 },
      { id: 'employee', score: 52, max: 52 },
      { id: 'organization', score: 28, max: 28 },
    ]);
  });

  it('gives −25 when every answer is "unknown", and lists all 25 as weak', () => {
    const s = score(bank, all('unknown'));
    expect(s.total).toBe(-25);
    expect(s.band).toBe('urgent');
    expect(s.weak).toHaveLength(25);
  });

  it('gives 0 for all "no" and 50 for all "partial"', () => {
    expect(score(bank, all('no')).total).toBe(0);
    expect(score(bank, all('partial'))).toMatchObject({ total: 50, band: 'insufficient' });
  });

  it.each([
    [100, 'complete'],
    [99, 'mostly'],
    [70, 'mostly'],
    [69, 'insufficient'],
    [50, 'insufficient'],
    [49, 'urgent'],
    [0, 'urgent'],
    [-25, 'urgent'],
  ] as const)('puts %i in the %s band', (total, band) => {
    expect(bandOf(bank, total)).toBe(band);
  });

  it('scores mixed answers per part', () => {
    // basic: 4+2+0−1+4 = 9; employee: 12×4 + 2 = 50; organisation: 6×4 + 0 = 24.
    const s = score(bank, answers([2, 'partial'], [3, 'no'], [4, 'unknown'], [6, 'partial'], [25, 'no']));
    expect(s.parts.map((p) => p.score)).toEqual([9, 50, 24]);
    expect(s.total).toBe(83);
    expect(s.band).toBe('mostly');
    expect(s.weak).toEqual([
      { no: 2, answer: 'partial' },
      { no: 3, answer: 'no' },
      { no: 4, answer: 'unknown' },
      { no: 6, answer: 'partial' },
      { no: 25, answer: 'no' },
    ]);
  });

  it('keeps total = sum of parts, within −25..100, for any answers', () => {
    const answer = fc.constantFrom<Answer>('yes', 'partial', 'no', 'unknown');
    fc.assert(
      fc.property(fc.array(answer, { minLength: 25, maxLength: 25 }), (list) => {
        const s = score(bank, Object.fromEntries(list.map((a, i) => [String(i + 1), a])));
        expect(s.total).toBe(s.parts.reduce((sum, p) => sum + p.score, 0));
        expect(s.total).toBeGreaterThanOrEqual(-25);
        expect(s.total).toBeLessThanOrEqual(100);
        expect(s.band).toBe(bandOf(bank, s.total));
        expect(s.weak.length).toBe(list.filter((a) => a !== 'yes').length);
      }),
      { numRuns: 2000 },
    );
  });
});
