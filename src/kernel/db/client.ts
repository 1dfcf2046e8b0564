import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';

/** One type for both engines: every repo function takes this. */
export type AppDb = PgDatabase<PgQueryResultHKT>;

export interface Database {
  db: AppDb;
  kind: 'pglite' | 'postgres';
  migrate(): Promise<void>;
  /** Runs a query to prove the connection is alive (readiness). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export const migrationsFolder = path.resolve(import.meta.dirname, '../../../migrations');

export type DbTarget = { databaseUrl: string } | { pgliteDir: string } | { pglite: PGlite };

export async function openDatabase(target: DbTarget): Promise<Database> {
  if ('databaseUrl' in target) {
    const pool = new pg.Pool({ connectionString: target.databaseUrl, max: 10 });
    // An idle connection can be cut by the server (restart, failover, admin command). The pool
    // drops that client and opens another when needed; without a listener the 'error' event
    // would take the whole process down.
    pool.on('error', (err) => {
      if (process.env.LOG_LEVEL !== 'silent')
        console.error(`database: idle connection closed (${err.message})`);
    });
    const db = drizzlePg(pool) as unknown as AppDb;
    return {
      db,
      kind: 'postgres',
      migrate: () => migratePg(drizzlePg(pool), { migrationsFolder }),
      ping: async () => {
        await pool.query('select 1');
      },
      close: () => pool.end(),
    };
  }
  let client: PGlite;
  if ('pglite' in target) {
    client = target.pglite;
  } else {
    mkdirSync(path.dirname(target.pgliteDir), { recursive: true });
    client = await PGlite.create(target.pgliteDir);
  }
  const db = drizzlePglite(client) as unknown as AppDb;
  return {
    db,
    kind: 'pglite',
    migrate: () => migratePglite(drizzlePglite(client), { migrationsFolder }),
    ping: async () => {
      await client.query('select 1');
    },
    close: () => client.close(),
  };
}

/**
 * The node-postgres connection a transaction runs on, for what drizzle has no API for (COPY);
 * null on the embedded database. Reads drizzle's session (0.45: `tx.session.client`), which a
 * test pins down, so that an upgrade that moves it fails loudly rather than silently slowing.
 */
export function pgClientOf(tx: AppDb): pg.ClientBase | null {
  const client = (tx as unknown as { session?: { client?: unknown } }).session?.client;
  return client instanceof pg.Client ? client : null;
}
