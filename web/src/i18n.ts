import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import en from '../locales/en.json' with { type: 'json' };
import ja from '../locales/ja.json' with { type: 'json' };

export type Lang = 'ja' | 'en';
export const LANGS: readonly Lang[] = ['ja', 'en'];
const STORAGE_KEY = 'mamori.lang';

export function isLang(value: unknown): value is Lang {
  return value === 'ja' || value === 'en';
}

/** The language the user chose in this browser, if any. */
export function storedLang(): Lang | null {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return isLang(v) ? v : null;
  } catch {
    return null;
  }
}

export function currentLang(): Lang {
  return isLang(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'ja';
}

export async function setLang(lang: Lang): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {}
  await i18n.changeLanguage(lang);
}

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = isLang(lng) ? lng : 'ja';
});

/** Modules keep their page texts beside their pages, in `ui/locales/{ja,en}.json`. */
const moduleLocales = import.meta.glob<Record<string, unknown>>(
  '../../src/modules/*/ui/locales/*.json',
  { eager: true, import: 'default' },
);

function catalog(lang: Lang, base: Record<string, unknown>): Record<string, unknown> {
  const parts = Object.entries(moduleLocales)
    .filter(([path]) => path.endsWith(`/${lang}.json`))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, messages]) => messages);
  return Object.assign({}, base, ...parts);
}

await i18n.use(initReactI18next).init({
  resources: {
    ja: { translation: catalog('ja', ja) },
    en: { translation: catalog('en', en) },
  },
  lng: storedLang() ?? 'ja',
  fallbackLng: 'ja',
  supportedLngs: ['ja', 'en'],
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = currentLang();

export default i18n;

/** The current UI language, re-rendering on change. */
export function useLang(): Lang {
  const { i18n: inst } = useTranslation();
  return isLang(inst.resolvedLanguage) ? inst.resolvedLanguage : 'ja';
}
