import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../../web/src/api.ts';
import { formatYen } from '../../../../web/src/format.ts';
import { type Lang, useLang } from '../../../../web/src/i18n.ts';
import { useMe } from '../../../../web/src/me.ts';

export type ServiceType = 'network' | 'endpoint' | 'both';
export type Tier = '1' | '2';
export type DeskChannel = 'phone' | 'mail' | 'web' | 'chat' | 'visit';
export type CheckStatus = 'ok' | 'fail' | 'review';
export type ServiceStatus =
  | 'draft'
  | 'submitted'
  | 'in_review'
  | 'changes_requested'
  | 'approved'
  | 'rejected';
export type ReviewAction = 'start_review' | 'request_changes' | 'approve' | 'reject';

export const SERVICE_TYPES: ServiceType[] = ['network', 'endpoint', 'both'];
export const TIERS: Tier[] = ['1', '2'];
export const DESK_CHANNELS: DeskChannel[] = ['phone', 'mail', 'web', 'chat', 'visit'];

export interface Application {
  name: string;
  tier: Tier;
  type: ServiceType;
  summary: string;
  description: string;
  monitoredDevices: string;
  maxMonitoredDevices?: number | null;
  monitoringHours: number;
  prefectures: string[];
  firstResponseMinutes: number;
  onsiteWithinHours?: number | null;
  deskChannels: DeskChannel[];
  deskHours: string;
  onsite: { available: boolean; remoteOnly: boolean; terms: string };
  insurance: {
    insurer: string;
    coversInitialResponse: boolean;
    coverage: string;
    limitYen?: number | null;
    copayYen?: number | null;
  } | null;
  monthlyNetworkFee?: number | null;
  monthlyFeePerDevice?: number | null;
  initialFee?: number | null;
  minDevices: number;
  minTermMonths: number;
  contact: { name: string; email: string; phone: string };
  easeDescription: string;
  url?: string | null;
}

/** The part of an application the standard checks automatically (POST /api/v1/services/check). */
export interface Offer {
  tier: Tier;
  type: ServiceType;
  monthlyNetworkFee?: number | null;
  monthlyFeePerDevice?: number | null;
  minDevices: number;
  maxMonitoredDevices?: number | null;
  deskChannels: DeskChannel[];
  monitoringHours: number;
  onsite: { available: boolean; remoteOnly: boolean };
  insurance: { insurer: string; coversInitialResponse: boolean } | null;
  easeDescription: string;
}

export interface CheckItem {
  id: string;
  title: string;
  status: CheckStatus;
  message: string;
}

export interface CheckResult {
  standardVersion: string;
  passed: boolean;
  results: CheckItem[];
}

export interface ReviewEntry {
  action: string;
  version: number;
  standardVersion: string;
  requirementId: string | null;
  requirementTitle: string | null;
  comment: string | null;
  createdAt: string;
}

export interface MyService {
  id: string;
  status: ServiceStatus;
  currentVersion: number;
  approvedVersion: number | null;
  updatedAt: string;
  data: Application;
  checks: CheckItem[];
  passed: boolean;
  reviews: ReviewEntry[];
}

export interface AdminService extends MyService {
  providerName: string;
}

export interface PublicService {
  id: string;
  providerName: string;
  version: number;
  approvedAt: string | null;
  standardVersion: string;
  data: Application;
}

export interface StandardTier {
  id: Tier;
  name: string;
  description: string;
  caps: { networkMonthly: number; endpointMonthlyPerDevice: number } | null;
  capsConfirmed: boolean;
  capsNote: string | null;
  minMonitoredDevices: number | null;
}

export interface Standard {
  version: string;
  title: string;
  taxNote: string;
  tiers: StandardTier[];
  requirements: { id: string; title: string; description: string }[];
}

export interface ContactRequest {
  id: string;
  serviceId: string;
  serviceName: string;
  smeOrgName: string;
  requesterName: string;
  requesterEmail: string;
  message: string;
  diagnosisTotal: number | null;
  createdAt: string;
}

export interface Estimate {
  eligible: boolean;
  rate: number;
  rateLabel: string;
  eligibleCost: number;
  subsidy: number;
  maxSubsidy: number;
  minSubsidy: number;
  reason?: string;
  reasonCode?: string;
  confirmed: boolean;
  note: string | null;
  scheme: string;
  conditions: string[];
}

export interface CatalogueQuery {
  type?: ServiceType;
  prefecture?: string;
  tier?: Tier;
  maxMonthly?: number;
  q?: string;
}

export const SERVICES_KEY = ['services'] as const;
export const myServicesKey = (orgId: string) => ['orgs', orgId, 'services'] as const;
export const ADMIN_SERVICES_KEY = ['admin', 'services'] as const;

/** The standard's texts are translated by the server, so the language is part of the key. */
export function useStandard() {
  const lang = useLang();
  return useQuery({
    queryKey: [...SERVICES_KEY, 'standard', lang],
    queryFn: () => api<Standard>('/api/v1/services/standard'),
    staleTime: 10 * 60_000,
  });
}

export function useCatalogue(q: CatalogueQuery) {
  return useQuery({
    queryKey: [...SERVICES_KEY, 'list', q],
    queryFn: () => api<{ items: PublicService[] }>('/api/v1/services', { query: { ...q } }),
    placeholderData: keepPreviousData,
  });
}

export function usePublicService(id: string | undefined) {
  return useQuery({
    queryKey: [...SERVICES_KEY, 'one', id ?? ''],
    queryFn: () => api<PublicService>(`/api/v1/services/${id}`),
    enabled: Boolean(id),
    retry: false,
  });
}

export function useMyServices(orgId: string | undefined, enabled = true) {
  const lang = useLang();
  return useQuery({
    queryKey: [...myServicesKey(orgId ?? ''), lang],
    queryFn: () => api<{ items: MyService[] }>(`/api/v1/orgs/${orgId}/services`),
    enabled: Boolean(orgId) && enabled,
  });
}

export function useMyService(orgId: string | undefined, serviceId: string | undefined) {
  const lang = useLang();
  return useQuery({
    queryKey: [...myServicesKey(orgId ?? ''), serviceId ?? '', lang],
    queryFn: () => api<MyService>(`/api/v1/orgs/${orgId}/services/${serviceId}`),
    enabled: Boolean(orgId && serviceId),
  });
}

export function useServiceRequests(orgId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: ['orgs', orgId ?? '', 'service-requests'],
    queryFn: () => api<{ items: ContactRequest[] }>(`/api/v1/orgs/${orgId}/service-requests`),
    enabled: Boolean(orgId) && enabled,
  });
}

export function useAdminServices(status: 'open' | 'all') {
  const lang = useLang();
  return useQuery({
    queryKey: [...ADMIN_SERVICES_KEY, 'list', status, lang],
    queryFn: () => api<{ items: AdminService[] }>('/api/v1/admin/services', { query: { status } }),
  });
}

export function useAdminService(id: string | undefined) {
  const lang = useLang();
  return useQuery({
    queryKey: [...ADMIN_SERVICES_KEY, 'one', id ?? '', lang],
    queryFn: () => api<AdminService>(`/api/v1/admin/services/${id}`),
    enabled: Boolean(id),
  });
}

/** The organisation with this id among the signed-in user's organisations (kind and role). */
export function useMyOrg(orgId: string | undefined) {
  const me = useMe();
  return { me, org: me.data?.orgs.find((o) => o.id === orgId) ?? null };
}

/** Providers' managers apply for and edit services (server: applicants). */
export function canApply(role: string | null | undefined): boolean {
  return role === 'owner' || role === 'manager';
}

/** "9,800円" / "¥9,800" */
export function yen(n: number | null | undefined, lang: Lang): string {
  if (n === null || n === undefined) return '';
  return formatYen(n, lang);
}

export function hasNetwork(type: ServiceType): boolean {
  return type !== 'endpoint';
}

export function hasDevices(type: ServiceType): boolean {
  return type !== 'network';
}

/** The requirements a service of this tier and type is checked against. */
export function requirementsFor(std: Standard, tier: Tier, type: ServiceType) {
  return std.requirements.filter((r) => r.id !== 'tier2_devices' || (tier === '2' && hasNetwork(type)));
}

/** Groups the flat review log: each action with the per-requirement comments recorded with it. */
export interface ReviewGroup {
  entry: ReviewEntry;
  comments: ReviewEntry[];
}

/**
 * The server lists the log newest first; an action and its comments are written in one statement and
 * share version and time, so they are grouped by those. Groups come newest first.
 */
export function groupReviews(reviews: ReviewEntry[], order: string[] = []): ReviewGroup[] {
  const byKey = new Map<string, ReviewGroup>();
  const orphans: ReviewEntry[] = [];
  for (const r of reviews) {
    if (r.action === 'comment') continue;
    byKey.set(`${r.version}|${r.createdAt}`, { entry: r, comments: [] });
  }
  for (const r of reviews) {
    if (r.action !== 'comment') continue;
    const g = byKey.get(`${r.version}|${r.createdAt}`);
    if (g) g.comments.push(r);
    else orphans.push(r);
  }
  const rank = (id: string | null) => {
    const i = id ? order.indexOf(id) : -1;
    return i < 0 ? order.length : i;
  };
  const groups = [...byKey.values(), ...orphans.map((o) => ({ entry: o, comments: [] }))];
  for (const g of groups) g.comments.sort((a, b) => rank(a.requirementId) - rank(b.requirementId));
  return groups.sort((a, b) => b.entry.createdAt.localeCompare(a.entry.createdAt));
}

/** The change requests the provider has not answered yet (comments of the last 'request_changes'). */
export function openRequests(s: MyService, order: string[] = []): ReviewGroup | null {
  if (s.status !== 'changes_requested') return null;
  return groupReviews(s.reviews, order).find((g) => g.entry.action === 'request_changes') ?? null;
}
