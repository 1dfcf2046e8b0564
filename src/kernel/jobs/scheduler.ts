import type { FastifyBaseLogger } from 'fastify';
import type { ModuleContext } from '../module.ts';

export interface Job {
  /** Stable name, e.g. `diagnosis.review-reminders`. */
  name: string;
  /** How often to run. Jobs must be idempotent: they may run again after a restart. */
  everyMs: number;
  run(ctx: ModuleContext, now: Date): Promise<void>;
}

/**
 * Runs each job on its interval, one run at a time per job. Jobs keep their own
 * progress in their tables (e.g. "reminded at"), so a restart simply resumes.
 */
export function startJobs(ctx: ModuleContext, jobs: Job[], log: FastifyBaseLogger): () => void {
  const timers = jobs.map((job) => {
    let running = false;
    const tick = async () => {
      if (running) return;
      running = true;
      try {
        await job.run(ctx, new Date());
      } catch (err) {
        log.error({ err, job: job.name }, 'job failed');
      } finally {
        running = false;
      }
    };
    const first = setTimeout(tick, 5_000);
    const every = setInterval(tick, job.everyMs);
    return () => {
      clearTimeout(first);
      clearInterval(every);
    };
  });
  return () => {
    for (const stop of timers) stop();
  };
}
