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

export function formatYen(n: number, lang: Lang): string {
  const digits = new Intl.NumberFormat('ja-JP').format(n);
  return lang === 'ja' ? `${digits}円` : `¥${digits}`;
}

export function formatMinutes(min: number, lang: Lang): string {
  const h = Math.floor(min / 60);
  const m = min % 60;
  if (lang === 'ja') return `${h ? `${h}時間` : ''}${m || !h ? `${m}分` : ''}`;
  return [h ? `${h} h` : '', m || !h ? `${m} min` : ''].filter(Boolean).join(' ');
}

export const sumYen = (items: readonly CostItem[]) => items.reduce((a, c) => a + c.amountYen, 0);
