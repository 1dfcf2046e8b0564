import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

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
 * The connection a transaction runs on, for what drizzle has no API for (COPY). Reads
 * drizzle's session (0.45: `tx.session.client`: a node-postgres client, or PGlite's
 * transaction), which a test pins down so that an upgrade that moves it fails loudly.
 */
function sessionClient(tx: AppDb): unknown {
  return (tx as unknown as { session?: { client?: unknown } }).session?.client;
}

/** The node-postgres connection under a transaction; null on the embedded database. */
export function pgClientOf(tx: AppDb): pg.ClientBase | null {
  const client = sessionClient(tx);
  return client instanceof pg.Client ? client : null;
}

/** PGlite's transaction object (the instance itself has no rollback). */
interface PgliteTransaction {
  query(sql: string, params: unknown[], options: { blob: Blob }): Promise<unknown>;
  rollback(): Promise<void>;
}

/**
 * `COPY table (columns) FROM STDIN` of rows already in COPY's text format, inside the
 * transaction `tx`, on either engine: the fastest way in for many rows.
 */
export async function copyIn(tx: AppDb, table: string, columns: string[], data: Uint8Array): Promise<void> {
  const statement = `copy ${table} (${columns.join(', ')}) from`;
  const pgClient = pgClientOf(tx);
  if (pgClient) {
    await pipeline(Readable.from([data]), pgClient.query(copyFrom(`${statement} stdin`)));
    return;
  }
  const client = sessionClient(tx) as Partial<PgliteTransaction> | undefined;
  if (typeof client?.query !== 'function' || typeof client.rollback !== 'function')
    throw new Error('copyIn: not inside a transaction');
  await client.query(`${statement} '/dev/blob'`, [], { blob: new Blob([data as Uint8Array<ArrayBuffer>]) });
}
