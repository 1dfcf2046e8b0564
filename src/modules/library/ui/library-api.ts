import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../../web/src/api.ts';
import { useLang } from '../../../../web/src/i18n.ts';

export interface Labelled {
  id: string;
  label: string;
}

export interface Taxonomy {
  categories: Array<Labelled & { description: string; count: number }>;
  tags: Array<Labelled & { count: number }>;
  audiences: Labelled[];
  topics: Array<Labelled & { count: number }>;
  viewers: Labelled[];
  practiceTopics: Array<Labelled & { count: number }>;
}

export interface EntrySummary {
  id: string;
  category: Labelled;
  audiences: Labelled[];
  tags: Labelled[];
  title: string;
  summary: string;
  addedAt: string;
}

export interface EntryDetail extends EntrySummary {
  bodyHtml: string;
  links: Array<{ label: string; url: string }>;
  related: EntrySummary[];
}

export interface Video {
  id: string;
  title: string;
  publisher: string;
  minutes: number;
  topic: Labelled;
  viewers: Labelled[];
  training: 'free' | 'check';
  url: string;
  description: string;
  addedAt: string;
}

export interface PageOf<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface EntryQuery {
  q?: string | undefined;
  category?: string | undefined;
  tag?: string | undefined;
  audience?: string | undefined;
  page?: number | undefined;
}

export interface VideoQuery {
  q?: string | undefined;
  topic?: string | undefined;
  viewer?: string | undefined;
  page?: number | undefined;
}

export interface PracticeQuestion {
  id: string;
  topic: Labelled;
  text: string;
  choices: Array<{ id: string; text: string }>;
}
export interface PracticeSet {
  total: number;
  questions: PracticeQuestion[];
}
export interface PracticeResult {
  correct: number;
  total: number;
  results: Array<{ id: string; chosen: string; correct: boolean; answer: string; explanation: string }>;
}

export interface Newsletter {
  subscribed: boolean;
  elsewhere: boolean;
  since: string | null;
}

export type Source = 'content' | 'edited' | 'operator';
export interface Bilingual {
  ja: string;
  en: string;
}
export interface EntryData {
  category: string;
  audiences: string[];
  tags: string[];
  keywords: string[];
  title: Bilingual;
  summary: Bilingual;
  body: Bilingual;
  links: Array<{ label: Bilingual; url: string }>;
}
export interface VideoData {
  title: Bilingual;
  publisher: Bilingual;
  minutes: number;
  topic: string;
  viewers: string[];
  training: 'free' | 'check';
  url: string;
  description: Bilingual;
}
export interface AdminItem<D> {
  id: string;
  source: Source;
  hidden: boolean;
  addedAt: string;
  data: D;
}

/** Reads list filters from the address bar, so a search can be bookmarked and shared. */
export function readQuery<K extends string>(params: URLSearchParams, keys: readonly K[]) {
  const out: Partial<Record<K, string>> & { page?: number } = {};
  const set = out as Record<string, string>;
  for (const k of keys) {
    const v = params.get(k);
    if (v) set[k] = v;
  }
  const page = Number(params.get('page'));
  if (Number.isInteger(page) && page > 1) out.page = page;
  return out;
}

export function toParams(q: Record<string, string | number | undefined>): URLSearchParams {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q))
    if (v !== undefined && v !== '' && !(k === 'page' && v === 1)) p.set(k, String(v));
  return p;
}

export function useTaxonomy() {
  const lang = useLang();
  return useQuery({
    queryKey: ['library', 'taxonomy', lang],
    queryFn: () => api<Taxonomy>('/api/v1/library/taxonomy'),
    staleTime: 60_000,
  });
}

export function useEntries(query: EntryQuery) {
  const lang = useLang();
  return useQuery({
    queryKey: ['library', 'entries', lang, query],
    queryFn: () => api<PageOf<EntrySummary>>('/api/v1/library/entries', { query: { ...query } }),
    placeholderData: keepPreviousData,
  });
}

export function useEntry(id: string) {
  const lang = useLang();
  return useQuery({
    queryKey: ['library', 'entry', lang, id],
    queryFn: () => api<EntryDetail>(`/api/v1/library/entries/${encodeURIComponent(id)}`),
    retry: false,
  });
}

export function useVideos(query: VideoQuery) {
  const lang = useLang();
  return useQuery({
    queryKey: ['library', 'videos', lang, query],
    queryFn: () => api<PageOf<Video>>('/api/v1/library/videos', { query: { ...query } }),
    placeholderData: keepPreviousData,
  });
}

export function useWatched(orgId: string | null) {
  return useQuery({
    queryKey: ['library', 'watched', orgId],
    queryFn: () =>
      api<{ items: Array<{ videoId: string; watchedAt: string }> }>(`/api/v1/orgs/${orgId}/library/watched`),
    enabled: Boolean(orgId),
  });
}

export function useSetWatched(orgId: string | null) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ videoId, on }: { videoId: string; on: boolean }) =>
      api<{ items: Array<{ videoId: string; watchedAt: string }> }>(
        `/api/v1/orgs/${orgId}/library/watched/${encodeURIComponent(videoId)}`,
        { method: on ? 'PUT' : 'DELETE' },
      ),
    onSuccess: (data) => qc.setQueryData(['library', 'watched', orgId], data),
  });
}

export function useNewsletter(orgId: string) {
  return useQuery({
    queryKey: ['library', 'newsletter', orgId],
    queryFn: () => api<Newsletter>(`/api/v1/orgs/${orgId}/newsletter`),
  });
}

export function useSetNewsletter(orgId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (on: boolean) =>
      api<Newsletter>(`/api/v1/orgs/${orgId}/newsletter`, { method: on ? 'PUT' : 'DELETE' }),
    onSuccess: (data) => qc.setQueryData(['library', 'newsletter', orgId], data),
  });
}
