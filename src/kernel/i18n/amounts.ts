/**
 * Yen and durations as a Japanese owner reads them ("12,000円", "2時間30分") and their English
 * forms ("¥12,000", "2 h 30 min"). Pure, so the server (mails, PDFs) and the web pages share it.
 */
export function formatYen(n: number, lang: 'ja' | 'en'): string {
  const digits = new Intl.NumberFormat('ja-JP').format(n);
  return lang === 'ja' ? `${digits}円` : `¥${digits}`;
}

export function formatMinutes(min: number, lang: 'ja' | 'en'): string {
  const h = Math.floor(min / 60);
  const m = min % 60;
  if (lang === 'ja') return `${h ? `${h}時間` : ''}${m || !h ? `${m}分` : ''}`;
  return [h ? `${h} h` : '', m || !h ? `${m} min` : ''].filter(Boolean).join(' ');
}
