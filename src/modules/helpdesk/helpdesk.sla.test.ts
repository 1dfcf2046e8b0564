import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarOf, loadContent } from './helpdesk.content.ts';
import { deadline, elapsedMinutes, isQuietTime } from './helpdesk.sla.ts';

const { sla } = loadContent();
const cal = calendarOf(sla);
const business = { allDay: false };
const allDay = { allDay: true };
/** A moment given in Japan time. */
const jst = (s: string) => new Date(`${s}:00+09:00`);
const iso = (d: Date | null) => d?.toISOString() ?? null;

describe('deadline in business hours (9:00–18:00 JST, weekdays)', () => {
  it('stays within the day when the target fits', () => {
    expect(iso(deadline(jst('2026-11-17T10:00'), 90, cal, business))).toBe(iso(jst('2026-11-17T11:30')));
  });

  it('ends exactly at closing time rather than the next morning', () => {
    expect(iso(deadline(jst('2026-11-20T17:00'), 60, cal, business))).toBe(iso(jst('2026-11-20T18:00')));
  });

  it('skips the weekend and a public holiday (Monday 2026-11-23, 勤労感謝の日)', () => {
    // Friday 17:00 + 2 hours: 1 hour on Friday, then Saturday, Sunday and the holiday are skipped
    expect(iso(deadline(jst('2026-11-20T17:00'), 120, cal, business))).toBe(iso(jst('2026-11-24T10:00')));
  });

  it('starts counting at opening time when opened at night or on a weekend', () => {
    expect(iso(deadline(jst('2026-11-17T22:15'), 30, cal, business))).toBe(iso(jst('2026-11-18T09:30')));
    expect(iso(deadline(jst('2026-11-21T10:00'), 30, cal, business))).toBe(iso(jst('2026-11-24T09:30')));
  });

  it('crosses a month end', () => {
    expect(iso(deadline(jst('2026-09-30T17:30'), 90, cal, business))).toBe(iso(jst('2026-10-01T10:00')));
    // February of a common year: Friday 27th → Monday 2 March
    expect(iso(deadline(jst('2026-02-27T16:00'), 180, cal, business))).toBe(iso(jst('2026-03-02T10:00')));
  });

  it('skips the year-end closure and New Year (12/29–1/3)', () => {
    expect(iso(deadline(jst('2026-12-28T17:00'), 120, cal, business))).toBe(iso(jst('2027-01-04T10:00')));
  });

  it('counts several business days', () => {
    // 2 business days of 9 hours from Tuesday 9:00 → end of Wednesday
    expect(iso(deadline(jst('2026-11-17T09:00'), 1080, cal, business))).toBe(iso(jst('2026-11-18T18:00')));
  });

  it('counts around the clock for 24/7 priorities, holidays included', () => {
    expect(iso(deadline(jst('2026-11-21T23:30'), 60, cal, allDay))).toBe(iso(jst('2026-11-22T00:30')));
    expect(iso(deadline(jst('2026-11-22T20:00'), 480, cal, allDay))).toBe(iso(jst('2026-11-23T04:00')));
  });
});

describe('pauses (waiting for the customer)', () => {
  it('moves the deadline by the paused business time', () => {
    const pauses = [{ from: jst('2026-11-16T11:00'), to: jst('2026-11-16T15:00') }];
    expect(iso(deadline(jst('2026-11-16T10:00'), 240, cal, { allDay: false, pauses }))).toBe(
      iso(jst('2026-11-16T18:00')),
    );
  });

  it('only counts the part of a pause that falls in business hours', () => {
    // paused from Monday 17:00 to Tuesday 10:00: only 17–18 and 9–10 were business time
    const pauses = [{ from: jst('2026-11-16T17:00'), to: jst('2026-11-17T10:00') }];
    expect(iso(deadline(jst('2026-11-16T16:00'), 120, cal, { allDay: false, pauses }))).toBe(
      iso(jst('2026-11-17T11:00')),
    );
  });

  it('merges overlapping pauses', () => {
    const pauses = [
      { from: jst('2026-11-17T10:00'), to: jst('2026-11-17T12:00') },
      { from: jst('2026-11-17T11:00'), to: jst('2026-11-17T13:00') },
    ];
    expect(
      elapsedMinutes(jst('2026-11-17T09:00'), jst('2026-11-17T14:00'), cal, { allDay: false, pauses }),
    ).toBe(120);
  });

  it('has no deadline while a pause is still open', () => {
    const pauses = [{ from: jst('2026-11-17T10:00'), to: null }];
    expect(deadline(jst('2026-11-17T09:00'), 120, cal, { allDay: false, pauses })).toBeNull();
    // …but a target reached before the pause began still has one
    expect(iso(deadline(jst('2026-11-17T09:00'), 30, cal, { allDay: false, pauses }))).toBe(
      iso(jst('2026-11-17T09:30')),
    );
  });
});

describe('elapsed business minutes', () => {
  it('counts only business time across a weekend and a holiday', () => {
    expect(elapsedMinutes(jst('2026-11-20T17:00'), jst('2026-11-24T10:00'), cal, business)).toBe(120);
  });

  it('is zero at night, on weekends and when `to` is before `from`', () => {
    expect(elapsedMinutes(jst('2026-11-17T19:00'), jst('2026-11-18T08:59'), cal, business)).toBe(0);
    expect(elapsedMinutes(jst('2026-11-21T09:00'), jst('2026-11-22T18:00'), cal, business)).toBe(0);
    expect(elapsedMinutes(jst('2026-11-18T12:00'), jst('2026-11-18T10:00'), cal, business)).toBe(0);
  });

  it('counts every minute for 24/7 priorities', () => {
    expect(elapsedMinutes(jst('2026-12-31T22:00'), jst('2027-01-01T02:30'), cal, allDay)).toBe(270);
  });
});

describe('quiet hours (20:00–8:00 JST)', () => {
  const quiet = { startMinute: 20 * 60, endMinute: 8 * 60 };
  it.each([
    ['2026-11-17T19:59', false],
    ['2026-11-17T20:00', true],
    ['2026-11-18T03:00', true],
    ['2026-11-18T07:59', true],
    ['2026-11-18T08:00', false],
    ['2026-11-18T13:00', false],
  ])('%s JST → quiet %s', (at, expected) => {
    expect(isQuietTime(jst(at), quiet, 540)).toBe(expected);
  });
});

describe('properties', () => {
  // minute-aligned moments between 2025 and 2028
  const moment = fc
    .integer({ min: Date.UTC(2025, 0, 1) / 60_000, max: Date.UTC(2028, 0, 1) / 60_000 })
    .map((m) => new Date(m * 60_000));
  const minutes = fc.integer({ min: 0, max: 20_000 });
  const mode = fc.boolean().map((b) => ({ allDay: b }));

  it('a longer target never gives an earlier deadline (monotonic)', () => {
    fc.assert(
      fc.property(moment, minutes, minutes, mode, (start, a, b, m) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const d1 = deadline(start, lo, cal, m);
        const d2 = deadline(start, hi, cal, m);
        expect(d1).not.toBeNull();
        expect(d2).not.toBeNull();
        expect((d1 as Date).getTime()).toBeLessThanOrEqual((d2 as Date).getTime());
        expect((d1 as Date).getTime()).toBeGreaterThanOrEqual(start.getTime());
      }),
      { numRuns: 200 },
    );
  });

  it('the elapsed time at the deadline is the target', () => {
    fc.assert(
      fc.property(moment, minutes, mode, (start, target, m) => {
        const d = deadline(start, target, cal, m) as Date;
        expect(elapsedMinutes(start, d, cal, m)).toBe(target);
      }),
      { numRuns: 200 },
    );
  });

  it('a pause never brings a deadline forward', () => {
    fc.assert(
      fc.property(
        moment,
        minutes,
        fc.integer({ min: 0, max: 20_000 }),
        fc.integer({ min: 1, max: 5000 }),
        (start, target, after, length) => {
          const from = new Date(start.getTime() + after * 60_000);
          const pauses = [{ from, to: new Date(from.getTime() + length * 60_000) }];
          const plain = deadline(start, target, cal, business) as Date;
          const paused = deadline(start, target, cal, { allDay: false, pauses }) as Date;
          expect(paused.getTime()).toBeGreaterThanOrEqual(plain.getTime());
        },
      ),
      { numRuns: 200 },
    );
  });

  it('elapsed time only grows as `to` moves later', () => {
    fc.assert(
      fc.property(moment, minutes, minutes, mode, (from, a, b, m) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const e1 = elapsedMinutes(from, new Date(from.getTime() + lo * 60_000), cal, m);
        const e2 = elapsedMinutes(from, new Date(from.getTime() + hi * 60_000), cal, m);
        expect(e1).toBeLessThanOrEqual(e2);
        expect(e2).toBeLessThanOrEqual(hi);
      }),
      { numRuns: 200 },
    );
  });
});
