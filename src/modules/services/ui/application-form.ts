import type { TFunction } from 'i18next';
import { isEmail } from '../../../../web/src/validation.ts';
import {
  type Application,
  type DeskChannel,
  hasDevices,
  hasNetwork,
  type Offer,
  type ServiceType,
  type Tier,
} from './services-api.ts';

type Num = number | '';

/** The application form's state: flat, with '' for empty number inputs. */
export interface FormValues {
  name: string;
  tier: Tier;
  type: ServiceType;
  summary: string;
  description: string;
  easeDescription: string;
  allPrefectures: boolean;
  prefectures: string[];
  url: string;
  monitoredDevices: string;
  maxMonitoredDevices: Num;
  monitoringHours: Num;
  deskChannels: DeskChannel[];
  deskHours: string;
  firstResponseMinutes: Num;
  onsiteAvailable: boolean;
  onsiteRemoteOnly: boolean;
  onsiteTerms: string;
  onsiteWithinHours: Num;
  hasInsurance: boolean;
  insurer: string;
  coversInitialResponse: boolean;
  coverage: string;
  limitYen: Num;
  copayYen: Num;
  monthlyNetworkFee: Num;
  monthlyFeePerDevice: Num;
  initialFee: Num;
  minDevices: Num;
  minTermMonths: Num;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
}

export type FormErrors = Partial<Record<keyof FormValues, string>>;

export const emptyForm: FormValues = {
  name: '',
  tier: '1',
  type: 'network',
  summary: '',
  description: '',
  easeDescription: '',
  allPrefectures: false,
  prefectures: [],
  url: '',
  monitoredDevices: '',
  maxMonitoredDevices: '',
  monitoringHours: 24,
  deskChannels: [],
  deskHours: '',
  firstResponseMinutes: '',
  onsiteAvailable: false,
  onsiteRemoteOnly: false,
  onsiteTerms: '',
  onsiteWithinHours: '',
  hasInsurance: false,
  insurer: '',
  coversInitialResponse: false,
  coverage: '',
  limitYen: '',
  copayYen: '',
  monthlyNetworkFee: '',
  monthlyFeePerDevice: '',
  initialFee: '',
  minDevices: 1,
  minTermMonths: 12,
  contactName: '',
  contactEmail: '',
  contactPhone: '',
};

const num = (v: number | null | undefined): Num => (typeof v === 'number' ? v : '');
const opt = (v: Num): number | null => (v === '' ? null : v);

export function fromApplication(a: Application): FormValues {
  return {
    name: a.name,
    tier: a.tier,
    type: a.type,
    summary: a.summary,
    description: a.description,
    easeDescription: a.easeDescription,
    allPrefectures: a.prefectures.includes('all'),
    prefectures: a.prefectures.filter((p) => p !== 'all'),
    url: a.url ?? '',
    monitoredDevices: a.monitoredDevices,
    maxMonitoredDevices: num(a.maxMonitoredDevices),
    monitoringHours: a.monitoringHours,
    deskChannels: a.deskChannels,
    deskHours: a.deskHours,
    firstResponseMinutes: a.firstResponseMinutes,
    onsiteAvailable: a.onsite.available,
    onsiteRemoteOnly: a.onsite.remoteOnly,
    onsiteTerms: a.onsite.terms,
    onsiteWithinHours: num(a.onsiteWithinHours),
    hasInsurance: a.insurance !== null,
    insurer: a.insurance?.insurer ?? '',
    coversInitialResponse: a.insurance?.coversInitialResponse ?? false,
    coverage: a.insurance?.coverage ?? '',
    limitYen: num(a.insurance?.limitYen),
    copayYen: num(a.insurance?.copayYen),
    monthlyNetworkFee: num(a.monthlyNetworkFee),
    monthlyFeePerDevice: num(a.monthlyFeePerDevice),
    initialFee: num(a.initialFee),
    minDevices: a.minDevices,
    minTermMonths: a.minTermMonths,
    contactName: a.contact.name,
    contactEmail: a.contact.email,
    contactPhone: a.contact.phone,
  };
}

/** "example.co.jp" → "https://example.co.jp" */
export function normaliseUrl(value: string): string {
  const v = value.trim();
  if (!v) return '';
  return /^https?:\/\//i.test(v) ? v : `https://${v}`;
}

export function toApplication(v: FormValues): Application {
  return {
    name: v.name.trim(),
    tier: v.tier,
    type: v.type,
    summary: v.summary.trim(),
    description: v.description.trim(),
    monitoredDevices: v.monitoredDevices.trim(),
    maxMonitoredDevices: opt(v.maxMonitoredDevices),
    monitoringHours: v.monitoringHours === '' ? 0 : v.monitoringHours,
    prefectures: v.allPrefectures ? ['all'] : v.prefectures,
    firstResponseMinutes: v.firstResponseMinutes === '' ? 0 : v.firstResponseMinutes,
    onsiteWithinHours: v.onsiteAvailable ? opt(v.onsiteWithinHours) : null,
    deskChannels: v.deskChannels,
    deskHours: v.deskHours.trim(),
    onsite: {
      available: v.onsiteAvailable,
      remoteOnly: v.onsiteAvailable ? v.onsiteRemoteOnly : false,
      terms: v.onsiteTerms.trim(),
    },
    insurance: v.hasInsurance
      ? {
          insurer: v.insurer.trim(),
          coversInitialResponse: v.coversInitialResponse,
          coverage: v.coverage.trim(),
          limitYen: opt(v.limitYen),
          copayYen: opt(v.copayYen),
        }
      : null,
    monthlyNetworkFee: hasNetwork(v.type) ? opt(v.monthlyNetworkFee) : null,
    monthlyFeePerDevice: hasDevices(v.type) ? opt(v.monthlyFeePerDevice) : null,
    initialFee: opt(v.initialFee),
    minDevices: v.minDevices === '' ? 0 : v.minDevices,
    minTermMonths: v.minTermMonths === '' ? 0 : v.minTermMonths,
    contact: { name: v.contactName.trim(), email: v.contactEmail.trim(), phone: v.contactPhone.trim() },
    easeDescription: v.easeDescription.trim(),
    url: normaliseUrl(v.url) || null,
  };
}

/** What the live check sends: the form as the standard sees it (empty numbers become neutral values). */
export function toOffer(v: FormValues): Offer {
  const a = toApplication(v);
  return {
    tier: a.tier,
    type: a.type,
    monthlyNetworkFee: a.monthlyNetworkFee,
    monthlyFeePerDevice: a.monthlyFeePerDevice,
    minDevices: Math.max(1, a.minDevices),
    maxMonitoredDevices: a.maxMonitoredDevices,
    deskChannels: a.deskChannels,
    monitoringHours: Math.min(24, Math.max(0, a.monitoringHours)),
    onsite: { available: a.onsite.available, remoteOnly: a.onsite.remoteOnly },
    insurance: a.insurance
      ? { insurer: a.insurance.insurer, coversInitialResponse: a.insurance.coversInitialResponse }
      : null,
    easeDescription: a.easeDescription,
  };
}

/** Client-side checks only help the user fill the form; the server decides. */
export function validate(v: FormValues, t: TFunction): FormErrors {
  const e: FormErrors = {};
  const required = t('services.form.errors.required');
  const need = (key: keyof FormValues, ok: boolean) => {
    if (!ok) e[key] = required;
  };
  need('name', Boolean(v.name.trim()));
  need('summary', Boolean(v.summary.trim()));
  need('description', Boolean(v.description.trim()));
  need('monitoredDevices', Boolean(v.monitoredDevices.trim()));
  need('monitoringHours', v.monitoringHours !== '');
  need('deskHours', Boolean(v.deskHours.trim()));
  need('firstResponseMinutes', v.firstResponseMinutes !== '' && v.firstResponseMinutes >= 1);
  need('minDevices', v.minDevices !== '' && v.minDevices >= 1);
  need('minTermMonths', v.minTermMonths !== '' && v.minTermMonths >= 1);
  need('contactName', Boolean(v.contactName.trim()));
  need('contactPhone', Boolean(v.contactPhone.trim()));
  if (!v.allPrefectures && v.prefectures.length === 0) e.prefectures = t('services.form.errors.prefectures');
  if (!v.contactEmail.trim()) e.contactEmail = required;
  else if (!isEmail(v.contactEmail)) e.contactEmail = t('services.form.errors.email');
  if (v.contactPhone.trim() && !/^[0-9+\-() ]{6,20}$/.test(v.contactPhone.trim()))
    e.contactPhone = t('services.form.errors.phone');
  if (v.hasInsurance && !v.insurer.trim()) e.insurer = required;
  const url = normaliseUrl(v.url);
  if (url) {
    try {
      if (!new URL(url).hostname.includes('.')) e.url = t('services.form.errors.url');
    } catch {
      e.url = t('services.form.errors.url');
    }
  }
  return e;
}

const SERVER_FIELDS: Record<string, keyof FormValues> = {
  'contact.name': 'contactName',
  'contact.email': 'contactEmail',
  'contact.phone': 'contactPhone',
  'onsite.terms': 'onsiteTerms',
  'insurance.insurer': 'insurer',
  'insurance.coverage': 'coverage',
  'insurance.limitYen': 'limitYen',
  'insurance.copayYen': 'copayYen',
};

/** The server names fields by their JSON path ("contact.email", "prefectures.0"). */
export function mapServerFields(fields: Record<string, string>): FormErrors {
  const out: FormErrors = {};
  for (const [path, message] of Object.entries(fields)) {
    const base = path.replace(/\.\d+$/, '');
    const key = SERVER_FIELDS[base] ?? (base as keyof FormValues);
    if (key in emptyForm && !out[key]) out[key] = message;
  }
  return out;
}
