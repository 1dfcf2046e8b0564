import type { AppDb } from './client.ts';

/** Runs `fn` in one transaction; the callback's db handle is scoped to it. */
export function inTransaction<T>(db: AppDb, fn: (tx: AppDb) => Promise<T>): Promise<T> {
  return db.transaction((tx) => fn(tx as unknown as AppDb));
}
