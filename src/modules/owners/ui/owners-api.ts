import { useQuery } from '@tanstack/react-query';
import { api } from '../../../../web/src/api.ts';
import { useLang } from '../../../../web/src/i18n.ts';
import type { OrgRole } from '../../../../web/src/me.ts';

export type ActionStatus = 'not_started' | 'in_progress' | 'done';
export const STATUSES: readonly ActionStatus[] = ['not_started', 'in_progress', 'done'];
export type Confidentiality = 'yes' | 'no' | 'unknown';
export type Declared = 'none' | 'one_star' | 'two_star';

export interface OwnerAction {
  no: number;
  principle: number;
  title: string;
  why: string;
  steps: string[];
  links: { path: string; label: string }[];
  reviewMonths: number;
  status: ActionStatus;
  responsibleUserId: string | null;
  responsibleName: string | null;
  note: string | null;
  reviewDate: string | null;
  overdue: boolean;
  dueToday: boolean;
  updatedAt: string | null;
}

export interface Corner {
  principles: { no: number; title: string; body: string }[];
  actions: OwnerAction[];
  summary: {
    done: number;
    inProgress: number;
    notStarted: number;
    overdue: number;
    total: number;
    next: number | null;
  };
  contractors: { total: number; withoutTerms: number; unknownTerms: number };
  canEdit: boolean;
}

export interface ActionPatch {
  status?: ActionStatus;
  responsibleUserId?: string | null;
  note?: string;
  reviewDate?: string | null;
}

export interface Contractor {
  id: string;
  name: string;
  entrusted: string;
  confidentiality: Confidentiality;
  declared: Declared;
  declarationId: string | null;
  corporateNumber: string | null;
  note: string | null;
  registry: {
    id: string;
    orgName: string;
    star: number;
    status: 'active' | 'withdrawn' | 'revoked';
    verifyUrl: string;
  } | null;
  mismatch: boolean;
  updatedAt: string;
}

export interface ContractorInput {
  name: string;
  entrusted: string;
  confidentiality: Confidentiality;
  declared: Declared;
  declarationId: string | null;
  corporateNumber: string | null;
  note: string;
}

export interface ContractorPage {
  items: Contractor[];
  total: number;
  page: number;
  pageSize: number;
}

export interface Why {
  minutes: number;
  title: string;
  lead: string;
  reasons: { title: string; items: { title: string; body: string }[] };
  pitfalls: {
    title: string;
    items: { title: string; body: string; fix: string; actions: { no: number; title: string }[] }[];
  };
  principles: { no: number; title: string; body: string }[];
  closing: string;
}

export interface OrgMember {
  userId: string;
  name: string;
  email: string;
  role: OrgRole;
}

export const cornerKey = (orgId: string) => ['owners', orgId, 'corner'] as const;
export const contractorsKey = (orgId: string) => ['owners', orgId, 'contractors'] as const;

export function useCorner(orgId: string | undefined) {
  const lang = useLang();
  return useQuery({
    queryKey: [...cornerKey(orgId ?? ''), lang],
    queryFn: () => api<Corner>(`/api/v1/orgs/${orgId}/owners`),
    enabled: Boolean(orgId),
  });
}

export function useContractors(orgId: string, q: string, page: number, enabled = true) {
  return useQuery({
    queryKey: [...contractorsKey(orgId), q, page],
    queryFn: () =>
      api<ContractorPage>(`/api/v1/orgs/${orgId}/owners/contractors`, { query: { q: q || undefined, page } }),
    enabled,
    placeholderData: (prev) => prev,
  });
}

export function useWhy() {
  const lang = useLang();
  return useQuery({ queryKey: ['owners', 'why', lang], queryFn: () => api<Why>('/api/v1/owners/why') });
}

export function useOrgMembers(orgId: string, enabled = true) {
  return useQuery({
    queryKey: ['orgs', orgId, 'members'],
    queryFn: () => api<{ members: OrgMember[] }>(`/api/v1/orgs/${orgId}/members`),
    enabled: Boolean(orgId) && enabled,
  });
}

/** Today in Japan as YYYY-MM-DD (review dates are calendar days there). */
export function todayJst(now = new Date()): string {
  return now.toLocaleDateString('sv-SE', { timeZone: 'Asia/Tokyo' });
}

/** The day `months` after `from` (YYYY-MM-DD), clamped to the month's last day. */
export function addMonths(from: string, months: number): string {
  const [y, m, d] = from.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}
