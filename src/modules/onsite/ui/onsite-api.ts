import { useQuery } from '@tanstack/react-query';
import { ApiError, api } from '../../../../web/src/api.ts';
import { formatMinutes, formatYen } from '../../../../web/src/format.ts';
import i18n, { currentLang, useLang } from '../../../../web/src/i18n.ts';

export type DispatchStatus = 'requested' | 'scheduled' | 'on_site' | 'work_done' | 'confirmed' | 'cancelled';
export type ClaimStatus = 'draft' | 'submitted' | 'approved' | 'rejected' | 'paid';

export const DISPATCH_STATUSES: DispatchStatus[] = [
  'requested',
  'scheduled',
  'on_site',
  'work_done',
  'confirmed',
  'cancelled',
];
export const CLAIM_STATUSES: ClaimStatus[] = ['draft', 'submitted', 'approved', 'rejected', 'paid'];

export interface CostItem {
  label: string;
  amountYen: number;
}

export interface Step {
  kind: string;
  actorName: string | null;
  note: string | null;
  at: string;
}

export interface IncidentSummary {
  id: string;
  entity: string;
  status: string;
  severity: number;
  firstSeenAt: string;
  lastSeenAt: string;
  alertCount: number;
}

export interface Dispatch {
  id: string;
  orgId: string;
  orgName: string;
  providerOrgId: string;
  providerName: string;
  incidentId: string | null;
  status: DispatchStatus;
  reason: string;
  siteAddress: string | null;
  contactName: string | null;
  contactPhone: string | null;
  preferredAt: string | null;
  requestedAt: string;
  engineerName: string | null;
  scheduledAt: string | null;
  arrivedAt: string | null;
  workSummary: string | null;
  workMinutes: number | null;
  costs: CostItem[];
  totalYen: number;
  workDoneAt: string | null;
  confirmedAt: string | null;
  cancelledAt: string | null;
  updatedAt: string;
}

export interface DispatchDetail extends Dispatch {
  incident: IncidentSummary | null;
  steps: Step[];
  side: 'sme' | 'provider';
  can: {
    schedule: boolean;
    arrive: boolean;
    recordWork: boolean;
    confirm: boolean;
    dispute: boolean;
    cancel: boolean;
    claim: boolean;
  };
}

export interface ClaimItem extends CostItem {
  source: 'dispatch' | 'manual' | string;
}

export interface Attachment {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  createdAt: string;
}

export interface Claim {
  id: string;
  orgId: string;
  orgName: string;
  providerOrgId: string;
  providerName: string;
  incidentId: string;
  dispatchId: string | null;
  status: ClaimStatus;
  insurer: string;
  policyNumber: string;
  lossDate: string;
  coveredItems: ClaimItem[];
  otherCosts: CostItem[];
  coveredTotalYen: number;
  otherTotalYen: number;
  notes: string | null;
  approvedAmountYen: number | null;
  createdAt: string;
  submittedAt: string | null;
  decidedAt: string | null;
  paidAt: string | null;
  updatedAt: string;
}

export interface ClaimDetail extends Claim {
  incident: IncidentSummary | null;
  attachments: Attachment[];
  steps: Step[];
  side: 'sme' | 'provider';
  can: { edit: boolean; attach: boolean; moveTo: ClaimStatus[] };
}

export interface Page<T> {
  items: T[];
  total: number;
}

export const PAGE_SIZE = 20;

export const onsiteKeys = {
  all: ['onsite'] as const,
  dispatches: (orgId: string, q: object) => ['onsite', orgId, 'dispatches', q] as const,
  dispatch: (orgId: string, id: string) => ['onsite', orgId, 'dispatch', id] as const,
  claims: (orgId: string, q: object) => ['onsite', orgId, 'claims', q] as const,
  claim: (orgId: string, id: string) => ['onsite', orgId, 'claim', id] as const,
};

export const dispatchesUrl = (orgId: string) => `/api/v1/orgs/${orgId}/onsite/dispatches`;
export const claimsUrl = (orgId: string) => `/api/v1/orgs/${orgId}/onsite/claims`;

export function useDispatches(
  orgId: string | undefined,
  q: { status?: string | null; page: number; incident?: string; pageSize?: number; customer?: string | null },
) {
  return useQuery({
    queryKey: onsiteKeys.dispatches(orgId ?? '', q),
    queryFn: () =>
      api<Page<Dispatch>>(dispatchesUrl(orgId as string), {
        query: {
          status: q.status,
          page: q.page,
          pageSize: q.pageSize ?? PAGE_SIZE,
          incident: q.incident,
          customer: q.customer,
        },
      }),
    enabled: Boolean(orgId),
  });
}

export function useDispatch(orgId: string | undefined, id: string | undefined) {
  return useQuery({
    queryKey: onsiteKeys.dispatch(orgId ?? '', id ?? ''),
    queryFn: () => api<DispatchDetail>(`${dispatchesUrl(orgId as string)}/${id}`),
    enabled: Boolean(orgId && id),
  });
}

export function useClaims(
  orgId: string | undefined,
  q: { status?: string | null; page: number; customer?: string | null },
) {
  return useQuery({
    queryKey: onsiteKeys.claims(orgId ?? '', q),
    queryFn: () =>
      api<Page<Claim>>(claimsUrl(orgId as string), {
        query: { status: q.status, page: q.page, pageSize: PAGE_SIZE, customer: q.customer },
      }),
    enabled: Boolean(orgId),
  });
}

export function useClaim(orgId: string | undefined, id: string | undefined) {
  return useQuery({
    queryKey: onsiteKeys.claim(orgId ?? '', id ?? ''),
    queryFn: () => api<ClaimDetail>(`${claimsUrl(orgId as string)}/${id}`),
    enabled: Boolean(orgId && id),
  });
}

export interface ServiceLink {
  providerOrgId: string;
  providerName: string;
  customerOrgId: string;
  customerName: string;
}

export function useProviders(smeOrgId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: ['orgs', smeOrgId, 'providers'],
    queryFn: () => api<{ items: ServiceLink[] }>(`/api/v1/orgs/${smeOrgId}/providers`),
    enabled: Boolean(smeOrgId) && enabled,
  });
}

export function useCustomers(providerOrgId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: ['orgs', providerOrgId, 'customers'],
    queryFn: () => api<{ items: ServiceLink[] }>(`/api/v1/orgs/${providerOrgId}/customers`),
    enabled: Boolean(providerOrgId) && enabled,
  });
}

interface Alert {
  id: string;
  summary: string;
  severity: number;
  firstSeenAt: string;
  lastSeenAt: string;
  incidentId: string | null;
}

export interface IncidentOption {
  id: string;
  summary: string;
  severity: number;
  lastSeenAt: string;
}

/** The SME's recent incidents, named by what was detected (from the monitoring alerts API). */
export function useIncidentOptions(smeOrgId: string | undefined) {
  // The summaries come in the UI language, so a switch of language asks again.
  const lang = useLang();
  return useQuery({
    queryKey: ['onsite', smeOrgId, 'incident-options', lang],
    queryFn: async () => {
      const r = await api<{ items: Alert[] }>(`/api/v1/orgs/${smeOrgId}/alerts`);
      const byIncident = new Map<string, IncidentOption>();
      for (const a of r.items) {
        if (!a.incidentId) continue;
        const seen = byIncident.get(a.incidentId);
        if (!seen) {
          byIncident.set(a.incidentId, {
            id: a.incidentId,
            summary: a.summary,
            severity: a.severity,
            lastSeenAt: a.lastSeenAt,
          });
        } else if (a.severity > seen.severity) {
          seen.severity = a.severity;
        }
      }
      return [...byIncident.values()];
    },
    enabled: Boolean(smeOrgId),
  });
}

/** Sends a file as it is (its own Content-Type), with the UI language for the error message. */
export async function uploadFile(url: string, file: File): Promise<Attachment> {
  const res = await fetch(`${url}?name=${encodeURIComponent(file.name)}`, {
    method: 'POST',
    headers: { 'Content-Type': file.type || 'application/octet-stream', 'Accept-Language': currentLang() },
    body: file,
    credentials: 'same-origin',
  });
  const data = (await res.json().catch(() => undefined)) as
    | (Attachment & { error?: { code: string; message: string } })
    | undefined;
  if (!res.ok) {
    throw new ApiError(
      res.status,
      data?.error?.code ?? `http_${res.status}`,
      data?.error?.message ?? i18n.t('common.errors.request', { status: res.status }),
    );
  }
  return data as Attachment;
}

export const yen = (n: number, lang: string) => formatYen(n, lang === 'en' ? 'en' : 'ja');

export const minutesText = (min: number, lang: string) => formatMinutes(min, lang === 'en' ? 'en' : 'ja');

/** A `datetime-local` value (the browser's clock) as an ISO instant, or undefined when empty. */
export function localToIso(v: string): string | undefined {
  if (!v) return undefined;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

export function isoToLocal(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
