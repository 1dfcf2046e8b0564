import { Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../../../web/src/i18n.ts';
import { EMPLOYEE_BANDS, INDUSTRIES, PREFECTURES, refOptions } from '../../../../web/src/reference.ts';
import { isValidCorporateNumber } from '../corporate-number.ts';

export interface OrgFormValues {
  name: string;
  corporateNumber: string;
  prefecture: string | null;
  industry: string | null;
  employees: string | null;
  website: string;
}

export type OrgFormErrors = Partial<Record<keyof OrgFormValues | 'kind', string>>;

export const emptyOrgForm: OrgFormValues = {
  name: '',
  corporateNumber: '',
  prefecture: null,
  industry: null,
  employees: null,
  website: '',
};

/** Full-width digits and hyphens are common when people copy a 法人番号; keep only the digits. */
export function normaliseCorporateNumber(value: string): string {
  return value
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[\s\-ー－]/g, '');
}

/** "example.co.jp" → "https://example.co.jp" */
export function normaliseWebsite(value: string): string {
  const v = value.trim();
  if (!v) return '';
  return /^https?:\/\//i.test(v) ? v : `https://${v}`;
}

/** Client-side checks only help the user; the server decides. */
export function validateOrgForm(v: OrgFormValues, t: (key: string) => string): OrgFormErrors {
  const e: OrgFormErrors = {};
  if (!v.name.trim()) e.name = t('orgs.form.errors.name');
  const cn = normaliseCorporateNumber(v.corporateNumber);
  if (cn && !/^\d{13}$/.test(cn)) e.corporateNumber = t('orgs.form.errors.corporateNumberDigits');
  else if (cn && !isValidCorporateNumber(cn)) e.corporateNumber = t('orgs.form.errors.corporateNumberCheck');
  if (!v.prefecture) e.prefecture = t('orgs.form.errors.prefecture');
  if (!v.industry) e.industry = t('orgs.form.errors.industry');
  if (!v.employees) e.employees = t('orgs.form.errors.employees');
  const site = normaliseWebsite(v.website);
  if (site) {
    try {
      const u = new URL(site);
      if (!u.hostname.includes('.')) e.website = t('orgs.form.errors.website');
    } catch {
      e.website = t('orgs.form.errors.website');
    }
  }
  return e;
}

export function OrgFields(props: {
  values: OrgFormValues;
  onChange: (v: OrgFormValues) => void;
  errors: OrgFormErrors;
  readOnly?: boolean;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const { values: v, onChange, errors, readOnly } = props;
  const set = <K extends keyof OrgFormValues>(key: K, value: OrgFormValues[K]) =>
    onChange({ ...v, [key]: value });
  return (
    <Stack gap="md">
      <TextInput
        label={t('orgs.fields.name')}
        description={readOnly ? undefined : t('orgs.form.nameHint')}
        value={v.name}
        onChange={(e) => set('name', e.currentTarget.value)}
        error={errors.name}
        required
        readOnly={readOnly}
        autoComplete="organization"
      />
      <TextInput
        label={t('orgs.fields.corporateNumber') + (readOnly ? '' : t('common.optionalSuffix'))}
        description={readOnly ? undefined : t('orgs.form.corporateNumberHint')}
        value={v.corporateNumber}
        onChange={(e) => set('corporateNumber', e.currentTarget.value)}
        onBlur={() => set('corporateNumber', normaliseCorporateNumber(v.corporateNumber))}
        error={errors.corporateNumber}
        inputMode="numeric"
        maxLength={20}
        readOnly={readOnly}
        placeholder={readOnly ? undefined : '7000012050002'}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Select
          label={t('orgs.fields.prefecture')}
          data={refOptions(PREFECTURES, lang)}
          value={v.prefecture}
          onChange={(val) => set('prefecture', val)}
          error={errors.prefecture}
          searchable
          required
          readOnly={readOnly}
          placeholder={readOnly ? undefined : t('common.choose')}
          nothingFoundMessage={t('common.nothingFound')}
        />
        <Select
          label={t('orgs.fields.employees')}
          data={refOptions(EMPLOYEE_BANDS, lang)}
          value={v.employees}
          onChange={(val) => set('employees', val)}
          error={errors.employees}
          required
          readOnly={readOnly}
          placeholder={readOnly ? undefined : t('common.choose')}
        />
      </SimpleGrid>
      <Select
        label={t('orgs.fields.industry')}
        description={readOnly ? undefined : t('orgs.form.industryHint')}
        data={refOptions(INDUSTRIES, lang)}
        value={v.industry}
        onChange={(val) => set('industry', val)}
        error={errors.industry}
        searchable
        required
        readOnly={readOnly}
        placeholder={readOnly ? undefined : t('common.choose')}
        nothingFoundMessage={t('common.nothingFound')}
      />
      <TextInput
        label={t('orgs.fields.website') + (readOnly ? '' : t('common.optionalSuffix'))}
        description={readOnly ? undefined : t('orgs.form.websiteHint')}
        value={v.website}
        onChange={(e) => set('website', e.currentTarget.value)}
        onBlur={() => set('website', normaliseWebsite(v.website))}
        error={errors.website}
        type="url"
        inputMode="url"
        readOnly={readOnly}
        placeholder={readOnly ? undefined : 'https://example.co.jp'}
        autoComplete="url"
      />
    </Stack>
  );
}
