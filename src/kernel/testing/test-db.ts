import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, openDatabase } from '../db/client.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite data dir (tar) migrated once by the global setup. */
    pgliteTemplate: string;
    /** PostgreSQL database migrated once, cloned per test file. */
    pgTemplate: string;
  }
}

export const usePostgres = () => process.env.MAMORI_TEST_DB === 'postgres';

export function adminUrl(databaseUrl: string, dbName: string): string {
  const u = new URL(databaseUrl);
  u.pathname = `/${dbName}`;
  return u.toString();
}

/**
 * A migrated database of its own for one test file: a PGlite loaded from the
 * migrated template (≈1 s instead of ≈4 s for initdb), or a PostgreSQL database
 * cloned from the template with CREATE DATABASE … TEMPLATE.
 */
export async function createTestDatabase(): Promise<Database> {
  if (!usePostgres()) {
    const tar = await readFile(inject('pgliteTemplate'));
    const client = await PGlite.create({ loadDataDir: new Blob([tar]) });
    return openDatabase({ pglite: client });
  }
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('MAMORI_TEST_DB=postgres needs DATABASE_URL');
  const name = `mamori_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('pgTemplate')}`);
  } finally {
    await admin.end();
  }
  const database = await openDatabase({ databaseUrl: adminUrl(url, name) });
  return {
    ...database,
    close: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).finally(() => c.end());
    },
  };
}
