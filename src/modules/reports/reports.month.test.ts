import { describe, expect, it } from 'vitest';
import { daysOf, monthBounds, monthLabel, monthOf, previousMonth } from './reports.month.ts';

describe('report months (JST)', () => {
  it('starts a month at midnight in Japan, 15:00 UTC the day before', () => {
    expect(monthBounds('2026-10')).toEqual({
      from: new Date('2026-09-30T15:00:00Z'),
      to: new Date('2026-10-31T15:00:00Z'),
    });
    expect(monthBounds('2026-12').to).toEqual(new Date('2026-12-31T15:00:00Z'));
  });

  it('puts an instant in its Japanese month', () => {
    expect(monthOf(new Date('2026-09-30T14:59:59.999Z'))).toBe('2026-09');
    expect(monthOf(new Date('2026-09-30T15:00:00Z'))).toBe('2026-10');
    expect(monthOf(new Date('2026-12-31T15:00:00Z'))).toBe('2027-01');
  });

  it('steps back across a year and lists every day', () => {
    expect(previousMonth('2027-01')).toBe('2026-12');
    expect(previousMonth('2026-10')).toBe('2026-09');
    expect(daysOf('2028-02')).toHaveLength(29);
    expect(daysOf('2026-09').at(-1)).toBe('2026-09-30');
  });

  it('names months in both languages', () => {
    expect(monthLabel('2026-10', 'ja')).toBe('2026年10月');
    expect(monthLabel('2026-10', 'en')).toBe('October 2026');
  });
});
