import type { Lang } from '../../kernel/i18n/index.ts';
import type { CostItem } from './onsite.tables.ts';

/** Japan's clock: an SME reads "14:00" as its own time, whatever the server's zone. */
const ZONE = 'Asia/Tokyo';

export function formatWhen(d: Date, lang: Lang): string {
  const s = new Intl.DateTimeFormat(lang === 'ja' ? 'ja-JP' : 'en-GB', {
    timeZone: ZONE,
    year: 'numeric',
    month: lang === 'ja' ? 'long' : 'short',
    day: 'numeric',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(d);
  return lang === 'ja' ? s : `${s} (JST)`;
}

export function formatDay(isoDate: string, lang: Lang): string {
  const d = new Date(`${isoDate}T00:00:00+09:00`);
  return new Intl.DateTimeFormat(lang === 'ja' ? 'ja-JP' : 'en-GB', {
    timeZone: ZONE,
    dateStyle: 'long',
  }).format(d);
}

export { formatMinutes, formatYen } from '../../kernel/i18n/amounts.ts';

export const sumYen = (items: readonly CostItem[]) => items.reduce((a, c) => a + c.amountYen, 0);
