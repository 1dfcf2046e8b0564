import i18next, { type TOptions } from 'i18next';
import en from './en.json' with { type: 'json' };
import ja from './ja.json' with { type: 'json' };

export const languages = ['ja', 'en'] as const;
export type Lang = (typeof languages)[number];

const i18n = i18next.createInstance();
void i18n.init({
  resources: { ja: { translation: ja }, en: { translation: en } },
  lng: 'ja',
  fallbackLng: 'ja',
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

export function t(lang: Lang, key: string, params?: TOptions): string {
  return i18n.t(key, { ...params, lng: lang });
}

export function hasKey(key: string): boolean {
  return i18n.exists(key, { lng: 'ja' });
}

export function normalizeLang(value: unknown): Lang {
  return value === 'en' ? 'en' : 'ja';
}

/** `?lang=` wins, then the first supported language in Accept-Language, else Japanese. */
export function langFromRequest(query: unknown, acceptLanguage: string | undefined): Lang {
  const q = (query as Record<string, unknown> | undefined)?.lang;
  if (q === 'ja' || q === 'en') return q;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.split(';')[0]?.trim().toLowerCase() ?? '';
    if (tag.startsWith('ja')) return 'ja';
    if (tag.startsWith('en')) return 'en';
  }
  return 'ja';
}
