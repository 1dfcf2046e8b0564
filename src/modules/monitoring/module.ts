import type { ModuleManifest } from '../../kernel/module.ts';
import { deskRoutes } from './monitoring.desk.routes.ts';
import { dropExpiredPartitions, ensureEventPartitions } from './monitoring.partitions.ts';
import { checkSilentSensors } from './monitoring.pipeline.ts';
import { deleteEventsBefore, deleteSensorHoursBefore, deleteStaleWindows } from './monitoring.repo.ts';
import { monitoringRoutes } from './monitoring.routes.ts';

/** 24-hour monitoring: sensors, ingestion (HTTPS and syslog), detection, alerts and incidents. */
export const monitoringModule: ModuleManifest = {
  id: 'monitoring',
  routes: async (fastify, ctx) => {
    await monitoringRoutes(fastify, ctx);
    // The people side: SME dashboard, provider queue, incident work, webhook.
    await deskRoutes(fastify, ctx);
  },
  jobs: [
    {
      name: 'monitoring.sensor-silent',
      everyMs: 60_000,
      run: async (ctx, now) => void (await checkSilentSensors(ctx, now)),
    },
    {
      name: 'monitoring.partitions',
      everyMs: 60 * 60_000,
      run: async (ctx, now) => void (await ensureEventPartitions(ctx.db, now)),
    },
    {
      name: 'monitoring.retention',
      everyMs: 60 * 60_000,
      run: async (ctx, now) => {
        const before = new Date(now.getTime() - ctx.config.monitoringRetentionDays * 86_400_000);
        // Whole days go as tables; what is left (the default partition's) in batches.
        await dropExpiredPartitions(ctx.db, before);
        while ((await deleteEventsBefore(ctx.db, before)) > 0) {
          /* batch by batch, never one huge delete */
        }
        await deleteSensorHoursBefore(ctx.db, before);
        await deleteStaleWindows(ctx.db, now);
      },
    },
  ],
};
