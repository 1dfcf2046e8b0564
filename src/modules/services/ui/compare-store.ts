import { useSyncExternalStore } from 'react';

/** The services picked for comparison (at most MAX_COMPARE), kept for the browser tab. */
export interface Picked {
  id: string;
  name: string;
}

export const MAX_COMPARE = 3;
const KEY = 'mamori.services.compare';
const listeners = new Set<() => void>();
let cache: Picked[] | null = null;

function read(): Picked[] {
  if (cache) return cache;
  try {
    const raw = JSON.parse(sessionStorage.getItem(KEY) ?? '[]') as unknown;
    cache = Array.isArray(raw)
      ? raw
          .filter((p): p is Picked => typeof p?.id === 'string' && typeof p?.name === 'string')
          .slice(0, MAX_COMPARE)
      : [];
  } catch {
    cache = [];
  }
  return cache;
}

function write(next: Picked[]) {
  cache = next;
  try {
    sessionStorage.setItem(KEY, JSON.stringify(next));
  } catch {}
  for (const l of listeners) l();
}

function subscribe(l: () => void) {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function useCompare() {
  const picked = useSyncExternalStore(subscribe, read, read);
  return {
    picked,
    has: (id: string) => picked.some((p) => p.id === id),
    full: picked.length >= MAX_COMPARE,
    toggle: (p: Picked, on: boolean) => {
      const rest = picked.filter((x) => x.id !== p.id);
      if (on && rest.length < MAX_COMPARE) write([...rest, p]);
      else if (!on) write(rest);
    },
    remove: (id: string) => write(picked.filter((x) => x.id !== id)),
    clear: () => write([]),
  };
}
