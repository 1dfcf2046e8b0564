import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireMember } from '../../kernel/auth/tenancy.ts';
import { notFoundPage } from '../../kernel/documents/html.ts';
import { requireOperator } from '../../kernel/http/request-context.ts';
import { t } from '../../kernel/i18n/index.ts';
import type { ModuleContext } from '../../kernel/module.ts';
import { buyers, declarers } from './declaration.access.ts';
import { renderBadgePng, renderBadgeSvg } from './declaration.badge.ts';
import { badgeSnippet, renderVerifyPage } from './declaration.page.ts';
import {
  consentBody,
  createdDto,
  declareBody,
  idParams,
  orgDeclParams,
  orgParams,
  publicDto,
  registryQuery,
  requirementsDto,
  revokeBody,
  statsDto,
  supplierBody,
  supplierDto,
  supplierParams,
} from './declaration.schema.ts';
import * as service from './declaration.service.ts';

const tags = ['declaration'];
const security = [{ session: [] }];

export async function declarationRoutes(fastify: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db, config } = ctx;
  const host = new URL(config.publicUrl).host;

  app.post(
    '/api/v1/orgs/:orgId/declarations',
    {
      schema: { tags, security, params: orgParams, body: declareBody, response: { 201: createdDto } },
      config: { audit: 'declaration.declare' },
    },
    async (req, reply) => {
      const m = await requireMember(req, db, req.params.orgId, declarers);
      const d = await service.declare(ctx, m.orgId, m.actor.userId, req.body);
      req.audit = { target: d.id, data: { star: d.star } };
      return reply
        .status(201)
        .send({ id: d.id, star: d.star, status: 'active', declaredAt: d.declaredAt.toISOString() });
    },
  );

  // Everything the declaration page needs: principles, ★★ requirements, current and past declarations, badge.
  app.get(
    '/api/v1/orgs/:orgId/declarations',
    { schema: { tags, security, params: orgParams, response: { 200: requirementsDto } } },
    async (req) => {
      const m = await requireMember(req, db, req.params.orgId);
      const [reqs, history] = await Promise.all([
        service.requirements(ctx, m.orgId),
        service.listOrgDeclarations(ctx, m.orgId),
      ]);
      const current = history.find((h) => h.status === 'active') ?? null;
      return {
        diagnosis: reqs.diagnosis,
        policy: reqs.policy,
        principles: service.listPrinciples(req.lang),
        current,
        history,
        badge: current
          ? {
              svgUrl: `${config.publicUrl}/api/v1/declarations/${current.id}/badge.svg`,
              pngUrl: `${config.publicUrl}/api/v1/declarations/${current.id}/badge.png`,
              verifyUrl: `${config.publicUrl}/verify/${current.id}`,
              snippet: badgeSnippet(config.publicUrl, current, req.lang),
            }
          : null,
      };
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/declarations/:id/withdraw',
    {
      schema: { tags, security, params: orgDeclParams, response: { 200: publicDto } },
      config: { audit: 'declaration.withdraw' },
    },
    async (req) => {
      const m = await requireMember(req, db, req.params.orgId, declarers);
      const d = await service.withdraw(ctx, m.orgId, req.params.id);
      req.audit = { target: d.id };
      return service.presentPublic(d);
    },
  );

  app.post(
    '/api/v1/admin/declarations/:id/revoke',
    {
      schema: { tags, security, params: idParams, body: revokeBody, response: { 200: publicDto } },
      config: { audit: 'declaration.revoke' },
    },
    async (req) => {
      await requireOperator(req);
      const d = await service.revoke(ctx, req.params.id, req.body.reason);
      req.audit = { orgId: d.orgId, target: d.id, data: { reason: req.body.reason } };
      return service.presentPublic(d);
    },
  );

  // Public: the registry, statistics, one declaration, its badge, its verification page.
  app.get(
    '/api/v1/declarations',
    {
      schema: {
        tags,
        querystring: registryQuery,
        response: { 200: z.object({ items: z.array(publicDto), total: z.number() }) },
      },
    },
    async (req) => service.search(ctx, req.query),
  );

  app.get('/api/v1/declarations/stats', { schema: { tags, response: { 200: statsDto } } }, async (req) =>
    service.stats(ctx, req.lang),
  );

  app.get(
    '/api/v1/declarations/:id',
    { schema: { tags, params: idParams, response: { 200: publicDto } } },
    async (req) => service.presentPublic(await service.getPublic(ctx, req.params.id)),
  );

  const badgeInput = async (id: string, lang: 'ja' | 'en') => {
    const d = service.presentPublic(await service.getPublic(ctx, id));
    return { id: d.id, star: d.star, status: d.status, orgName: d.orgName, lang, verifyHost: host };
  };

  app.get(
    '/api/v1/declarations/:id/badge.svg',
    { schema: { tags, params: idParams } },
    async (req, reply) => {
      const svg = await renderBadgeSvg(await badgeInput(req.params.id, req.lang));
      return reply
        .header('content-type', 'image/svg+xml; charset=utf-8')
        .header('cache-control', 'public, max-age=600')
        .header('cross-origin-resource-policy', 'cross-origin')
        .send(svg);
    },
  );

  app.get(
    '/api/v1/declarations/:id/badge.png',
    { schema: { tags, params: idParams } },
    async (req, reply) => {
      const png = await renderBadgePng(await badgeInput(req.params.id, req.lang));
      return reply
        .header('content-type', 'image/png')
        .header('cache-control', 'public, max-age=600')
        .header('cross-origin-resource-policy', 'cross-origin')
        .send(png);
    },
  );

  app.get('/verify/:id', { schema: { tags, params: idParams } }, async (req, reply) => {
    let html: string;
    try {
      html = renderVerifyPage(
        service.presentPublic(await service.getPublic(ctx, req.params.id)),
        req.lang,
        config.publicUrl,
      );
    } catch {
      return reply
        .status(404)
        .header('content-type', 'text/html; charset=utf-8')
        .send(notFoundPage(req.lang, t(req.lang, 'declaration.verify.notFound')));
    }
    return reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(html);
  });

  // Supply chain.
  app.get(
    '/api/v1/orgs/:orgId/suppliers',
    {
      schema: {
        tags,
        security,
        params: orgParams,
        response: { 200: z.object({ items: z.array(supplierDto) }) },
      },
    },
    async (req) => {
      const m = await requireMember(req, db, req.params.orgId);
      return { items: await service.listSuppliers(ctx, m.orgId) };
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/suppliers',
    {
      schema: { tags, security, params: orgParams, body: supplierBody, response: { 201: supplierDto } },
      config: { audit: 'declaration.supplier_add' },
    },
    async (req, reply) => {
      const m = await requireMember(req, db, req.params.orgId, buyers);
      const s = await service.addSupplier(ctx, m.orgId, req.body);
      req.audit = { target: s?.id ?? null, data: { label: req.body.label } };
      return reply.status(201).send(s);
    },
  );

  app.delete(
    '/api/v1/orgs/:orgId/suppliers/:supplierId',
    { schema: { tags, security, params: supplierParams }, config: { audit: 'declaration.supplier_remove' } },
    async (req, reply) => {
      const m = await requireMember(req, db, req.params.orgId, buyers);
      await service.removeSupplier(ctx, m.orgId, req.params.supplierId);
      req.audit = { target: req.params.supplierId };
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/buyers',
    {
      schema: {
        tags,
        security,
        params: orgParams,
        response: {
          200: z.object({
            items: z.array(z.object({ orgId: z.string(), name: z.string(), diagnosisShared: z.boolean() })),
          }),
        },
      },
    },
    async (req) => {
      const m = await requireMember(req, db, req.params.orgId);
      return { items: await service.listBuyers(ctx, m.orgId) };
    },
  );

  app.put(
    '/api/v1/orgs/:orgId/buyers/consent',
    {
      schema: { tags, security, params: orgParams, body: consentBody },
      config: { audit: 'declaration.consent' },
    },
    async (req, reply) => {
      const m = await requireMember(req, db, req.params.orgId, declarers);
      await service.setConsent(ctx, m.orgId, req.body.buyerOrgId, req.body.granted);
      req.audit = { target: req.body.buyerOrgId, data: { granted: req.body.granted } };
      return reply.status(204).send();
    },
  );
}
