/**
 * SLA clocks of the consultation desk, as pure functions of time: no clock, no database.
 * A clock counts only "counting time": inside business hours (or all day for 24/7
 * priorities), outside holidays and closures, and outside pauses (waiting for the customer).
 */

export interface Calendar {
  /** Offset of the desk's local time from UTC (JST: 540); Japan has no daylight saving. */
  utcOffsetMinutes: number;
  /** ISO weekdays that are business days (1 = Monday … 7 = Sunday). */
  days: readonly number[];
  /** Business hours as minutes after local midnight, start < end. */
  startMinute: number;
  endMinute: number;
  /** True for a local date (YYYY-MM-DD) on which the desk is closed (public holidays, year-end). */
  isClosed: (ymd: string) => boolean;
}

export interface Pause {
  from: Date;
  /** null: still paused. */
  to: Date | null;
}

export interface ClockOptions {
  /** Count every minute of every day (critical priority). */
  allDay: boolean;
  pauses?: readonly Pause[];
}

const MINUTE = 60_000;
const DAY = 86_400_000;
/** Ten years of days: no real deadline lies further, and it bounds every loop. */
const HORIZON_DAYS = 3660;

/** The local calendar date (YYYY-MM-DD) of a local-day start given in UTC ms. */
function ymdOf(localDayStartMs: number, offsetMs: number): string {
  return new Date(localDayStartMs + offsetMs).toISOString().slice(0, 10);
}

function isoWeekday(localDayStartMs: number, offsetMs: number): number {
  const d = new Date(localDayStartMs + offsetMs).getUTCDay();
  return d === 0 ? 7 : d;
}

/** Counting windows (UTC ms) from `fromMs` on, in order, before pauses are removed. */
function* openWindows(cal: Calendar, allDay: boolean, fromMs: number): Generator<[number, number]> {
  const offsetMs = cal.utcOffsetMinutes * MINUTE;
  // UTC ms of the local midnight on or before fromMs
  let dayStart = Math.floor((fromMs + offsetMs) / DAY) * DAY - offsetMs;
  for (let i = 0; i < HORIZON_DAYS; i++, dayStart += DAY) {
    if (allDay) {
      yield [Math.max(fromMs, dayStart), dayStart + DAY];
      continue;
    }
    if (!cal.days.includes(isoWeekday(dayStart, offsetMs))) continue;
    if (cal.isClosed(ymdOf(dayStart, offsetMs))) continue;
    const start = Math.max(fromMs, dayStart + cal.startMinute * MINUTE);
    const end = dayStart + cal.endMinute * MINUTE;
    if (start < end) yield [start, end];
  }
}

/** Pauses as sorted, merged [from, to) ranges in ms; an open pause runs to +∞. */
function mergePauses(pauses: readonly Pause[] | undefined): [number, number][] {
  const ranges = (pauses ?? [])
    .map((p): [number, number] => [p.from.getTime(), p.to ? p.to.getTime() : Number.POSITIVE_INFINITY])
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const r of ranges) {
    const last = out.at(-1);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

/** Counting windows with the pauses cut out. */
function* countingWindows(cal: Calendar, opts: ClockOptions, fromMs: number): Generator<[number, number]> {
  const pauses = mergePauses(opts.pauses);
  for (const [a, b] of openWindows(cal, opts.allDay, fromMs)) {
    let start = a;
    for (const [pa, pb] of pauses) {
      if (pb <= start || pa >= b) continue;
      if (pa > start) yield [start, pa];
      start = Math.max(start, pb);
      if (start >= b) break;
    }
    if (start < b) yield [start, b];
    if (!Number.isFinite(start)) return;
  }
}

/**
 * The moment `targetMinutes` of counting time have passed since `start`,
 * or null while an open pause stops the clock before that.
 */
export function deadline(start: Date, targetMinutes: number, cal: Calendar, opts: ClockOptions): Date | null {
  let left = targetMinutes * MINUTE;
  if (left <= 0) return new Date(start.getTime());
  for (const [a, b] of countingWindows(cal, opts, start.getTime())) {
    if (b - a >= left) return new Date(a + left);
    left -= b - a;
  }
  return null;
}

/** Whole minutes of counting time between `from` and `to` (0 when `to` is not after `from`). */
export function elapsedMinutes(from: Date, to: Date, cal: Calendar, opts: ClockOptions): number {
  const end = to.getTime();
  let ms = 0;
  for (const [a, b] of countingWindows(cal, opts, from.getTime())) {
    if (a >= end) break;
    ms += Math.min(b, end) - a;
  }
  return Math.floor(ms / MINUTE);
}

/** Whether a moment lies in the quiet hours (e.g. 20:00–8:00 local), when only critical items may wake people. */
export function isQuietTime(
  at: Date,
  quiet: { startMinute: number; endMinute: number },
  utcOffsetMinutes: number,
): boolean {
  const local = (((at.getTime() / MINUTE + utcOffsetMinutes) % 1440) + 1440) % 1440;
  return quiet.startMinute > quiet.endMinute
    ? local >= quiet.startMinute || local < quiet.endMinute
    : local >= quiet.startMinute && local < quiet.endMinute;
}

/** "09:30" → 570. */
export function minuteOfDay(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}
