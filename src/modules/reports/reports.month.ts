/**
 * Report months are Japanese calendar months: `2026-10` runs from 1 Oct 00:00 JST
 * (30 Sep 15:00 UTC) up to, not including, 1 Nov 00:00 JST. Japan has no daylight saving.
 */
export type Month = string;

export const monthPattern = /^(\d{4})-(0[1-9]|1[0-2])$/;
const JST_MS = 9 * 3_600_000;

export function monthOf(at: Date): Month {
  const jst = new Date(at.getTime() + JST_MS);
  return `${jst.getUTCFullYear()}-${String(jst.getUTCMonth() + 1).padStart(2, '0')}`;
}

function parts(month: Month): [number, number] {
  const m = monthPattern.exec(month);
  if (!m) throw new Error(`not a month: ${month}`);
  return [Number(m[1]), Number(m[2])];
}

/** [from, to) of a month in JST, as instants. */
export function monthBounds(month: Month): { from: Date; to: Date } {
  const [y, m] = parts(month);
  return {
    from: new Date(Date.UTC(y, m - 1, 1) - JST_MS),
    to: new Date(Date.UTC(y, m, 1) - JST_MS),
  };
}

export function previousMonth(month: Month): Month {
  const [y, m] = parts(month);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** The days of a month as JST dates (YYYY-MM-DD), for a chart with every day on its axis. */
export function daysOf(month: Month): string[] {
  const [y, m] = parts(month);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return Array.from({ length: last }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`);
}

export function monthLabel(month: Month, lang: 'ja' | 'en'): string {
  const [y, m] = parts(month);
  return lang === 'ja'
    ? `${y}年${m}月`
    : new Date(Date.UTC(y, m - 1, 1)).toLocaleDateString('en-GB', {
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      });
}
