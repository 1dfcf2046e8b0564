import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../../web/src/api.ts';
import { useLang } from '../../../../web/src/i18n.ts';
import { useMe } from '../../../../web/src/me.ts';

export const incidentStatuses = [
  'new',
  'triaged',
  'contacted',
  'remote_support',
  'onsite',
  'resolved',
  'closed',
] as const;
export type IncidentStatus = (typeof incidentStatuses)[number];
export type Verdict = 'true_positive' | 'false_positive' | 'benign';
export type Category = 'mail' | 'malware' | 'access' | 'health';

export interface IncidentSummary {
  id: string;
  orgId: string;
  customerName: string | null;
  status: IncidentStatus;
  severity: number;
  entity: string;
  firstSeenAt: string;
  lastSeenAt: string;
  alertCount: number;
  assignee: { id: string; name: string } | null;
  verdict: Verdict | null;
  escalated: boolean;
  ruleIds: string[];
  providerDoing: string | null;
  ruleId: string | null;
  title: string;
  what: string;
  actions: string[];
  category: Category;
  target: Record<string, string>;
}
export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
export interface Step {
  fromStatus: string | null;
  toStatus: IncidentStatus;
  actor: string | null;
  note: string | null;
  at: string;
}
export interface IncidentDetail extends IncidentSummary {
  verdictReason: string | null;
  steps: Step[];
  providerName: string | null;
  viewer: 'member' | 'provider';
  next: IncidentStatus[];
}
export interface Note {
  id: string;
  author: string;
  side: 'provider' | 'customer';
  visibility: 'internal' | 'shared';
  body: string;
  createdAt: string;
}
export interface AlertItem {
  id: string;
  ruleId: string;
  title: string;
  severity: number;
  count: number;
  status: string;
  target: Record<string, string>;
  firstSeenAt: string;
  lastSeenAt: string;
}
type Counts = { mail: number; malware: number; access: number };
export interface Figures {
  from: string;
  blocked: Counts;
  detected: Counts;
  bySensor: Array<{ sensorId: string; name: string; blocked: number; detected: number }>;
}
export interface SensorHealth {
  id: string;
  name: string;
  lastSeenAt: string | null;
  status: 'waiting' | 'ok' | 'silent' | 'revoked';
}
export interface Dashboard {
  week: Figures;
  month: Figures;
  openIncidents: { items: IncidentSummary[]; total: number };
  sensors: SensorHealth[];
  timeline: Array<{ day: string; blocked: number; detected: number }>;
  providers: Array<{ id: string; name: string }>;
}
export interface Sensor extends SensorHealth {
  kind: 'utm' | 'edr' | 'ids' | 'other';
  vendor: string | null;
  sourceAddress: string | null;
  hostname: string | null;
  tokenPrefix: string;
  expectedIntervalMinutes: number;
  createdAt: string;
}
/** A sensor as listed: what it sent in the last 24 hours and the lines it sent that could not be read. */
export interface ListedSensor extends Sensor {
  traffic: {
    last24h: number;
    thisHour: number;
    failedLast24h: number;
    hours: Array<{ hour: string; events: number; failures: number }>;
  };
  parseFailures: Array<{ reason: string; count: number; sample: string | null; lastAt: string }>;
}
export interface Customer {
  orgId: string;
  name: string;
  since: string;
  openIncidents: number;
  newIncidents: number;
  sensors: number;
  silentSensors: number;
}
export interface ServiceLink {
  providerOrgId: string;
  providerName: string;
  customerOrgId: string;
  customerName: string;
  since: string;
}
export interface Webhook {
  url: string;
  lastStatus: number | null;
  lastError: string | null;
  lastAt: string | null;
  signatureHeader: string;
}
export interface QueueFilters {
  customer?: string | null;
  severity?: string | null;
  status?: string | null;
  rule?: string | null;
  assignee?: string | null;
  page: number;
}

export const deskKeys = {
  all: ['monitoring-desk'] as const,
  org: (orgId: string) => ['monitoring-desk', orgId] as const,
};

/** The organisation of the page from "me": its kind and the viewer's role in it (null if none). */
export function useOrgOf(orgId: string | undefined) {
  const me = useMe();
  return me.data?.orgs.find((o) => o.id === orgId) ?? null;
}

export function useDashboard(orgId: string | undefined) {
  const lang = useLang();
  return useQuery({
    queryKey: [...deskKeys.org(orgId ?? ''), 'dashboard', lang],
    queryFn: () => api<Dashboard>(`/api/v1/orgs/${orgId}/monitoring/dashboard`),
    enabled: Boolean(orgId),
    refetchInterval: 60_000,
  });
}

export function useQueue(orgId: string | undefined, f: QueueFilters) {
  const lang = useLang();
  return useQuery({
    queryKey: [...deskKeys.org(orgId ?? ''), 'queue', f, lang],
    queryFn: () =>
      api<Paged<IncidentSummary>>(`/api/v1/orgs/${orgId}/monitoring/queue`, {
        query: { ...f } as Record<string, string | number | null | undefined>,
      }),
    enabled: Boolean(orgId),
    placeholderData: keepPreviousData,
    refetchInterval: 30_000,
  });
}

export function useIncidents(orgId: string | undefined, status: string, page: number) {
  const lang = useLang();
  return useQuery({
    queryKey: [...deskKeys.org(orgId ?? ''), 'incidents', status, page, lang],
    queryFn: () =>
      api<Paged<IncidentSummary>>(`/api/v1/orgs/${orgId}/incidents`, { query: { status, page } }),
    enabled: Boolean(orgId),
    placeholderData: keepPreviousData,
  });
}

export function useIncident(orgId: string | undefined, id: string | undefined) {
  const lang = useLang();
  return useQuery({
    queryKey: [...deskKeys.org(orgId ?? ''), 'incident', id, lang],
    queryFn: () => api<IncidentDetail>(`/api/v1/orgs/${orgId}/incidents/${id}`),
    enabled: Boolean(orgId && id),
  });
}

export function useIncidentNotes(orgId: string, id: string, page: number) {
  return useQuery({
    queryKey: [...deskKeys.org(orgId), 'incident', id, 'notes', page],
    queryFn: () => api<Paged<Note>>(`/api/v1/orgs/${orgId}/incidents/${id}/notes`, { query: { page } }),
    placeholderData: keepPreviousData,
  });
}

export function useIncidentAlerts(orgId: string, id: string, page: number) {
  const lang = useLang();
  return useQuery({
    queryKey: [...deskKeys.org(orgId), 'incident', id, 'alerts', page, lang],
    queryFn: () => api<Paged<AlertItem>>(`/api/v1/orgs/${orgId}/incidents/${id}/alerts`, { query: { page } }),
    placeholderData: keepPreviousData,
  });
}

export function useSensors(orgId: string | undefined) {
  return useQuery({
    queryKey: [...deskKeys.org(orgId ?? ''), 'sensors'],
    queryFn: () => api<{ items: ListedSensor[] }>(`/api/v1/orgs/${orgId}/sensors`),
    enabled: Boolean(orgId),
  });
}

export function useCustomers(orgId: string | undefined, page: number, pageSize = 25) {
  return useQuery({
    queryKey: [...deskKeys.org(orgId ?? ''), 'customers', page, pageSize],
    queryFn: () =>
      api<Paged<Customer>>(`/api/v1/orgs/${orgId}/monitoring/customers`, { query: { page, pageSize } }),
    enabled: Boolean(orgId),
    placeholderData: keepPreviousData,
  });
}

export function useProviders(orgId: string | undefined) {
  return useQuery({
    queryKey: [...deskKeys.org(orgId ?? ''), 'providers'],
    queryFn: () => api<{ items: ServiceLink[] }>(`/api/v1/orgs/${orgId}/providers`),
    enabled: Boolean(orgId),
  });
}

export function useRules() {
  const lang = useLang();
  return useQuery({
    queryKey: ['monitoring-rules', lang],
    queryFn: () =>
      api<Array<{ id: string; level: string; title: string; what: string }>>('/api/v1/monitoring/rules'),
    staleTime: 10 * 60_000,
  });
}

export const severityColor = (s: number) =>
  s >= 4 ? 'red' : s === 3 ? 'orange' : s === 2 ? 'yellow' : 'gray';
export const statusColor = (s: IncidentStatus) =>
  s === 'new' ? 'red' : s === 'resolved' || s === 'closed' ? 'teal' : 'blue';

/** The SME whose monitoring pages are open, and whether the viewer is its member or its provider's staff. */
export function useOrgContext(orgId: string | undefined) {
  const mine = useOrgOf(orgId);
  const q = useQuery({
    queryKey: [...deskKeys.org(orgId ?? ''), 'context'],
    queryFn: () =>
      api<{ orgName: string; viewer: 'member' | 'provider'; role: string }>(
        `/api/v1/orgs/${orgId}/monitoring/context`,
      ),
    enabled: Boolean(orgId) && mine?.kind !== 'provider',
    staleTime: 60_000,
  });
  return {
    name: mine?.name ?? q.data?.orgName ?? '',
    viewer: mine ? 'member' : q.data?.viewer,
    role: mine?.role,
  };
}
