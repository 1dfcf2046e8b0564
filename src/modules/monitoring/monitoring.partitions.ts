import { sql } from 'drizzle-orm';
import type { AppDb } from '../../kernel/db/client.ts';

const DAY_MS = 86_400_000;
/** Day tables are made this many days ahead, so that the day never starts without one. */
const DAYS_AHEAD = 2;
const NAME = /^monitoring_event_p(\d{4})(\d{2})(\d{2})$/;

/** The table of one UTC day of monitoring_event, e.g. monitoring_event_p20261207. */
export function partitionName(day: Date): string {
  return `monitoring_event_p${day.toISOString().slice(0, 10).replaceAll('-', '')}`;
}

type Rows<T> = { rows: T[] };

/**
 * Makes the day tables of monitoring_event from yesterday to DAYS_AHEAD days ahead (UTC) that
 * do not exist yet. Rows of such a day that arrived before its table did (they waited in the
 * default partition) move into it in the same transaction. Returns the tables made.
 */
export async function ensureEventPartitions(db: AppDb, now: Date): Promise<string[]> {
  const today = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  const made: string[] = [];
  for (let d = -1; d <= DAYS_AHEAD; d++) {
    const from = new Date(today + d * DAY_MS);
    const to = new Date(from.getTime() + DAY_MS);
    const name = partitionName(from);
    if (await exists(db, name)) continue;
    const created = await db.transaction(async (txRaw) => {
      const tx = txRaw as unknown as AppDb;
      // The parent first, as every insert takes it: commits wait a moment, none deadlocks.
      await tx.execute(sql`lock table monitoring_event in access exclusive mode`);
      if (await exists(tx, name)) return false;
      await tx.execute(sql`
        create temporary table monitoring_event_moving on commit drop as
        select * from monitoring_event_default where ts >= ${from} and ts < ${to}`);
      await tx.execute(sql`delete from monitoring_event_default where ts >= ${from} and ts < ${to}`);
      await tx.execute(
        sql.raw(
          `create table ${name} partition of monitoring_event for values from ('${from.toISOString()}') to ('${to.toISOString()}')`,
        ),
      );
      await tx.execute(sql`insert into monitoring_event select * from monitoring_event_moving`);
      return true;
    });
    if (created) made.push(name);
  }
  return made;
}

/** The tables monitoring_event is made of (the day tables and the default one), by name. */
export async function eventPartitions(db: AppDb): Promise<string[]> {
  const res = (await db.execute(sql`
    select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
    where i.inhparent = 'monitoring_event'::regclass order by 1`)) as unknown as Rows<{ name: string }>;
  return res.rows.map((r) => r.name);
}

/** Drops the day tables whose whole day lies before `before`; returns the tables dropped. */
export async function dropExpiredPartitions(db: AppDb, before: Date): Promise<string[]> {
  const dropped: string[] = [];
  for (const name of await eventPartitions(db)) {
    const m = NAME.exec(name);
    if (!m) continue;
    const end = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) + DAY_MS;
    if (end > before.getTime()) continue;
    await db.execute(sql.raw(`drop table if exists ${name}`));
    dropped.push(name);
  }
  return dropped;
}

async function exists(db: AppDb, name: string): Promise<boolean> {
  const res = (await db.execute(sql`select to_regclass(${name}) is not null as found`)) as unknown as Rows<{
    found: boolean;
  }>;
  return Boolean(res.rows[0]?.found);
}
