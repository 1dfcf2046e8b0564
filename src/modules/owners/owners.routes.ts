import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireMember } from '../../kernel/auth/tenancy.ts';
import type { ModuleContext } from '../../kernel/module.ts';
import { editors } from './owners.access.ts';
import { notifyResponsible } from './owners.reminders.ts';
import {
  actionDto,
  actionParams,
  contractorBody,
  contractorDto,
  contractorListDto,
  contractorParams,
  contractorPatch,
  contractorQuery,
  cornerDto,
  orgParams,
  updateActionBody,
  whyDto,
} from './owners.schema.ts';
import * as service from './owners.service.ts';

const tags = ['owners'];
const security = [{ session: [] }];

export async function ownersRoutes(fastify: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx;

  app.get(
    '/api/v1/owners/why',
    {
      schema: {
        tags,
        summary: 'Why an SME needs security: 3 reasons, 3 pitfalls',
        response: { 200: whyDto },
      },
    },
    async (req) => service.why(req.lang),
  );

  app.get(
    '/api/v1/orgs/:orgId/owners',
    {
      schema: {
        tags,
        security,
        summary: "The owner's corner: 3 principles, the 7 key actions and their state",
        params: orgParams,
        response: { 200: cornerDto },
      },
    },
    async (req) => {
      const m = await requireMember(req, db, req.params.orgId);
      return service.corner(ctx, m.orgId, m.role, req.lang);
    },
  );

  app.patch(
    '/api/v1/orgs/:orgId/owners/actions/:no',
    {
      schema: { tags, security, params: actionParams, body: updateActionBody, response: { 200: actionDto } },
      config: { audit: 'owners.action_update' },
    },
    async (req) => {
      const m = await requireMember(req, db, req.params.orgId);
      const r = await service.updateAction(
        ctx,
        m.orgId,
        { userId: m.actor.userId, role: m.role },
        req.params.no,
        req.body,
        req.lang,
      );
      req.audit = { target: `action-${req.params.no}`, data: req.body };
      if (r.newlyResponsible && r.newlyResponsible !== m.actor.userId)
        await notifyResponsible(ctx, m.orgId, req.params.no, r.newlyResponsible);
      return r.action;
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/owners/contractors',
    {
      schema: {
        tags,
        security,
        summary: 'Contractors the organisation entrusts information to (paged by 20, searchable)',
        params: orgParams,
        querystring: contractorQuery,
        response: { 200: contractorListDto },
      },
    },
    async (req) => {
      const m = await requireMember(req, db, req.params.orgId, editors);
      return service.listContractors(ctx, m.orgId, req.query);
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/owners/contractors',
    {
      schema: { tags, security, params: orgParams, body: contractorBody, response: { 201: contractorDto } },
      config: { audit: 'owners.contractor_create' },
    },
    async (req, reply) => {
      const m = await requireMember(req, db, req.params.orgId, editors);
      const c = await service.createContractor(ctx, m.orgId, m.actor.userId, req.body);
      req.audit = { target: c.id, data: { name: c.name, declarationId: c.declarationId } };
      return reply.status(201).send(c);
    },
  );

  app.patch(
    '/api/v1/orgs/:orgId/owners/contractors/:id',
    {
      schema: {
        tags,
        security,
        params: contractorParams,
        body: contractorPatch,
        response: { 200: contractorDto },
      },
      config: { audit: 'owners.contractor_update' },
    },
    async (req) => {
      const m = await requireMember(req, db, req.params.orgId, editors);
      const c = await service.updateContractor(ctx, m.orgId, req.params.id, req.body);
      req.audit = { target: c.id, data: { fields: Object.keys(req.body) } };
      return c;
    },
  );

  app.delete(
    '/api/v1/orgs/:orgId/owners/contractors/:id',
    { schema: { tags, security, params: contractorParams }, config: { audit: 'owners.contractor_delete' } },
    async (req, reply) => {
      const m = await requireMember(req, db, req.params.orgId, editors);
      await service.deleteContractor(ctx, m.orgId, req.params.id);
      req.audit = { target: req.params.id };
      return reply.status(204).send();
    },
  );
}
