import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../db/client.ts';
import { adminUrl } from './test-db.ts';

/** Migrates one template database per run; each test file clones it. */
export default async function setup(project: TestProject) {
  const dir = await mkdtemp(path.join(tmpdir(), 'mamori-test-'));
  const cleanups: Array<() => Promise<unknown>> = [() => rm(dir, { recursive: true, force: true })];

  const client = await PGlite.create();
  const base = await openDatabase({ pglite: client });
  await base.migrate();
  const tar = path.join(dir, 'template.tar');
  await writeFile(tar, Buffer.from(await (await client.dumpDataDir('none')).arrayBuffer()));
  await base.close();
  project.provide('pgliteTemplate', tar);

  const url = process.env.DATABASE_URL;
  if (process.env.MAMORI_TEST_DB === 'postgres' && url) {
    const name = `mamori_tpl_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const tpl = await openDatabase({ databaseUrl: adminUrl(url, name) });
    await tpl.migrate();
    await tpl.close();
    project.provide('pgTemplate', name);
    cleanups.push(async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).finally(() => c.end());
    });
  } else {
    project.provide('pgTemplate', '');
  }
  return async () => {
    for (const c of cleanups.reverse()) await c();
  };
}
