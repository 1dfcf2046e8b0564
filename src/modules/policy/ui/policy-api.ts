import { useQuery } from '@tanstack/react-query';
import { api } from '../../../../web/src/api.ts';
import { useLang } from '../../../../web/src/i18n.ts';
import { useMe } from '../../../../web/src/me.ts';

export type TemplateId = 'basic-policy' | 'rules' | 'handbook';
export type FieldType = 'text' | 'textarea' | 'date' | 'number' | 'select' | 'boolean';
export type FieldValue = string | number | boolean | null;
export type PolicyStatus = 'draft' | 'approved';

export interface TemplateField {
  id: string;
  type: FieldType;
  label: string;
  help: string | null;
  required: boolean;
  min: number | null;
  max: number | null;
  options: { value: string; label: string }[] | null;
}

export interface PolicyTemplate {
  id: TemplateId;
  title: string;
  description: string;
  fields: TemplateField[];
  sections: { id: string; heading: string; optional: boolean }[];
}

export interface PolicySummary {
  id: string;
  template: TemplateId;
  title: string;
  version: number;
  status: PolicyStatus;
  updatedAt: string;
  publishedAt: string | null;
  publicUrl: string | null;
}

export interface PolicyVersion {
  version: number;
  status: PolicyStatus;
  createdAt: string;
  updatedAt: string;
  approvedAt: string | null;
  approvedByName: string | null;
}

export interface PolicyDocument {
  id: string;
  template: TemplateId;
  publishedVersion: number | null;
  publishedAt: string | null;
  publicUrl: string | null;
  versions: PolicyVersion[];
  current: {
    version: number;
    status: PolicyStatus;
    fields: Record<string, FieldValue>;
    sections: Record<string, boolean>;
  };
}

export interface PolicyDefaults {
  template: TemplateId;
  fields: Record<string, FieldValue>;
  sections: Record<string, boolean>;
  basedOnDiagnosis: string | null;
}

export interface DiffLine {
  change: 'same' | 'added' | 'removed';
  text: string;
}

export const TEMPLATE_ORDER: TemplateId[] = ['basic-policy', 'rules', 'handbook'];

/** Everything cached for one organisation's policies starts with this key. */
export const policiesKey = (orgId: string) => ['orgs', orgId, 'policies'] as const;
export const policyKey = (orgId: string, id: string) => ['orgs', orgId, 'policies', id] as const;

/** The templates are in the UI language (the server translates labels and help texts). */
export function useTemplates() {
  const lang = useLang();
  return useQuery({
    queryKey: ['policy', 'templates', lang],
    queryFn: () => api<PolicyTemplate[]>('/api/v1/policy/templates'),
    staleTime: 10 * 60_000,
  });
}

export function usePolicies(orgId: string | undefined) {
  return useQuery({
    queryKey: policiesKey(orgId ?? ''),
    queryFn: () => api<{ items: PolicySummary[] }>(`/api/v1/orgs/${orgId}/policies`),
    enabled: Boolean(orgId),
  });
}

export function usePolicy(orgId: string | undefined, id: string | undefined) {
  return useQuery({
    queryKey: policyKey(orgId ?? '', id ?? ''),
    queryFn: () => api<PolicyDocument>(`/api/v1/orgs/${orgId}/policies/${id}`),
    enabled: Boolean(orgId && id),
  });
}

export function useDefaults(orgId: string | undefined, template: string | undefined) {
  return useQuery({
    queryKey: [...policiesKey(orgId ?? ''), 'defaults', template ?? ''],
    queryFn: () => api<PolicyDefaults>(`/api/v1/orgs/${orgId}/policies/defaults`, { query: { template } }),
    enabled: Boolean(orgId && template),
  });
}

export function exportUrl(
  orgId: string,
  id: string,
  format: 'docx' | 'pdf' | 'html',
  lang: string,
  version?: number,
): string {
  const q = new URLSearchParams({ format, lang });
  if (version) q.set('version', String(version));
  return `/api/v1/orgs/${orgId}/policies/${id}/export?${q.toString()}`;
}

/** The signed-in user's role in an organisation (from "me"). */
export function useOrgRole(orgId: string | undefined) {
  const me = useMe();
  return me.data?.orgs.find((o) => o.id === orgId)?.role ?? null;
}

export function canWrite(role: string | null): boolean {
  return role === 'owner' || role === 'manager' || role === 'practitioner';
}
