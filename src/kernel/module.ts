import type { FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';
import type { Auth } from './auth/auth.ts';
import type { Config } from './config.ts';
import type { AppDb } from './db/client.ts';
import type { Lang } from './i18n/index.ts';
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
  /** Every mounted module, so cross-cutting jobs (the weekly digest) can ask each for its part. */
  modules: readonly ModuleManifest[];
}

/** One heading of the weekly digest mail, contributed by a module for one member. */
export interface DigestSection {
  /** Stable id, e.g. `helpdesk.advisories`. */
  id: string;
  title: string;
  items: { text: string; url?: string }[];
}

export interface DigestRequest {
  orgId: string;
  userId: string;
  lang: Lang;
  /** New since this time (the previous digest), due before `until`. */
  since: Date;
  until: Date;
}

/** A capability: the app mounts whatever manifests main/app lists; the kernel knows none by name. */
export interface ModuleManifest {
  id: string;
  routes: (app: FastifyInstance, ctx: ModuleContext) => Promise<void> | void;
  /** Scheduled work (reminders, digests, reports). */
  jobs?: Job[];
  /** This module's part of a member's weekly digest, or null when it has nothing to say. */
  digest?: (ctx: ModuleContext, req: DigestRequest) => Promise<DigestSection | null>;
}
