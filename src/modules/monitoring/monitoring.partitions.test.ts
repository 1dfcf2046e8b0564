import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../kernel/testing/test-app.ts';
import { monitoringModule } from './module.ts';
import {
  dropExpiredPartitions,
  ensureEventPartitions,
  eventPartitions,
  partitionName,
} from './monitoring.partitions.ts';
import { monitoringRuntime } from './monitoring.routes.ts';
import { registerSensor } from './monitoring.testing.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const DAY = 86_400_000;
const event = (at: Date, host: string) =>
  JSON.stringify({ '@timestamp': at.toISOString(), event: { category: 'network' }, host: { name: host } });

describe('day partitions of monitoring_event', () => {
  it('makes the days ahead, moves early rows in, keeps re-sent lines out, and drops whole expired days', async () => {
    const { user, orgId } = await t.userWithOrg();
    const sensor = await registerSensor(t, user, orgId);
    const now = new Date();
    const later = new Date(now.getTime() + 5 * DAY);
    const send = (lines: string[]) =>
      t.request({
        method: 'POST',
        url: '/api/v1/ingest',
        payload: lines.join('\n'),
        headers: { authorization: `Bearer ${sensor.token}`, 'content-type': 'application/x-ndjson' },
      });
    const where = async () => {
      const res = (await t.app.mamori.db.execute(sql`
        select tableoid::regclass::text as part, count(*)::int as n from monitoring_event
        where org_id = ${orgId} group by 1 order by 1`)) as unknown as {
        rows: Array<{ part: string; n: number }>;
      };
      return Object.fromEntries(res.rows.map((r) => [r.part, r.n]));
    };
    const drain = () => monitoringRuntime(t.app.mamori)?.worker.drain();

    // Before any day table exists, everything waits in the default partition.
    expect((await send([event(now, 'pc-today'), event(later, 'pc-clock-ahead')])).statusCode).toBe(202);
    await drain();
    expect(await where()).toEqual({ monitoring_event_default: 2 });

    // The scheduled job makes yesterday's to the day after tomorrow's; a second run makes none.
    const job = monitoringModule.jobs?.find((j) => j.name === 'monitoring.partitions');
    await job?.run(t.app.mamori, now);
    expect(await eventPartitions(t.app.mamori.db)).toEqual([
      'monitoring_event_default',
      ...[-1, 0, 1, 2].map((d) => partitionName(new Date(now.getTime() + d * DAY))),
    ]);
    expect(await ensureEventPartitions(t.app.mamori.db, now)).toEqual([]);
    const today = partitionName(now);
    expect(await where()).toEqual({ monitoring_event_default: 1, [today]: 1 });

    // A re-sent line meets its stored self in the day table; a new one lands there.
    expect((await send([event(now, 'pc-today'), event(now, 'pc-new')])).statusCode).toBe(202);
    await drain();
    expect(await where()).toEqual({ monitoring_event_default: 1, [today]: 2 });

    // When the far day's table is made, its early row moves in.
    await ensureEventPartitions(t.app.mamori.db, later);
    expect(await where()).toEqual({ [today]: 2, [partitionName(later)]: 1 });

    // Retention drops the tables whose whole day is past, and nothing else.
    const startOfTomorrow = new Date((Math.floor(now.getTime() / DAY) + 1) * DAY);
    const dropped = await dropExpiredPartitions(t.app.mamori.db, startOfTomorrow);
    expect(dropped).toEqual([partitionName(new Date(now.getTime() - DAY)), today]);
    expect(await where()).toEqual({ [partitionName(later)]: 1 });
  });
});
