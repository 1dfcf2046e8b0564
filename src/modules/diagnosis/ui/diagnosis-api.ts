import { useQuery } from '@tanstack/react-query';
import { api } from '../../../../web/src/api.ts';
import { useLang } from '../../../../web/src/i18n.ts';
import type { OrgRole } from '../../../../web/src/me.ts';

export type Answer = 'yes' | 'partial' | 'no' | 'unknown';
export type Answers = Record<string, Answer>;
export type BandId = 'complete' | 'mostly' | 'insufficient' | 'urgent';
export type PartId = 'basic' | 'employee' | 'organization';

export const ANSWERS: readonly Answer[] = ['yes', 'partial', 'no', 'unknown'];
export const ITEM_COUNT = 25;
export const POINTS: Record<Answer, number> = { yes: 4, partial: 2, no: 0, unknown: -1 };
export const BAND_COLORS: Record<BandId, string> = {
  complete: 'teal',
  mostly: 'blue',
  insufficient: 'orange',
  urgent: 'red',
};
export const ANSWER_COLORS: Record<Answer, string> = {
  yes: 'teal',
  partial: 'yellow',
  no: 'red',
  unknown: 'gray',
};

export interface Choice {
  value: Answer;
  points: number;
  label: string;
}
export interface Band {
  id: BandId;
  min: number;
  max: number;
  title: string;
  meaning: string;
  next: string;
}
export interface QuestionItem {
  no: number;
  topic: string;
  text: string;
  help: string;
  learningTheme: string;
}
export interface Part {
  id: PartId;
  title: string;
  description: string;
  items: QuestionItem[];
}
export interface Questions {
  version: string;
  choices: Choice[];
  bands: Band[];
  parts: Part[];
}

export interface WeakItem {
  no: number;
  answer: Answer;
  topic: string;
  advice: string;
  actions: string[];
  learningTheme: string;
}
export interface PartScore {
  id: PartId;
  score: number;
  max: number;
}
export interface ScoreResult {
  total: number;
  max: number;
  band: BandId;
  bandInfo: { title: string; meaning: string; next: string };
  parts: (PartScore & { title: string })[];
  weakItems: WeakItem[];
}
export interface SavedDiagnosis {
  id: string;
  total: number;
  band: BandId;
  parts: PartScore[];
  createdAt: string;
}
export interface DiagnosisSummary extends SavedDiagnosis {
  bankVersion: string;
  createdByName: string | null;
}
export interface DiagnosisDetail extends ScoreResult {
  id: string;
  createdAt: string;
  bankVersion: string;
  answers: Answers;
}
export interface Comparison {
  previous: {
    id: string;
    total: number;
    delta: number;
    createdAt: string;
    changedItems: { no: number; from: Answer; to: Answer }[];
  } | null;
  peers: { industry: string; employees: string; count: number; average: number; percentile: number } | null;
  peerCount: number;
  peerMinimum: number;
}
export interface Task {
  id: string;
  itemNo: number;
  title: string;
  note: string | null;
  assigneeUserId: string | null;
  assigneeName: string | null;
  dueDate: string | null;
  reviewDate: string | null;
  status: 'open' | 'done';
  overdue: boolean;
  reviewDue: boolean;
  createdAt: string;
}
export interface TaskInput {
  itemNo?: number;
  title?: string;
  note?: string;
  assigneeUserId?: string | null;
  dueDate?: string | null;
  reviewDate?: string | null;
  status?: 'open' | 'done';
}
export interface OrgMember {
  id: string;
  userId: string;
  name: string;
  email: string;
  role: OrgRole;
}
export interface DiagnosisStats {
  diagnoses: number;
  organizations: number;
  byIndustry: { industry: string; orgs: number; average: number }[];
  byBand: { band: string; orgs: number }[];
  weakItems: { no: number; topic: string; weak: number }[];
}

/** Who may save diagnoses and manage the improvement plan (the server checks the same list). */
export function canEditDiagnosis(role: OrgRole | null | undefined): boolean {
  return role === 'owner' || role === 'practitioner' || role === 'manager';
}

export const diagnosesKey = (orgId: string) => ['orgs', orgId, 'diagnoses'] as const;
export const tasksKey = (orgId: string) => ['orgs', orgId, 'improvement-tasks'] as const;

/** The 25 questions in the UI language. */
export function useQuestions() {
  const lang = useLang();
  return useQuery({
    queryKey: ['diagnosis', 'questions', lang],
    queryFn: () => api<Questions>('/api/v1/diagnosis/questions'),
    staleTime: 60 * 60_000,
  });
}

/** Scores a complete set of answers without saving anything. */
export function useScore(answers: Answers | null) {
  const lang = useLang();
  return useQuery({
    queryKey: ['diagnosis', 'score', lang, answers],
    queryFn: () => api<ScoreResult>('/api/v1/diagnosis/score', { method: 'POST', body: { answers } }),
    enabled: answers !== null,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useDiagnoses(orgId: string | undefined) {
  return useQuery({
    queryKey: diagnosesKey(orgId ?? ''),
    queryFn: () => api<{ items: DiagnosisSummary[] }>(`/api/v1/orgs/${orgId}/diagnoses`),
    enabled: Boolean(orgId),
  });
}

export function useDiagnosis(orgId: string | undefined, id: string | undefined) {
  const lang = useLang();
  return useQuery({
    queryKey: [...diagnosesKey(orgId ?? ''), id, lang],
    queryFn: () => api<DiagnosisDetail>(`/api/v1/orgs/${orgId}/diagnoses/${id}`),
    enabled: Boolean(orgId && id),
  });
}

export function useComparison(orgId: string | undefined, id: string | undefined) {
  return useQuery({
    queryKey: [...diagnosesKey(orgId ?? ''), id, 'comparison'],
    queryFn: () => api<Comparison>(`/api/v1/orgs/${orgId}/diagnoses/${id}/comparison`),
    enabled: Boolean(orgId && id),
  });
}

export function useTasks(orgId: string | undefined) {
  return useQuery({
    queryKey: tasksKey(orgId ?? ''),
    queryFn: () => api<{ items: Task[] }>(`/api/v1/orgs/${orgId}/improvement-tasks`),
    enabled: Boolean(orgId),
  });
}

/** Members of the organisation (the assignee picker); shares the cache entry of the members page. */
export function useOrgMembers(orgId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: ['orgs', orgId ?? '', 'members'],
    queryFn: () => api<{ members: OrgMember[] }>(`/api/v1/orgs/${orgId}/members`),
    enabled: Boolean(orgId) && enabled,
  });
}

export function useDiagnosisStats() {
  const lang = useLang();
  return useQuery({
    queryKey: ['admin', 'diagnosis', 'stats', lang],
    queryFn: () => api<DiagnosisStats>('/api/v1/admin/diagnosis/stats'),
  });
}

export const csvUrl = (orgId: string) => `/api/v1/orgs/${orgId}/diagnoses.csv`;
export const pdfUrl = (orgId: string, id: string) => `/api/v1/orgs/${orgId}/diagnoses/${id}/report.pdf`;
