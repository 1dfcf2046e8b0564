import { type QueryClient, useQuery } from '@tanstack/react-query';
import { ApiError, api } from './api.ts';

export type OrgKind = 'sme' | 'provider';
export type OrgRole = 'owner' | 'practitioner' | 'employee' | 'manager' | 'analyst';

export interface MeUser {
  id: string;
  email: string;
  name: string;
  emailVerified: boolean;
  twoFactorEnabled: boolean;
  isOperator: boolean;
  locale: 'ja' | 'en' | string;
}
export interface MeOrg {
  id: string;
  name: string;
  kind: OrgKind;
  role: OrgRole;
}
export interface Me {
  user: MeUser;
  orgs: MeOrg[];
  activeOrgId: string | null;
}

export const ME_KEY = ['me'] as const;

async function fetchMe(): Promise<Me | null> {
  try {
    return await api<Me>('/api/v1/me');
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return null;
    throw err;
  }
}

/** The signed-in user (null when signed out). */
export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 30_000, retry: 1 });
}

export function activeOrg(me: Me | null | undefined): MeOrg | null {
  if (!me) return null;
  return me.orgs.find((o) => o.id === me.activeOrgId) ?? me.orgs[0] ?? null;
}

/** After sign-in / sign-out / org changes: reload "me" and forget everything cached for the old session. */
export async function refreshSession(qc: QueryClient): Promise<void> {
  qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
  await qc.invalidateQueries({ queryKey: ME_KEY });
}

export function canManage(role: OrgRole | undefined | null): boolean {
  return role === 'owner' || role === 'manager';
}
