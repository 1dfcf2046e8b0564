import type { FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';
import type { Auth } from './auth/auth.ts';
import type { Config } from './config.ts';
import type { AppDb } from './db/client.ts';
import type { Job } from './jobs/scheduler.ts';
import type { Mailer } from './mail/mailer.ts';

/** What the kernel hands every module. */
export interface ModuleContext {
  db: AppDb;
  auth: Auth;
  mailer: Mailer;
  config: Config;
  /** Prometheus registry behind /metrics; modules add their own counters. */
  metrics: Registry;
}

/** A capability: the app mounts whatever manifests main/app lists; the kernel knows none by name. */
export interface ModuleManifest {
  id: string;
  routes: (app: FastifyInstance, ctx: ModuleContext) => Promise<void> | void;
  /** Scheduled work (reminders, digests, reports). */
  jobs?: Job[];
}
