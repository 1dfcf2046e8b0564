import { useQuery } from '@tanstack/react-query';
import { ApiError, api } from '../../../../web/src/api.ts';
import { currentLang, useLang } from '../../../../web/src/i18n.ts';

export type Priority = 'critical' | 'high' | 'normal' | 'low';
export type Status = 'open' | 'answered' | 'waiting_customer' | 'resolved' | 'closed';
export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';
export type ClockState = 'running' | 'paused' | 'overdue' | 'met' | 'breached';

export const PRIORITIES: Priority[] = ['critical', 'high', 'normal', 'low'];
export const STATUSES: Status[] = ['open', 'answered', 'waiting_customer', 'resolved', 'closed'];
export const SEVERITIES: Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

export const priorityColor: Record<Priority, string> = {
  critical: 'red',
  high: 'orange',
  normal: 'blue',
  low: 'gray',
};
export const statusColor: Record<Status, string> = {
  open: 'blue',
  answered: 'teal',
  waiting_customer: 'yellow',
  resolved: 'green',
  closed: 'gray',
};
export const severityColor: Record<Severity, string> = {
  critical: 'red',
  high: 'orange',
  medium: 'yellow',
  low: 'blue',
  info: 'gray',
};

export interface Clock {
  targetMinutes: number;
  dueAt: string | null;
  metAt: string | null;
  state: ClockState;
}

export interface ConsultationSummary {
  id: string;
  ref: string;
  orgId: string;
  orgName: string;
  servedBy: 'provider' | 'operator';
  category: string;
  categoryTitle: string;
  priority: Priority;
  subject: string;
  status: Status;
  openedBy: string;
  createdAt: string;
  lastMessageAt: string;
  overdue: boolean;
  firstResponse: Clock;
  resolution: Clock;
}

export interface Message {
  id: string;
  side: 'customer' | 'desk';
  authorName: string;
  body: string;
  status: Status | null;
  createdAt: string;
}

export interface Attachment {
  id: string;
  name: string;
  contentType: string;
  size: number;
  side: 'customer' | 'desk';
  createdAt: string;
}

export interface ConsultationDetail extends ConsultationSummary {
  description: string;
  messages: Message[];
  attachments: Attachment[];
  viewer: { side: 'customer' | 'desk'; canReply: boolean; canClose: boolean; canAttach: boolean };
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface DeskInfo {
  categories: { id: string; title: string; hint: string }[];
  priorities: { id: Priority; allDay: boolean; firstResponseMinutes: number; resolutionMinutes: number }[];
  businessHours: { days: number[]; start: string; end: string };
  attachments: { maxBytes: number; types: string[]; maxPerConsultation: number };
}

export interface AdvisorySummary {
  id: string;
  title: string;
  severity: Severity;
  affected: string;
  source: 'operator' | 'provider';
  sourceName: string | null;
  publishedAt: string;
}

export interface AdvisoryDetail extends AdvisorySummary {
  actions: string;
  /** Rendered server-side from Markdown with raw HTML disabled. */
  actionsHtml: string;
  forwards: { count: number; lastAt: string | null } | null;
  canForward: boolean;
}

/** Where a consultation lives in the API: under its SME, or the operator's desk. */
export function consultationBase(c: { orgId: string | null; id: string }) {
  return c.orgId
    ? `/api/v1/orgs/${c.orgId}/consultations/${c.id}`
    : `/api/v1/admin/helpdesk/consultations/${c.id}`;
}

export type Filters = Record<string, string | number | undefined>;

export function useDeskInfo() {
  const lang = useLang();
  return useQuery({
    queryKey: ['helpdesk', 'info', lang],
    queryFn: () => api<DeskInfo>('/api/v1/helpdesk/info'),
    staleTime: 10 * 60_000,
  });
}

export function useConsultations(url: string | null, filters: Filters) {
  const lang = useLang();
  return useQuery({
    queryKey: ['helpdesk', 'list', url, filters, lang],
    queryFn: () => api<Page<ConsultationSummary>>(url as string, { query: filters }),
    enabled: Boolean(url),
    placeholderData: (prev) => prev,
  });
}

export function useConsultation(base: string) {
  const lang = useLang();
  return useQuery({
    queryKey: ['helpdesk', 'detail', base, lang],
    queryFn: () => api<ConsultationDetail>(base),
  });
}

export function useAdvisories(url: string, filters: Filters) {
  const lang = useLang();
  return useQuery({
    queryKey: ['helpdesk', 'advisories', url, filters, lang],
    queryFn: () => api<Page<AdvisorySummary>>(url, { query: filters }),
    placeholderData: (prev) => prev,
  });
}

export function useAdvisory(url: string) {
  const lang = useLang();
  return useQuery({
    queryKey: ['helpdesk', 'advisory', url, lang],
    queryFn: () => api<AdvisoryDetail>(url),
  });
}

/** Browsers leave the type of .eml (and sometimes .txt) files empty; the name tells it. */
export function fileType(file: File): string {
  const ext = file.name.toLowerCase().split('.').pop() ?? '';
  const byExt: Record<string, string> = {
    pdf: 'application/pdf',
    png: 'image/png',
    jpg: 'image/jpeg',
    jpeg: 'image/jpeg',
    txt: 'text/plain',
    eml: 'message/rfc822',
  };
  return byExt[ext] ?? file.type;
}

/** Sends one file as the raw body (the API takes no multipart). */
export async function uploadAttachment(base: string, file: File): Promise<Attachment> {
  const res = await fetch(`${base}/attachments?name=${encodeURIComponent(file.name)}`, {
    method: 'POST',
    headers: { 'Content-Type': fileType(file), Accept: 'application/json', 'Accept-Language': currentLang() },
    body: file,
    credentials: 'same-origin',
  });
  const data = (await res.json().catch(() => null)) as
    | (Attachment & { error?: { code: string; message: string } })
    | null;
  if (!res.ok) {
    throw new ApiError(
      res.status,
      data?.error?.code ?? `http_${res.status}`,
      data?.error?.message ?? file.name,
    );
  }
  return data as Attachment;
}

export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}
