import { useQuery } from '@tanstack/react-query';
import { api } from '../../../../web/src/api.ts';
import type { OrgKind, OrgRole } from '../../../../web/src/me.ts';

export interface Org {
  id: string;
  name: string;
  kind: OrgKind;
  corporateNumber: string | null;
  prefecture: string;
  industry: string;
  employees: string;
  website: string | null;
  createdAt: string;
  role: OrgRole;
}

export interface OrgProfile {
  name: string;
  corporateNumber?: string | null;
  prefecture: string;
  industry: string;
  employees: string;
  website?: string | null;
}

export interface Member {
  id: string;
  userId: string;
  name: string;
  email: string;
  role: OrgRole;
  joinedAt: string;
}

export interface Invitation {
  id: string;
  email: string;
  role: OrgRole;
  status: string;
  expiresAt: string;
  createdAt: string;
}

export interface InvitationView {
  id: string;
  orgName: string;
  orgKind: OrgKind;
  role: OrgRole;
  email: string;
  inviterName: string;
  status: string;
  expiresAt: string;
}

export const orgKey = (orgId: string) => ['orgs', orgId] as const;
export const membersKey = (orgId: string) => ['orgs', orgId, 'members'] as const;

export function useOrg(orgId: string | undefined) {
  return useQuery({
    queryKey: orgKey(orgId ?? ''),
    queryFn: () => api<Org>(`/api/v1/orgs/${orgId}`),
    enabled: Boolean(orgId),
  });
}

export function useMembers(orgId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: membersKey(orgId ?? ''),
    queryFn: () => api<{ members: Member[]; invitations: Invitation[] }>(`/api/v1/orgs/${orgId}/members`),
    enabled: Boolean(orgId) && enabled,
  });
}
