import type { FastifyInstance } from 'fastify';
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

import { z } from 'zod';

/** Health, readiness and Prometheus metrics, as API.md fixes them. */
/** One Prometheus registry per app, shared with modules through their context. */
export function createMetricsRegistry(): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'mamori_' });
  return registry;
}

export function registerOpsRoutes(
  app: FastifyInstance,
  deps: { isReady: () => Promise<boolean>; registry: Registry },
): Registry {
  const { registry } = deps;
  const requests = new Counter({
    name: 'mamori_http_requests_total',
    help: 'HTTP requests by method, route and status',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'mamori_http_request_duration_seconds',
    help: 'HTTP request duration',
    labelNames: ['method', 'route'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'unmatched';
    requests.inc({ method: req.method, route, status: String(reply.statusCode) });
    duration.observe({ method: req.method, route }, reply.elapsedTime / 1000);
  });

  const status = z.object({ status: z.string() });
  app.get('/healthz', { schema: { tags: ['ops'], response: { 200: status } } }, async () => ({
    status: 'ok',
  }));
  app.get(
    '/readyz',
    { schema: { tags: ['ops'], response: { 200: status, 503: status } } },
    async (_req, reply) => {
      const ready = await deps.isReady().catch(() => false);
      return reply.status(ready ? 200 : 503).send({ status: ready ? 'ready' : 'starting' });
    },
  );
  app.get('/metrics', { schema: { tags: ['ops'], hide: true } }, async (_req, reply) => {
    reply.header('content-type', registry.contentType);
    return registry.metrics();
  });
  return registry;
}
