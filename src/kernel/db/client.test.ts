import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../testing/test-db.ts';
import { type AppDb, copyIn, type Database, pgClientOf } from './client.ts';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe('COPY inside a transaction', () => {
  it('finds the connection under a PostgreSQL transaction, none on the embedded one', async () => {
    const inside = await database.db.transaction(async (tx) => pgClientOf(tx as unknown as AppDb));
    if (database.kind === 'postgres') expect(inside).not.toBeNull();
    else expect(inside).toBeNull();
    expect(pgClientOf(database.db)).toBeNull();
  });

  it('copies rows in text format on either engine, escapes and all, and rolls back with the transaction', async () => {
    await database.db.execute(sql`create table copy_probe (a text, b jsonb)`);
    const rows = Buffer.from('tab\\there\t{"k":"v\\\\\\\\n"}\n日本語\t{"n":1}\n');
    await database.db.transaction(async (tx) =>
      copyIn(tx as unknown as AppDb, 'copy_probe', ['a', 'b'], rows),
    );
    await database.db
      .transaction(async (tx) => {
        await copyIn(tx as unknown as AppDb, 'copy_probe', ['a', 'b'], Buffer.from('lost\t{}\n'));
        throw new Error('roll back');
      })
      .catch(() => undefined);
    const got = (await database.db.execute(sql`select a, b from copy_probe order by a`)) as unknown as {
      rows: Array<{ a: string; b: unknown }>;
    };
    expect(got.rows).toEqual([
      { a: 'tab\there', b: { k: 'v\\n' } },
      { a: '日本語', b: { n: 1 } },
    ]);
  });

  it('refuses outside a transaction rather than writing on its own', async () => {
    await expect(copyIn(database.db, 'copy_probe', ['a'], Buffer.from('x\n'))).rejects.toThrow(
      'not inside a transaction',
    );
  });
});
