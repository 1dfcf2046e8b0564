import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../kernel/http/errors.ts';
import type { ModuleContext } from '../../kernel/module.ts';
import { requireCustomerAccess } from '../orgs/index.ts';
import { Backpressure, EventCommitter } from './monitoring.committer.ts';
import { Detector } from './monitoring.detect.ts';
import { createMonitoringMetrics } from './monitoring.metrics.ts';
import { JetStreamPipeline } from './monitoring.nats.ts';
import { type EventSink, hashToken, ingest, newToken, rules, rulesById } from './monitoring.pipeline.ts';
import { PreparePool } from './monitoring.prepare.pool.ts';
import { EventPreparer } from './monitoring.prepare.ts';
import * as repo from './monitoring.repo.ts';
import {
  alertDto,
  alertsQuery,
  orgParams,
  overrideBody,
  sensorBody,
  sensorDto,
  sensorListItemDto,
  sensorParams,
  summaryDto,
  summaryQuery,
} from './monitoring.schema.ts';
import { SyslogReceiver } from './monitoring.syslog.ts';
import { threatListRoutes } from './monitoring.threats.routes.ts';
import { ThreatIndex } from './monitoring.threats.ts';

const tags = ['monitoring'];
const security = [{ session: [] }];
export const INGEST_BODY_LIMIT = 5 * 1024 * 1024;

/** The SME's owner and practitioners, or the staff of the provider serving it. */
const sensorAdmins = { sme: ['owner', 'practitioner'], provider: ['manager', 'analyst'] } as const;

export interface MonitoringRuntime {
  /** Parses, matches and encodes what arrives (every node). */
  preparer: EventPreparer;
  committer: EventCommitter;
  /** Where ingest hands batches: the committer, or JetStream when NATS_URL is set. */
  sink: EventSink;
  nats: JetStreamPipeline | null;
  /** Tests and shutdown: wait until everything accepted so far is committed and detected. */
  worker: { drain(): Promise<void> };
  syslog: SyslogReceiver | null;
  syslogPorts: { udpPort: number; tcpPort: number } | null;
}
const runtimes = new WeakMap<ModuleContext, MonitoringRuntime>();
/** The running worker and receivers of an app (tests drain the worker through this). */
export const monitoringRuntime = (ctx: ModuleContext) => runtimes.get(ctx);

function sensorStatus(s: repo.SensorRow, now = Date.now()): 'waiting' | 'ok' | 'silent' | 'revoked' {
  if (s.revokedAt) return 'revoked';
  if (!s.lastSeenAt) return 'waiting';
  return now - s.lastSeenAt.getTime() > s.expectedIntervalMinutes * 60_000 ? 'silent' : 'ok';
}

const presentSensor = (s: repo.SensorRow) => ({
  id: s.id,
  name: s.name,
  kind: s.kind,
  vendor: s.vendor,
  sourceAddress: s.sourceAddress,
  hostname: s.hostname,
  tokenPrefix: s.tokenPrefix,
  expectedIntervalMinutes: s.expectedIntervalMinutes,
  lastSeenAt: s.lastSeenAt?.toISOString() ?? null,
  status: sensorStatus(s),
  createdAt: s.createdAt.toISOString(),
});

/** A sensor's last 24 hourly buckets (zeros where nothing came) and its parse failures. */
function sensorHealthOf(id: string, health: Awaited<ReturnType<typeof repo.sensorHealth>>, now: number) {
  const current = Math.floor(now / repo.HOUR_MS) * repo.HOUR_MS;
  const counted = new Map(
    health.hours.filter((h) => h.sensorId === id).map((h) => [h.hour.getTime(), h] as const),
  );
  const hours = Array.from({ length: 24 }, (_, i) => {
    const at = current - (23 - i) * repo.HOUR_MS;
    const h = counted.get(at);
    return { hour: new Date(at).toISOString(), events: h?.events ?? 0, failures: h?.failures ?? 0 };
  });
  return {
    traffic: {
      last24h: hours.reduce((n, h) => n + h.events, 0),
      thisHour: hours[23]?.events ?? 0,
      failedLast24h: hours.reduce((n, h) => n + h.failures, 0),
      hours,
    },
    parseFailures: health.failures
      .filter((f) => f.sensorId === id)
      .map((f) => ({ reason: f.reason, count: f.count, sample: f.sample, lastAt: f.lastAt.toISOString() })),
  };
}

export async function monitoringRoutes(fastify: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db, config } = ctx;
  const threats = new ThreatIndex();
  const preparer = new EventPreparer(
    new Detector(rules),
    threats,
    config.monitoringPrepareThreads > 0
      ? new PreparePool(config.monitoringPrepareThreads, threats)
      : undefined,
  );
  const committer = new EventCommitter(db, {
    maxQueuedEvents: config.monitoringQueueEvents,
    groupEvents: 5_000,
    // The embedded database has one connection: its transactions run one at a time anyway.
    parallel: config.databaseUrl ? 2 : 1,
  });
  const nats = config.natsUrl
    ? new JetStreamPipeline({
        url: config.natsUrl,
        stream: config.natsStream,
        committer: config.monitoringDetect ? committer : null,
        log: fastify.log,
      })
    : null;
  const runtime: MonitoringRuntime = {
    preparer,
    committer,
    sink: nats ?? committer,
    nats,
    worker: {
      drain: async () => {
        await nats?.drain();
        await committer.drain();
      },
    },
    syslog: null,
    syslogPorts: null,
  };
  runtimes.set(ctx, runtime);
  await threatListRoutes(fastify, ctx, () => preparer);
  const metrics = createMonitoringMetrics(ctx.metrics, {
    backlog: async () => committer.depth + ((await nats?.backlog().catch(() => 0)) ?? 0),
    udpDropped: () => runtime.syslog?.counters.udpDropped ?? 0,
    windows: () => repo.windowCount(db),
  });
  committer.metrics = metrics;

  fastify.addHook('onReady', async () => {
    await nats?.start();
    if (config.syslogPort > 0) {
      runtime.syslog = new SyslogReceiver(db, runtime.sink, preparer, metrics);
      runtime.syslogPorts = await runtime.syslog.start(config.host, config.syslogPort);
    }
  });
  fastify.addHook('onClose', async () => {
    await runtime.syslog?.stop();
    await nats?.stop();
    await committer.drain();
    await preparer.close();
  });

  // NDJSON and plain text arrive as one string; each line is parsed on its own.
  fastify.addContentTypeParser(
    ['application/x-ndjson', 'text/plain'],
    { parseAs: 'string', bodyLimit: INGEST_BODY_LIMIT },
    (_req, body, done) => done(null, body),
  );

  const slowDown = (seconds: number) =>
    new AppError('rate_limited', { params: { seconds }, messageKey: 'monitoring.errors.slow_down' });

  app.post(
    '/api/v1/ingest',
    {
      bodyLimit: INGEST_BODY_LIMIT,
      schema: {
        tags,
        description:
          'NDJSON of events (Suricata EVE, ECS, Wazuh, {"@timestamp","message"}) with `Authorization: Bearer <sensor token>`.',
        response: {
          202: z.object({
            accepted: z.number(),
            rejected: z.array(z.object({ line: z.number(), reason: z.string() })),
          }),
        },
      },
    },
    async (req, reply) => {
      const auth = req.headers.authorization ?? '';
      const token = /^Bearer\s+(\S+)$/i.exec(auth)?.[1];
      const sensorRow = token ? await repo.findSensorByToken(db, hashToken(token)) : undefined;
      if (!sensorRow)
        throw new AppError('invalid_token', {
          kind: 'unauthenticated',
          messageKey: 'monitoring.errors.invalid_token',
        });
      if (runtime.sink.full) {
        reply.header('retry-after', '2');
        throw slowDown(2);
      }
      const body =
        typeof req.body === 'string' ? req.body : req.body === undefined ? '' : JSON.stringify(req.body);
      const stop = metrics.latency.startTimer();
      let r: Awaited<ReturnType<typeof ingest>>;
      try {
        await preparer.refresh(db);
        r = await ingest(runtime.sink, preparer, sensorRow, body, 'https', new Date(), req.ip);
      } catch (err) {
        if (!(err instanceof Backpressure)) throw err;
        reply.header('retry-after', String(err.retryAfterSeconds));
        throw slowDown(err.retryAfterSeconds);
      }
      stop();
      metrics.received.inc({ transport: 'https', kind: sensorRow.kind }, r.received);
      metrics.accepted.inc({ kind: sensorRow.kind }, r.accepted);
      for (const x of r.rejected) metrics.rejected.inc({ reason: x.reason });
      return reply.status(202).send({ accepted: r.accepted, rejected: r.rejected });
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/sensors',
    {
      schema: {
        tags,
        security,
        params: orgParams,
        response: { 200: z.object({ items: z.array(sensorListItemDto) }) },
      },
    },
    async (req) => {
      const m = await requireCustomerAccess(req, db, req.params.orgId);
      const sensors = await repo.listSensors(db, m.orgId);
      const now = Date.now();
      const health = await repo.sensorHealth(
        db,
        sensors.map((s) => s.id),
        new Date(now - 23 * repo.HOUR_MS),
      );
      return { items: sensors.map((s) => ({ ...presentSensor(s), ...sensorHealthOf(s.id, health, now) })) };
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/sensors',
    {
      schema: {
        tags,
        security,
        params: orgParams,
        body: sensorBody,
        response: { 201: sensorDto.extend({ token: z.string() }) },
      },
      config: { audit: 'monitoring.sensor_create' },
    },
    async (req, reply) => {
      const m = await requireCustomerAccess(req, db, req.params.orgId, sensorAdmins);
      const tok = newToken();
      const s = await repo.insertSensor(db, {
        id: crypto.randomUUID(),
        orgId: m.orgId,
        name: req.body.name,
        kind: req.body.kind,
        vendor: req.body.vendor ?? null,
        sourceAddress: req.body.sourceAddress ?? null,
        hostname: req.body.hostname ?? null,
        tokenHash: tok.hash,
        tokenPrefix: tok.prefix,
        expectedIntervalMinutes: req.body.expectedIntervalMinutes ?? 60,
      });
      req.audit = { target: s.id, data: { name: s.name, kind: s.kind } };
      return reply.status(201).send({ ...presentSensor(s), token: tok.token });
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/sensors/:sensorId/revoke',
    {
      schema: { tags, security, params: sensorParams, response: { 200: sensorDto } },
      config: { audit: 'monitoring.sensor_revoke' },
    },
    async (req) => {
      const m = await requireCustomerAccess(req, db, req.params.orgId, sensorAdmins);
      const s = await repo.revokeSensor(db, m.orgId, req.params.sensorId);
      if (!s) throw new AppError('not_found');
      req.audit = { target: s.id };
      return presentSensor(s);
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/monitoring/summary',
    {
      schema: { tags, security, params: orgParams, querystring: summaryQuery, response: { 200: summaryDto } },
    },
    async (req) => {
      const m = await requireCustomerAccess(req, db, req.params.orgId);
      const to = req.query.to ? new Date(req.query.to) : new Date();
      const from = req.query.from ? new Date(req.query.from) : new Date(to.getTime() - 30 * 86_400_000);
      const [s, sensors] = await Promise.all([
        repo.summary(db, m.orgId, from, to),
        repo.listSensors(db, m.orgId),
      ]);
      return {
        events: { total: Object.values(s.byKind).reduce((a, b) => a + b, 0), byKind: s.byKind },
        alerts: { open: s.openAlerts, total: s.alerts },
        incidents: { open: s.openIncidents, total: s.incidents },
        sensors: sensors.map((x) => ({
          id: x.id,
          name: x.name,
          lastSeenAt: x.lastSeenAt?.toISOString() ?? null,
          status: sensorStatus(x),
        })),
      };
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/alerts',
    {
      schema: {
        tags,
        security,
        params: orgParams,
        querystring: alertsQuery,
        response: { 200: z.object({ items: z.array(alertDto), total: z.number() }) },
      },
    },
    async (req) => {
      const m = await requireCustomerAccess(req, db, req.params.orgId);
      const r = await repo.listAlerts(db, m.orgId, req.query);
      return {
        total: r.total,
        items: r.items.map((a) => {
          const rule = rulesById.get(a.ruleId);
          const lang = req.lang;
          const where = Object.values(a.groupValues).filter(Boolean).join(', ');
          return {
            id: a.id,
            rule: a.ruleId,
            severity: a.severity,
            count: a.count,
            firstSeenAt: a.firstSeenAt.toISOString(),
            lastSeenAt: a.lastSeenAt.toISOString(),
            status: a.status,
            summary: rule ? `${rule.def.title[lang]}${where ? `（${where}）` : ''}` : a.ruleId,
            what: rule?.def.explain.what[lang] ?? '',
            actions: rule?.def.explain.actions[lang] ?? [],
            group: a.groupValues,
            incidentId: a.incidentId,
          };
        }),
      };
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/monitoring/overrides',
    {
      schema: { tags, security, params: orgParams, body: overrideBody },
      config: { audit: 'monitoring.override' },
    },
    async (req, reply) => {
      const m = await requireCustomerAccess(req, db, req.params.orgId, sensorAdmins);
      if (!rulesById.has(req.body.ruleId)) {
        throw new AppError('validation_failed', {
          fields: { ruleId: { key: 'monitoring.fields.unknown_rule' } },
        });
      }
      await repo.addOverride(db, m.orgId, req.body.ruleId, req.body.host ?? '');
      req.audit = { target: req.body.ruleId, data: { host: req.body.host ?? null } };
      return reply.status(204).send();
    },
  );

  app.get('/api/v1/monitoring/rules', { schema: { tags } }, async (req) =>
    [...rulesById.values()].map((r) => ({
      id: r.id,
      level: r.def.level,
      title: r.def.title[req.lang],
      what: r.def.explain.what[req.lang],
    })),
  );
}
