import { useQuery } from '@tanstack/react-query';
import { api } from '../../../../web/src/api.ts';
import { useLang } from '../../../../web/src/i18n.ts';

export interface Contact {
  kind: 'phone' | 'email' | 'web';
  value: string;
  label: string;
  hours: string | null;
  /** Taken from an older source: people should confirm it on the official site. */
  check: boolean;
  urgent: boolean;
  href: string;
}

export interface Referral {
  id: string;
  name: string;
  about: string;
  url: string | null;
  contacts: Contact[];
}

export type Phase = 'first' | 'inside' | 'outside' | 'after';
export const PHASES: readonly Phase[] = ['first', 'inside', 'outside', 'after'];

export interface TopicSummary {
  id: string;
  title: string;
  summary: string;
  signs: string[];
}

export interface Step {
  id: string;
  phase: Phase;
  text: string;
  detail: string | null;
  referral: Referral | null;
}

export interface TopicDetail extends TopicSummary {
  dont: string[];
  steps: Step[];
  reportForms: { id: FormId; title: string }[];
  threats: { id: string; rank: number; title: string }[];
}

export interface ThreatListMeta {
  year: number;
  publishedOn: string;
  sourceUrl: string;
  orderConfirmed: boolean;
}
export interface ThreatSummary {
  id: string;
  rank: number;
  title: string;
  summary: string;
}
export interface ThreatList extends ThreatListMeta {
  items: ThreatSummary[];
}
export interface ThreatDetail extends ThreatSummary, ThreatListMeta {
  impact: string;
  measures: string[];
  diagnosisItems: { no: number; topic: string }[];
  learningThemes: { id: string; title: string }[];
  guideTopics: { id: string; title: string }[];
}

export type CaseStatus = 'open' | 'closed';
export type FormId = 'virus' | 'unauthorized-access';

export interface CaseSummary {
  id: string;
  topic: string;
  topicTitle: string;
  title: string;
  status: CaseStatus;
  incidentId: string | null;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  doneCount: number;
  stepCount: number;
}

export interface CaseDetail extends CaseSummary {
  notes: string;
  steps: { stepId: string; doneAt: string; doneByName: string | null }[];
  reports: { id: FormId; title: string; savedAt: string | null }[];
  people: { name: string; email: string; role: string }[];
  providers: { name: string }[];
}

export type ReportValues = Record<string, string | string[]>;

export interface ReportField {
  id: string;
  kind: 'text' | 'textarea' | 'date' | 'choice' | 'multi';
  label: string;
  options: { value: string; label: string }[] | null;
}

export interface ReportDraft {
  form: {
    id: FormId;
    title: string;
    lead: string;
    note: string;
    submitUrl: string;
    exampleUrl: string;
    sections: { id: string; title: string; fields: ReportField[] }[];
  };
  values: ReportValues;
  savedAt: string | null;
  fromIncident: boolean;
}

const stale = 5 * 60_000;

export function useTopics() {
  const lang = useLang();
  return useQuery({
    queryKey: ['guide', 'topics', lang],
    queryFn: () => api<TopicSummary[]>('/api/v1/guide/topics'),
    staleTime: stale,
  });
}

export function useTopic(id: string | undefined) {
  const lang = useLang();
  return useQuery({
    queryKey: ['guide', 'topic', id ?? '', lang],
    queryFn: () => api<TopicDetail>(`/api/v1/guide/topics/${encodeURIComponent(id ?? '')}`),
    enabled: Boolean(id),
    staleTime: stale,
  });
}

export function useReferrals(topic?: string) {
  const lang = useLang();
  return useQuery({
    queryKey: ['guide', 'referrals', topic ?? '', lang],
    queryFn: () =>
      api<{
        topic: { id: string; title: string } | null;
        items: Referral[];
        topics: { id: string; title: string }[];
      }>('/api/v1/referrals', { query: { topic } }),
    staleTime: stale,
  });
}

export function useThreats() {
  const lang = useLang();
  return useQuery({
    queryKey: ['guide', 'threats', lang],
    queryFn: () => api<ThreatList>('/api/v1/guide/threats'),
    staleTime: stale,
  });
}

export function useThreat(id: string | undefined) {
  const lang = useLang();
  return useQuery({
    queryKey: ['guide', 'threat', id ?? '', lang],
    queryFn: () => api<ThreatDetail>(`/api/v1/guide/threats/${encodeURIComponent(id ?? '')}`),
    enabled: Boolean(id),
    staleTime: stale,
  });
}

export const casesKey = (orgId: string) => ['guide', 'cases', orgId] as const;
export const caseKey = (orgId: string, caseId: string) => ['guide', 'case', orgId, caseId] as const;

export const PAGE_SIZE = 20;

export function useCases(orgId: string, status: CaseStatus, page = 1) {
  const lang = useLang();
  return useQuery({
    queryKey: [...casesKey(orgId), status, page, lang],
    queryFn: () =>
      api<{ items: CaseSummary[]; total: number }>(`/api/v1/orgs/${orgId}/guide/cases`, {
        query: { status, page, pageSize: PAGE_SIZE },
      }),
    enabled: Boolean(orgId),
  });
}

export function useCase(orgId: string, caseId: string) {
  const lang = useLang();
  return useQuery({
    queryKey: [...caseKey(orgId, caseId), lang],
    queryFn: () => api<CaseDetail>(`/api/v1/orgs/${orgId}/guide/cases/${caseId}`),
    enabled: Boolean(orgId && caseId),
  });
}

export const reportUrl = (orgId: string, caseId: string, form: FormId) =>
  `/api/v1/orgs/${orgId}/guide/cases/${caseId}/reports/${form}`;

export function useReport(orgId: string, caseId: string, form: FormId) {
  const lang = useLang();
  return useQuery({
    queryKey: ['guide', 'report', orgId, caseId, form, lang],
    queryFn: () => api<ReportDraft>(reportUrl(orgId, caseId, form)),
    enabled: Boolean(orgId && caseId),
  });
}

export const isFormId = (v: string | undefined): v is FormId => v === 'virus' || v === 'unauthorized-access';
