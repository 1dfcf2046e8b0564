import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { api } from '../../../../web/src/api.ts';
import { type Lang, useLang } from '../../../../web/src/i18n.ts';
import { useMe } from '../../../../web/src/me.ts';
import { PREFECTURES, refLabel } from '../../../../web/src/reference.ts';

export interface Labelled {
  id: string;
  label: string;
}

export interface Lists {
  qualifications: Labelled[];
  categories: Labelled[];
}

export interface Presenter {
  id: string;
  name: string;
  kana: string;
  prefectures: string[];
  qualifications: Labelled[];
  qualificationOther: string | null;
  affiliation: string | null;
  pr: string;
}

export type PresenterStatus = 'pending' | 'approved' | 'rejected';

export interface MyPresenter extends Presenter {
  status: PresenterStatus;
  email: string;
  reviewNote: string | null;
}

export interface PresenterInput {
  name: string;
  kana: string;
  prefectures: string[];
  qualifications: string[];
  qualificationOther?: string;
  affiliation?: string;
  email: string;
  pr: string;
}

export type SeminarStatus = 'new' | 'accepted' | 'declined';

export interface SeminarRequest {
  id: string;
  requesterName: string;
  requesterEmail: string;
  requesterOrg: string;
  prefecture: string;
  preferredDates: string;
  audience: string;
  message: string;
  status: SeminarStatus;
  reply: string | null;
  createdAt: string;
}

export interface Listing {
  orgId: string;
  name: string;
  categories: Labelled[];
  prefectures: string[];
  industries: string[];
  description: string;
  url: string | null;
  published: boolean;
}

export interface ListingInput {
  categories: string[];
  prefectures: string[];
  industries: string[];
  description: string;
  url?: string | null;
  published: boolean;
}

export interface PresenterQuery {
  prefecture?: string;
  qualification?: string;
  q?: string;
}

export interface DirectoryQuery {
  category?: string;
  prefecture?: string;
  industry?: string;
  q?: string;
}

export const PRESENTER_ME_KEY = ['presenter', 'me'] as const;
export const ADMIN_PRESENTERS_KEY = ['admin', 'presenters'] as const;
export const listingKey = (orgId: string) => ['orgs', orgId, 'directory'] as const;

/** Labels are translated by the server, so the language is part of every key below. */
export function useLists() {
  const lang = useLang();
  return useQuery({
    queryKey: ['directory', 'lists', lang],
    queryFn: () => api<Lists>('/api/v1/directory/lists'),
    staleTime: 10 * 60_000,
  });
}

export function usePresenters(q: PresenterQuery) {
  const lang = useLang();
  return useQuery({
    queryKey: ['presenters', 'list', q, lang],
    queryFn: () => api<{ items: Presenter[] }>('/api/v1/presenters', { query: { ...q } }),
    placeholderData: keepPreviousData,
  });
}

export function usePresenter(id: string | undefined) {
  const lang = useLang();
  return useQuery({
    queryKey: ['presenters', 'one', id ?? '', lang],
    queryFn: () => api<Presenter>(`/api/v1/presenters/${id}`),
    enabled: Boolean(id),
    retry: false,
  });
}

export function useMyPresenter(enabled = true) {
  const lang = useLang();
  return useQuery({
    queryKey: [...PRESENTER_ME_KEY, lang],
    queryFn: () => api<MyPresenter | null>('/api/v1/presenter/me'),
    enabled,
  });
}

export function useMySeminars(enabled: boolean) {
  return useQuery({
    queryKey: [...PRESENTER_ME_KEY, 'requests'],
    queryFn: () => api<{ items: SeminarRequest[] }>('/api/v1/presenter/me/requests'),
    enabled,
  });
}

export function useAdminPresenters() {
  const lang = useLang();
  return useQuery({
    queryKey: [...ADMIN_PRESENTERS_KEY, lang],
    queryFn: () => api<{ items: MyPresenter[] }>('/api/v1/admin/presenters'),
  });
}

export function useDirectory(q: DirectoryQuery) {
  const lang = useLang();
  return useQuery({
    queryKey: ['directory', 'list', q, lang],
    queryFn: () => api<{ items: Listing[] }>('/api/v1/directory', { query: { ...q } }),
    placeholderData: keepPreviousData,
  });
}

export function useListing(orgId: string | undefined, enabled = true) {
  const lang = useLang();
  return useQuery({
    queryKey: [...listingKey(orgId ?? ''), lang],
    queryFn: () => api<Listing | null>(`/api/v1/orgs/${orgId}/directory`),
    enabled: Boolean(orgId) && enabled,
  });
}

export function useMyOrg(orgId: string | undefined) {
  const me = useMe();
  return { me, org: me.data?.orgs.find((o) => o.id === orgId) ?? null };
}

/** "東京都・神奈川県" — or "東京都・神奈川県 ほか3" with `max`. */
export function prefectureNames(codes: string[], lang: Lang, t: TFunction, max = 0): string {
  if (codes.length === 47) return t('directory.allPrefectures');
  const names = codes.map((c) => refLabel(PREFECTURES, c, lang));
  const sep = t('directory.listSeparator');
  if (max > 0 && names.length > max)
    return t('directory.more', { list: names.slice(0, max).join(sep), count: names.length - max });
  return names.join(sep);
}

/** Query params ↔ filters, shared by the two public search pages. */
export function readParams<K extends string>(
  p: URLSearchParams,
  keys: readonly K[],
): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  for (const k of keys) {
    const v = p.get(k);
    if (v) out[k] = v;
  }
  return out;
}

export function toParams(q: Record<string, string | undefined>): URLSearchParams {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v) p.set(k, v);
  return p;
}
