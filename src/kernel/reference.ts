import employeeBands from '../../content/reference/employee-bands.json' with { type: 'json' };
import industries from '../../content/reference/industries.json' with { type: 'json' };
import prefectures from '../../content/reference/prefectures.json' with { type: 'json' };
import type { Lang } from './i18n/index.ts';

/** Shared reference data: JIS X 0401 prefectures, JSIC major divisions, employee bands. */
export interface RefItem {
  code: string;
  ja: string;
  en: string;
}

const codes = (items: RefItem[]) => items.map((i) => i.code) as [string, ...string[]];

export const prefectureCodes = codes(prefectures);
export const industryCodes = codes(industries);
export const employeeBandCodes = codes(employeeBands);

const byCode = (items: RefItem[]) => new Map(items.map((i) => [i.code, i]));
const tables = {
  prefecture: byCode(prefectures),
  industry: byCode(industries),
  employees: byCode(employeeBands),
};

export function refLabel(kind: keyof typeof tables, code: string, lang: Lang): string {
  return tables[kind].get(code)?.[lang] ?? code;
}
