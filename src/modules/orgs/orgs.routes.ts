import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { OrgRole } from '../../kernel/auth/auth.ts';
import { requireMember } from '../../kernel/auth/tenancy.ts';
import { headersOf, requireActor } from '../../kernel/http/request-context.ts';
import type { ModuleContext } from '../../kernel/module.ts';
import { managers } from './orgs.access.ts';
import {
  createOrgBody,
  invitationDto,
  invitationIdParams,
  invitationParams,
  invitationViewDto,
  inviteBody,
  meDto,
  memberDto,
  memberParams,
  orgDto,
  orgParams,
  roleBody,
  updateOrgBody,
} from './orgs.schema.ts';
import * as service from './orgs.service.ts';

const tags = ['orgs'];
const security = [{ session: [] }];

export async function orgsRoutes(fastify: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx;

  app.get('/api/v1/me', { schema: { tags, security, response: { 200: meDto } } }, async (req) => {
    const actor = await requireActor(req);
    const { orgs, activeOrgId } = await service.me(ctx, actor);
    return {
      user: {
        id: actor.userId,
        email: actor.email,
        name: actor.name,
        emailVerified: actor.emailVerified,
        twoFactorEnabled: actor.twoFactorEnabled,
        isOperator: actor.isOperator,
        locale: actor.locale,
      },
      orgs,
      activeOrgId,
    };
  });

  app.post(
    '/api/v1/orgs',
    {
      schema: { tags, security, body: createOrgBody, response: { 201: orgDto } },
      config: { audit: 'orgs.create' },
    },
    async (req, reply) => {
      const actor = await requireActor(req);
      const org = await service.createOrg(ctx, actor, headersOf(req), req.body);
      req.audit = { orgId: org.id, target: org.id, data: { kind: org.kind, name: org.name } };
      return reply.status(201).send(org);
    },
  );

  app.get(
    '/api/v1/orgs',
    { schema: { tags, security, response: { 200: z.object({ items: z.array(orgDto) }) } } },
    async (req) => {
      const actor = await requireActor(req);
      return { items: await service.listMyOrgs(ctx, actor.userId) };
    },
  );

  app.get(
    '/api/v1/orgs/:orgId',
    { schema: { tags, security, params: orgParams, response: { 200: orgDto } } },
    async (req) => {
      const m = await requireMember(req, db, req.params.orgId);
      return service.getOrg(ctx, m.orgId, m.actor.userId);
    },
  );

  app.patch(
    '/api/v1/orgs/:orgId',
    {
      schema: { tags, security, params: orgParams, body: updateOrgBody, response: { 200: orgDto } },
      config: { audit: 'orgs.update' },
    },
    async (req) => {
      const m = await requireMember(req, db, req.params.orgId, managers);
      req.audit = { target: m.orgId, data: { fields: Object.keys(req.body) } };
      return service.updateOrg(ctx, m.orgId, m.actor.userId, req.body);
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/activate',
    {
      schema: { tags, security, params: orgParams, response: { 200: z.object({ activeOrgId: z.string() }) } },
    },
    async (req) => {
      const m = await requireMember(req, db, req.params.orgId);
      return service.activateOrg(ctx, headersOf(req), m.orgId);
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/members',
    {
      schema: {
        tags,
        security,
        params: orgParams,
        response: { 200: z.object({ members: z.array(memberDto), invitations: z.array(invitationDto) }) },
      },
    },
    async (req) => {
      const m = await requireMember(req, db, req.params.orgId);
      return service.listMembership(ctx, m.orgId);
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/invitations',
    {
      schema: { tags, security, params: orgParams, body: inviteBody, response: { 201: invitationDto } },
      config: {
        audit: 'orgs.invite',
        rateLimit: ctx.config.rateLimit ? { max: 30, timeWindow: 60_000 } : false,
      },
    },
    async (req, reply) => {
      const m = await requireMember(req, db, req.params.orgId, managers);
      const inv = await service.invite(
        ctx,
        headersOf(req),
        m.orgId,
        req.body.email,
        req.body.role as OrgRole,
      );
      req.audit = { target: inv.email, data: { role: inv.role, invitationId: inv.id } };
      return reply.status(201).send(inv);
    },
  );

  app.delete(
    '/api/v1/orgs/:orgId/invitations/:invitationId',
    { schema: { tags, security, params: invitationParams }, config: { audit: 'orgs.invitation_cancel' } },
    async (req, reply) => {
      const m = await requireMember(req, db, req.params.orgId, managers);
      await service.cancelInvitation(ctx, headersOf(req), m.orgId, req.params.invitationId);
      req.audit = { target: req.params.invitationId };
      return reply.status(204).send();
    },
  );

  app.patch(
    '/api/v1/orgs/:orgId/members/:memberId',
    {
      schema: { tags, security, params: memberParams, body: roleBody, response: { 200: memberDto } },
      config: { audit: 'orgs.member_role' },
    },
    async (req) => {
      const m = await requireMember(req, db, req.params.orgId, managers);
      const updated = await service.changeRole(ctx, m.orgId, req.params.memberId, req.body.role as OrgRole);
      req.audit = { target: updated.email, data: { role: updated.role } };
      return updated;
    },
  );

  app.delete(
    '/api/v1/orgs/:orgId/members/:memberId',
    { schema: { tags, security, params: memberParams }, config: { audit: 'orgs.member_remove' } },
    async (req, reply) => {
      const m = await requireMember(req, db, req.params.orgId, managers);
      const removed = await service.removeMember(ctx, m.actor, m.orgId, req.params.memberId);
      req.audit = { target: removed.email };
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/v1/invitations/:id',
    { schema: { tags, security, params: invitationIdParams, response: { 200: invitationViewDto } } },
    async (req) => {
      const actor = await requireActor(req);
      return service.viewInvitation(ctx, actor, req.params.id);
    },
  );

  app.post(
    '/api/v1/invitations/:id/accept',
    {
      schema: {
        tags,
        security,
        params: invitationIdParams,
        response: { 200: z.object({ orgId: z.string() }) },
      },
      config: { audit: 'orgs.invitation_accept' },
    },
    async (req) => {
      const actor = await requireActor(req);
      const result = await service.acceptInvitation(ctx, actor, headersOf(req), req.params.id);
      req.audit = { orgId: result.orgId, target: req.params.id };
      return result;
    },
  );
}
