import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../testing/test-db.ts';
import { type AppDb, type Database, pgClientOf } from './client.ts';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe('pgClientOf', () => {
  it('finds the connection under a PostgreSQL transaction (COPY needs it), none on the embedded one', async () => {
    const inside = await database.db.transaction(async (tx) => pgClientOf(tx as unknown as AppDb));
    if (database.kind === 'postgres') {
      expect(inside).not.toBeNull();
      const row = await database.db.transaction(async (tx) => {
        const client = pgClientOf(tx as unknown as AppDb);
        await client?.query('create temporary table probe (x int) on commit drop');
        return (await client?.query('select count(*)::int as n from probe'))?.rows[0];
      });
      expect(row).toEqual({ n: 0 });
    } else expect(inside).toBeNull();
    expect(pgClientOf(database.db)).toBeNull();
  });
});
