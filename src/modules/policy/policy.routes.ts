import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireMember } from '../../kernel/auth/tenancy.ts';
import { notFoundPage } from '../../kernel/documents/html.ts';
import { t } from '../../kernel/i18n/index.ts';
import type { ModuleContext } from '../../kernel/module.ts';
import { approvers, writers } from './policy.access.ts';
import {
  approveBody,
  createBody,
  defaultsDto,
  defaultsQuery,
  diffDto,
  diffQuery,
  exportQuery,
  listDto,
  orgParams,
  policyDto,
  policyParams,
  publishBody,
  savedDto,
  templatesDto,
  updateBody,
  versionQuery,
} from './policy.schema.ts';
import * as service from './policy.service.ts';

const tags = ['policy'];
const security = [{ session: [] }];

export async function policyRoutes(fastify: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx;

  app.get('/api/v1/policy/templates', { schema: { tags, response: { 200: templatesDto } } }, async (req) =>
    service.listTemplates(req.lang),
  );

  app.get(
    '/api/v1/orgs/:orgId/policies',
    { schema: { tags, security, params: orgParams, response: { 200: listDto } } },
    async (req) => {
      const m = await requireMember(req, db, req.params.orgId);
      return { items: await service.listPolicies(ctx, m.orgId, req.lang) };
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/policies/defaults',
    {
      schema: {
        tags,
        security,
        params: orgParams,
        querystring: defaultsQuery,
        response: { 200: defaultsDto },
      },
    },
    async (req) => {
      const m = await requireMember(req, db, req.params.orgId);
      return service.defaults(ctx, m.orgId, req.query.template);
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/policies',
    {
      schema: { tags, security, params: orgParams, body: createBody, response: { 201: savedDto } },
      config: { audit: 'policy.save' },
    },
    async (req, reply) => {
      const m = await requireMember(req, db, req.params.orgId, writers);
      const saved = await service.saveVersion(ctx, m.orgId, m.actor.userId, req.body);
      req.audit = { target: saved.id, data: { template: req.body.template, version: saved.version } };
      return reply.status(201).send(saved);
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/policies/:id',
    {
      schema: {
        tags,
        security,
        params: policyParams,
        querystring: versionQuery,
        response: { 200: policyDto },
      },
    },
    async (req) => {
      const m = await requireMember(req, db, req.params.orgId);
      return service.getPolicy(ctx, m.orgId, req.params.id, req.query.version);
    },
  );

  app.put(
    '/api/v1/orgs/:orgId/policies/:id',
    {
      schema: { tags, security, params: policyParams, body: updateBody, response: { 200: savedDto } },
      config: { audit: 'policy.save' },
    },
    async (req) => {
      const m = await requireMember(req, db, req.params.orgId, writers);
      const current = await service.getPolicy(ctx, m.orgId, req.params.id);
      const saved = await service.saveVersion(ctx, m.orgId, m.actor.userId, {
        ...req.body,
        template: current.template,
      });
      req.audit = { target: saved.id, data: { version: saved.version } };
      return saved;
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/policies/:id/approve',
    {
      schema: {
        tags,
        security,
        params: policyParams,
        body: approveBody,
        response: { 200: savedDto.omit({ id: true }) },
      },
      config: { audit: 'policy.approve' },
    },
    async (req) => {
      const m = await requireMember(req, db, req.params.orgId, approvers);
      req.audit = { target: req.params.id, data: { version: req.body.version } };
      return service.approve(ctx, m.orgId, req.params.id, req.body.version, m.actor.userId);
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/policies/:id/diff',
    { schema: { tags, security, params: policyParams, querystring: diffQuery, response: { 200: diffDto } } },
    async (req) => {
      const m = await requireMember(req, db, req.params.orgId);
      return service.diff(ctx, m.orgId, req.params.id, req.query.from, req.query.to, req.lang);
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/policies/:id/export',
    { schema: { tags, security, params: policyParams, querystring: exportQuery } },
    async (req, reply) => {
      const m = await requireMember(req, db, req.params.orgId);
      const file = await service.exportPolicy(
        ctx,
        m.orgId,
        req.params.id,
        req.query.format,
        req.query.version,
        req.lang,
      );
      const disposition = req.query.format === 'html' ? 'inline' : 'attachment';
      return reply
        .header('content-type', file.type)
        .header('content-disposition', `${disposition}; filename="${file.filename}"`)
        .send(file.body);
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/policies/:id/publish',
    {
      schema: {
        tags,
        security,
        params: policyParams,
        body: publishBody,
        response: { 200: z.object({ publicUrl: z.string(), version: z.number() }) },
      },
      config: { audit: 'policy.publish' },
    },
    async (req) => {
      const m = await requireMember(req, db, req.params.orgId, approvers);
      const r = await service.publish(ctx, m.orgId, req.params.id, req.body?.version);
      req.audit = { target: req.params.id, data: { version: r.version } };
      return r;
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/policies/:id/unpublish',
    { schema: { tags, security, params: policyParams }, config: { audit: 'policy.unpublish' } },
    async (req, reply) => {
      const m = await requireMember(req, db, req.params.orgId, approvers);
      await service.unpublish(ctx, m.orgId, req.params.id);
      req.audit = { target: req.params.id };
      return reply.status(204).send();
    },
  );

  // The public page a company links to from its website.
  app.get(
    '/policies/:slug',
    { schema: { tags, params: z.object({ slug: z.string().regex(/^[A-Za-z0-9_-]{6,32}$/) }) } },
    async (req, reply) => {
      const html = await service.publicPage(ctx, req.params.slug, req.lang, {
        published: t(req.lang, 'policy.public.published'),
        note: t(req.lang, 'policy.public.note'),
      });
      if (!html) {
        return reply
          .status(404)
          .header('content-type', 'text/html; charset=utf-8')
          .send(notFoundPage(req.lang, t(req.lang, 'policy.public.notFound')));
      }
      return reply
        .header('content-type', 'text/html; charset=utf-8')
        .header('cache-control', 'public, max-age=300')
        .send(html);
    },
  );
}
