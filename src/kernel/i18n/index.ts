import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next, { type TOptions } from 'i18next';
import en from './en.json' with { type: 'json' };
import ja from './ja.json' with { type: 'json' };

export const languages = ['ja', 'en'] as const;
export type Lang = (typeof languages)[number];

const modulesDir = join(import.meta.dirname, '..', '..', 'modules');

/**
 * A module may keep its server messages beside its code in `locales/{ja,en}.json`,
 * so modules built side by side never edit the same catalog file.
 */
export function moduleCatalogs(lang: Lang): Record<string, unknown>[] {
  if (!existsSync(modulesDir)) return [];
  const out: Record<string, unknown>[] = [];
  for (const name of readdirSync(modulesDir).sort()) {
    const file = join(modulesDir, name, 'locales', `${lang}.json`);
    if (existsSync(file)) out.push(JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>);
  }
  return out;
}

export function mergeCatalogs(...parts: Record<string, unknown>[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const part of parts) {
    for (const [key, value] of Object.entries(part)) {
      const prev = out[key];
      out[key] = isPlainObject(prev) && isPlainObject(value) ? mergeCatalogs(prev, value) : value;
    }
  }
  return out;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export const catalogs: Record<Lang, Record<string, unknown>> = {
  ja: mergeCatalogs(ja, ...moduleCatalogs('ja')),
  en: mergeCatalogs(en, ...moduleCatalogs('en')),
};

const i18n = i18next.createInstance();
void i18n.init({
  resources: { ja: { translation: catalogs.ja }, en: { translation: catalogs.en } },
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
