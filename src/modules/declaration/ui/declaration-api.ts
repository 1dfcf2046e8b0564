import { useQuery } from '@tanstack/react-query';
import { api } from '../../../../web/src/api.ts';
import { useLang } from '../../../../web/src/i18n.ts';
import { useMe } from '../../../../web/src/me.ts';

export type DeclStatus = 'active' | 'withdrawn' | 'revoked';

export interface Declaration {
  id: string;
  orgName: string;
  prefecture: string;
  industry: string;
  star: number;
  status: DeclStatus;
  declaredAt: string;
  endedAt: string | null;
  supersededBy: string | null;
  policyUrl: string | null;
}

export interface DeclarationOverview {
  diagnosis: { ok: boolean; at: string | null; link: string | null };
  policy: { ok: boolean; url: string | null; link: string | null };
  principles: { no: number; title: string; practice: string }[];
  current: Declaration | null;
  history: Declaration[];
  badge: { svgUrl: string; pngUrl: string; verifyUrl: string; snippet: string } | null;
}

export interface Supplier {
  id: string;
  label: string;
  corporateNumber: string | null;
  onMamori: boolean;
  declaration: { id: string; star: number; declaredAt: string } | null;
  diagnosisShared: boolean;
  latestDiagnosis: { total: number; at: string } | null;
}

export interface Buyer {
  orgId: string;
  name: string;
  diagnosisShared: boolean;
}

export interface RegistryQuery {
  q?: string;
  prefecture?: string;
  industry?: string;
  star?: number;
  page: number;
}

export interface RegistryStats {
  total: number;
  oneStar: number;
  twoStar: number;
  byPrefecture: { prefecture: string; name: string; oneStar: number; twoStar: number }[];
}

export const REGISTRY_PAGE_SIZE = 20;

export const declarationsKey = (orgId: string) => ['orgs', orgId, 'declarations'] as const;
export const suppliersKey = (orgId: string) => ['orgs', orgId, 'suppliers'] as const;
export const buyersKey = (orgId: string) => ['orgs', orgId, 'buyers'] as const;
export const REGISTRY_KEY = ['declarations', 'registry'] as const;

/** Principles are translated by the server, so the language is part of the key. */
export function useDeclarations(orgId: string | undefined) {
  const lang = useLang();
  return useQuery({
    queryKey: [...declarationsKey(orgId ?? ''), lang],
    queryFn: () => api<DeclarationOverview>(`/api/v1/orgs/${orgId}/declarations`),
    enabled: Boolean(orgId),
  });
}

export function useSuppliers(orgId: string | undefined) {
  return useQuery({
    queryKey: suppliersKey(orgId ?? ''),
    queryFn: () => api<{ items: Supplier[] }>(`/api/v1/orgs/${orgId}/suppliers`),
    enabled: Boolean(orgId),
  });
}

export function useBuyers(orgId: string | undefined) {
  return useQuery({
    queryKey: buyersKey(orgId ?? ''),
    queryFn: () => api<{ items: Buyer[] }>(`/api/v1/orgs/${orgId}/buyers`),
    enabled: Boolean(orgId),
  });
}

export function useRegistry(q: RegistryQuery) {
  return useQuery({
    queryKey: [...REGISTRY_KEY, 'search', q],
    queryFn: () =>
      api<{ items: Declaration[]; total: number }>('/api/v1/declarations', {
        query: { q: q.q, prefecture: q.prefecture, industry: q.industry, star: q.star, page: q.page },
      }),
    placeholderData: (prev) => prev,
  });
}

export function useRegistryStats() {
  const lang = useLang();
  return useQuery({
    queryKey: [...REGISTRY_KEY, 'stats', lang],
    queryFn: () => api<RegistryStats>('/api/v1/declarations/stats'),
  });
}

export function useOrgRole(orgId: string | undefined) {
  const me = useMe();
  return me.data?.orgs.find((o) => o.id === orgId)?.role ?? null;
}

/** Only the owner or a manager declares, withdraws and shares the diagnosis (server: declarers). */
export function canDeclare(role: string | null): boolean {
  return role === 'owner' || role === 'manager';
}

/** Keeping the supplier list is purchasing work (server: buyers). */
export function canKeepSuppliers(role: string | null): boolean {
  return role === 'owner' || role === 'manager' || role === 'practitioner';
}

/** "★★" for 2 — with the word for screen readers in `starLabel`. */
export const stars = (n: number) => '★'.repeat(n);

/** A URL from the server as a same-origin path where possible (the page's CSP allows images from 'self'). */
export function localPath(url: string): string {
  try {
    const u = new URL(url, window.location.origin);
    return u.origin === window.location.origin ? u.pathname + u.search : url;
  } catch {
    return url;
  }
}

/** Just the path and query of an absolute URL (for an <img> on this origin). */
export function pathOf(url: string): string {
  try {
    const u = new URL(url, window.location.origin);
    return u.pathname + u.search;
  } catch {
    return url;
  }
}
