import { useQuery } from '@tanstack/react-query';
import { api } from '../../../../web/src/api.ts';
import { useLang } from '../../../../web/src/i18n.ts';

export interface ThemeSummary {
  id: string;
  /** The diagnosis item (1–25) this theme teaches. */
  item: number;
  title: string;
  summary: string;
  minutes: number;
  /** Number of questions in the confirmation test. */
  questions: number;
}

export interface Choice {
  id: string;
  text: string;
}

export interface Question {
  id: string;
  text: string;
  choices: Choice[];
}

export interface ThemeDetail extends Omit<ThemeSummary, 'questions'> {
  /** Rendered server-side from Markdown with raw HTML disabled. */
  scenarioHtml: string;
  whatWentWrongHtml: string;
  keyPoints: string[];
  questions: Question[];
}

export interface ThemeProgress extends ThemeSummary {
  recommended: boolean;
  completedAt: string | null;
  lastAttemptAt: string | null;
  attempts: number;
}

export type CourseId = 'all' | 'owner' | 'employee';

export interface Certificate {
  code: string;
  course: CourseId | string;
  issuedAt: string;
}

export interface Course {
  id: 'owner' | 'employee' | string;
  title: string;
  description: string;
  themes: string[];
  completed: number;
}

export interface Progress {
  themes: ThemeProgress[];
  completed: number;
  total: number;
  courses: Course[];
  certificates: Certificate[];
}

export interface QuestionResult {
  id: string;
  chosen: string;
  correct: boolean;
  answer: string;
  explanation: string;
}

export interface AttemptResult {
  passed: boolean;
  correct: number;
  total: number;
  results: QuestionResult[];
  newCertificates: Certificate[];
}

export interface MatrixCell {
  completedAt: string | null;
  lastAttemptAt: string | null;
}

export interface Matrix {
  members: {
    userId: string;
    name: string;
    email: string;
    role: string;
    completed: number;
    started: boolean;
  }[];
  themes: { id: string; item: number; title: string }[];
  cells: Record<string, Record<string, MatrixCell>>;
}

export interface LearningStats {
  attempts: number;
  themes: { id: string; title: string; completions: number }[];
  mostMissed: { themeId: string; themeTitle: string; questionId: string; question: string; wrong: number }[];
}

export type ThemeStatus = 'new' | 'trying' | 'done';

export function themeStatus(
  t: Pick<ThemeProgress, 'completedAt' | 'lastAttemptAt' | 'attempts'>,
): ThemeStatus {
  if (t.completedAt) return 'done';
  if (t.attempts > 0 || t.lastAttemptAt) return 'trying';
  return 'new';
}

/** The next theme to study: a recommended unfinished one first, then any unfinished one (list order). */
export function nextTheme(themes: ThemeProgress[], exceptId?: string): ThemeProgress | null {
  const open = themes.filter((t) => !t.completedAt && t.id !== exceptId);
  return open.find((t) => t.recommended) ?? open[0] ?? null;
}

export const progressKey = (orgId: string) => ['learning', 'progress', orgId] as const;
export const matrixKey = (orgId: string) => ['learning', 'matrix', orgId] as const;

// Public content depends on the UI language, so the language is part of the key.
export function useThemes() {
  const lang = useLang();
  return useQuery({
    queryKey: ['learning', 'themes', lang],
    queryFn: () => api<ThemeSummary[]>('/api/v1/learning/themes'),
    staleTime: 5 * 60_000,
  });
}

export function useTheme(id: string | undefined) {
  const lang = useLang();
  return useQuery({
    queryKey: ['learning', 'theme', id ?? '', lang],
    queryFn: () => api<ThemeDetail>(`/api/v1/learning/themes/${encodeURIComponent(id ?? '')}`),
    enabled: Boolean(id),
    staleTime: 5 * 60_000,
  });
}

export function useProgress(orgId: string | undefined) {
  const lang = useLang();
  return useQuery({
    queryKey: [...progressKey(orgId ?? ''), lang],
    queryFn: () => api<Progress>(`/api/v1/orgs/${orgId}/learning`),
    enabled: Boolean(orgId),
  });
}

export function useMatrix(orgId: string | undefined) {
  const lang = useLang();
  return useQuery({
    queryKey: [...matrixKey(orgId ?? ''), lang],
    queryFn: () => api<Matrix>(`/api/v1/orgs/${orgId}/learning/matrix`),
    enabled: Boolean(orgId),
  });
}

export function useLearningStats() {
  const lang = useLang();
  return useQuery({
    queryKey: ['learning', 'admin-stats', lang],
    queryFn: () => api<LearningStats>('/api/v1/admin/learning/stats'),
  });
}

export const certificatePdfUrl = (orgId: string, code: string) =>
  `/api/v1/orgs/${orgId}/learning/certificates/${encodeURIComponent(code)}/pdf`;
export const certificatePageUrl = (code: string) => `/certificates/${encodeURIComponent(code)}`;

/** Who sees everyone's progress (same as the server's learning.access.ts). */
export function canSupervise(role: string | null | undefined): boolean {
  return role === 'owner' || role === 'practitioner' || role === 'manager';
}
