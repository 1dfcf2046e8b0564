import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../../web/src/api.ts';
import { useLang } from '../../../../web/src/i18n.ts';

export type Tone = 'calm' | 'watch' | 'act';

export interface ReportListItem {
  month: string;
  final: boolean;
  generatedAt: string;
  events: number;
  blocked: number;
  alerts: number;
  incidents: number;
  openIncidents: number;
}
export interface ReportList {
  items: ReportListItem[];
  total: number;
  page: number;
  pageSize: number;
  currentMonth: string;
  previousMonth: string;
}

export interface Recommendation {
  id: string;
  kind: 'incident' | 'sensor' | 'signal' | 'diagnosis' | 'no-diagnosis' | 'old-diagnosis';
  title: string;
  text: string;
  item: { no: number; topic: string; answer: string | null; answerLabel: string | null } | null;
  link: { path: string; label: string } | null;
}

export interface Report {
  orgId: string;
  orgName: string;
  month: string;
  label: string;
  final: boolean;
  generatedAt: string;
  periodFrom: string;
  periodTo: string;
  tone: Tone;
  headline: string;
  summary: string[];
  recommendations: Recommendation[];
  totals: {
    events: number;
    blocked: number;
    alerts: number;
    hits: number;
    incidents: number;
    openIncidents: number;
    authFailures: number;
    uptime: number | null;
  };
  days: { day: string; total: number; blocked: number }[];
  categories: { category: string; label: string; count: number; blocked: number }[];
  rules: {
    ruleId: string;
    title: string;
    what: string;
    severity: number;
    severityLabel: string;
    alerts: number;
    hits: number;
  }[];
  incidents: {
    id: string;
    entity: string;
    severity: number;
    severityLabel: string;
    status: string;
    statusLabel: string;
    done: boolean;
    firstSeenAt: string;
    rules: string[];
  }[];
  incidentStatuses: { status: string; label: string; count: number }[];
  sensors: {
    id: string;
    name: string;
    kind: string;
    events: number;
    hours: number;
    hoursWithEvents: number;
    uptime: number | null;
  }[];
  diagnosis: { total: number; band: string; bandTitle: string; createdAt: string } | null;
}

export function useReports(orgId: string | undefined, page: number) {
  const lang = useLang();
  return useQuery({
    queryKey: ['reports', orgId, page, lang],
    queryFn: () => api<ReportList>(`/api/v1/orgs/${orgId}/reports`, { query: { page } }),
    enabled: Boolean(orgId),
  });
}

export function useReport(orgId: string | undefined, month: string | undefined) {
  const lang = useLang();
  return useQuery({
    queryKey: ['report', orgId, month, lang],
    queryFn: () => api<Report>(`/api/v1/orgs/${orgId}/reports/${month}`),
    enabled: Boolean(orgId && month),
    retry: false,
  });
}

export function useGenerateReport(orgId: string | undefined) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (month: string) =>
      api<{ month: string; final: boolean; generatedAt: string }>(`/api/v1/orgs/${orgId}/reports`, {
        method: 'POST',
        body: { month },
      }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['reports', orgId] });
      await qc.invalidateQueries({ queryKey: ['report', orgId] });
    },
  });
}

export const pdfUrl = (orgId: string, month: string, lang: string) =>
  `/api/v1/orgs/${orgId}/reports/${month}/report.pdf?lang=${lang}`;

export function monthLabel(month: string, lang: 'ja' | 'en'): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return lang === 'ja'
    ? `${y}年${m}月`
    : new Date(Date.UTC(y, m - 1, 1)).toLocaleDateString('en-GB', {
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      });
}

export const toneColor: Record<Tone, string> = { calm: 'teal', watch: 'orange', act: 'red' };

export function pct(share: number | null): string {
  return share === null ? '—' : `${Math.floor(share * 1000) / 10}%`;
}
