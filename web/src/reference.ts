import employeeBands from '../../content/reference/employee-bands.json' with { type: 'json' };
import industries from '../../content/reference/industries.json' with { type: 'json' };
import prefectures from '../../content/reference/prefectures.json' with { type: 'json' };
import roles from '../../content/reference/roles.json' with { type: 'json' };
import type { Lang } from './i18n.ts';

export interface RefItem {
  code: string;
  ja: string;
  en: string;
}

export const PREFECTURES: RefItem[] = prefectures;
export const INDUSTRIES: RefItem[] = industries;
export const EMPLOYEE_BANDS: RefItem[] = employeeBands;
export const ROLES: { sme: RefItem[]; provider: RefItem[] } = roles;

export function refLabel(list: RefItem[], code: string | null | undefined, lang: Lang): string {
  if (!code) return '';
  const item = list.find((i) => i.code === code);
  return item ? item[lang] : code;
}

export function refOptions(
  list: RefItem[],
  lang: Lang,
  withCode = false,
): { value: string; label: string }[] {
  return list.map((i) => ({ value: i.code, label: withCode ? `${i.code}　${i[lang]}` : i[lang] }));
}

export function roleLabel(role: string | null | undefined, lang: Lang): string {
  if (!role) return '';
  return refLabel([...ROLES.sme, ...ROLES.provider], role, lang);
}

export function rolesFor(kind: 'sme' | 'provider'): RefItem[] {
  return ROLES[kind];
}
