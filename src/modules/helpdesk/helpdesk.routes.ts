import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireMember } from '../../kernel/auth/tenancy.ts';
import { errorBody, toAppError } from '../../kernel/http/error-handler.ts';
import { AppError } from '../../kernel/http/errors.ts';
import { requireOperator } from '../../kernel/http/request-context.ts';
import type { ModuleContext } from '../../kernel/module.ts';
import { requireCustomerAccess } from '../orgs/index.ts';
import { advisoryAuthors, deskStaff, smeSupervisors } from './helpdesk.access.ts';
import * as advisories from './helpdesk.advisories.ts';
import { content } from './helpdesk.content.ts';
import {
  adminAttachmentParams,
  adminConsultationParams,
  adminQueueQuery,
  advisoriesQuery,
  advisoryBody,
  advisoryDetailDto,
  advisoryDto,
  advisoryListDto,
  advisoryParams,
  attachmentDto,
  attachmentParams,
  attachmentQuery,
  consultationDetailDto,
  consultationListDto,
  consultationParams,
  createBody,
  forwardBody,
  forwardResultDto,
  helpdeskInfoDto,
  listQuery,
  orgParams,
  queueQuery,
  replyBody,
} from './helpdesk.schema.ts';
import * as service from './helpdesk.service.ts';

const tags = ['helpdesk'];
const security = [{ session: [] }];
const statusDto = z.object({ status: z.string() });

/** A route's own limit when it has one (attachments), else the app's. */
const limitOf = (req: FastifyRequest) =>
  (req.routeOptions as { bodyLimit?: number }).bodyLimit ?? 1024 * 1024;

/** Who the caller is in an SME's consultations: one of its members, or staff of the provider serving it. */
async function viewerFor(req: FastifyRequest, ctx: ModuleContext, orgId: string): Promise<service.Viewer> {
  const access = await requireCustomerAccess(req, ctx.db, orgId, { provider: deskStaff });
  if (access.via === 'provider' && access.providerOrgId) {
    return { side: 'desk', actor: access.actor, providerOrgId: access.providerOrgId };
  }
  return { side: 'customer', actor: access.actor, role: access.role };
}

async function operatorViewer(req: FastifyRequest): Promise<service.Viewer> {
  return { side: 'operator', actor: await requireOperator(req) };
}

function sendAttachment(reply: FastifyReply, att: { name: string; contentType: string; data: Buffer }) {
  // Always a download, never rendered in our origin: uploaded files are untrusted.
  return reply
    .header('content-type', att.contentType)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(att.name)}`)
    .send(att.data);
}

export async function helpdeskRoutes(fastify: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx;
  const { attachments } = content().sla;
  const uploadLimit = attachments.maxBytes;

  // Attachments arrive as the raw file; the body limit of their route is the attachment limit.
  fastify.addContentTypeParser(
    attachments.types,
    { parseAs: 'buffer', bodyLimit: uploadLimit },
    (_req, body, done) => done(null, body),
  );
  fastify.setErrorHandler((err, req, reply) => {
    const appErr = toAppError(err, limitOf(req), req);
    if (appErr.status >= 500) req.log.error({ err }, 'request failed');
    void reply.status(appErr.status).send(errorBody(appErr, req.lang));
  });

  app.get('/api/v1/helpdesk/info', { schema: { tags, response: { 200: helpdeskInfoDto } } }, async (req) =>
    service.deskInfo(req.lang),
  );

  // ---- an SME's consultations (its members, and the staff of the provider serving it) ----

  app.get(
    '/api/v1/orgs/:orgId/consultations',
    {
      schema: {
        tags,
        security,
        params: orgParams,
        querystring: listQuery,
        response: { 200: consultationListDto },
      },
    },
    async (req) => {
      const viewer = await viewerFor(req, ctx, req.params.orgId);
      const { status, priority, overdue, page } = req.query;
      return service.listFor(
        ctx,
        {
          orgId: req.params.orgId,
          providerOrgId: viewer.side === 'desk' ? viewer.providerOrgId : undefined,
          openedBy:
            viewer.side === 'customer' && !smeSupervisors.includes(viewer.role)
              ? viewer.actor.userId
              : undefined,
          status,
          priority,
          overdue,
          page,
        },
        req.lang,
      );
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/consultations',
    {
      schema: {
        tags,
        security,
        params: orgParams,
        body: createBody,
        response: { 201: consultationDetailDto },
      },
      config: {
        audit: 'helpdesk.consultation.open',
        // Each consultation mails the whole desk; a runaway script must not flood it.
        rateLimit: ctx.config.rateLimit ? { max: 30, timeWindow: 60 * 60_000 } : false,
      },
    },
    async (req, reply) => {
      const m = await requireMember(req, db, req.params.orgId);
      const found = await service.openConsultation(ctx, m.actor, m.orgId, req.body);
      req.audit = {
        target: found.row.id,
        data: { category: req.body.category, priority: req.body.priority },
      };
      const viewer: service.Viewer = { side: 'customer', actor: m.actor, role: m.role };
      return reply
        .status(201)
        .send(await service.consultationDetail(ctx, viewer, m.orgId, found.row.id, req.lang));
    },
  );

  // ---- a provider's queue across its customers ----

  app.get(
    '/api/v1/orgs/:orgId/helpdesk/queue',
    {
      schema: {
        tags,
        security,
        params: orgParams,
        querystring: queueQuery,
        response: { 200: consultationListDto },
      },
    },
    async (req) => {
      const m = await requireMember(req, db, req.params.orgId, deskStaff);
      const { customer, status, priority, overdue, page } = req.query;
      return service.listFor(
        ctx,
        { providerOrgId: m.orgId, orgId: customer, status, priority, overdue, page },
        req.lang,
      );
    },
  );

  // ---- the operator's desk (SMEs without a provider) and overview of all ----

  app.get(
    '/api/v1/admin/helpdesk/consultations',
    { schema: { tags, security, querystring: adminQueueQuery, response: { 200: consultationListDto } } },
    async (req) => {
      await requireOperator(req);
      const { org, servedBy, status, priority, overdue, page } = req.query;
      return service.listFor(
        ctx,
        {
          orgId: org,
          operatorOnly: servedBy === 'operator',
          providerOnly: servedBy === 'provider',
          status,
          priority,
          overdue,
          page,
        },
        req.lang,
      );
    },
  );

  // One consultation, as its SME or the provider's desk sees it (under the org) and as the operator
  // sees it (under admin): the same handlers, only who is asking and the org in the path differ.
  const consultationSides = [
    {
      base: '/api/v1/orgs/:orgId/consultations/:id',
      params: consultationParams,
      attachmentParams,
      who: async (req: FastifyRequest, p: { id: string } | { orgId: string; id: string }) => {
        const orgId = 'orgId' in p ? p.orgId : '';
        return { viewer: await viewerFor(req, ctx, orgId), orgId: orgId as string | null };
      },
    },
    {
      base: '/api/v1/admin/helpdesk/consultations/:id',
      params: adminConsultationParams,
      attachmentParams: adminAttachmentParams,
      who: async (req: FastifyRequest) => ({ viewer: await operatorViewer(req), orgId: null }),
    },
  ];
  for (const side of consultationSides) {
    app.get(
      side.base,
      { schema: { tags, security, params: side.params, response: { 200: consultationDetailDto } } },
      async (req) => {
        const { viewer, orgId } = await side.who(req, req.params);
        return service.consultationDetail(ctx, viewer, orgId, req.params.id, req.lang);
      },
    );

    app.post(
      `${side.base}/messages`,
      {
        schema: { tags, security, params: side.params, body: replyBody, response: { 201: statusDto } },
        config: { audit: 'helpdesk.consultation.reply' },
      },
      async (req, reply) => {
        const { viewer, orgId } = await side.who(req, req.params);
        const r = await service.reply(ctx, viewer, orgId, req.params.id, req.body);
        req.audit = { target: req.params.id, data: { side: viewer.side, status: r.status } };
        return reply.status(201).send(r);
      },
    );

    app.post(
      `${side.base}/close`,
      {
        schema: { tags, security, params: side.params, response: { 200: statusDto } },
        config: { audit: 'helpdesk.consultation.close' },
      },
      async (req) => {
        const { viewer, orgId } = await side.who(req, req.params);
        req.audit = { target: req.params.id };
        return service.close(ctx, viewer, orgId, req.params.id);
      },
    );

    app.post(
      `${side.base}/attachments`,
      {
        bodyLimit: uploadLimit,
        schema: {
          tags,
          security,
          description: `The raw file as the body, its type as Content-Type (${attachments.types.join(', ')}), at most ${uploadLimit} bytes; ?name= is the file name.`,
          params: side.params,
          querystring: attachmentQuery,
          response: { 201: attachmentDto },
        },
        config: { audit: 'helpdesk.consultation.attach' },
      },
      async (req, reply) => {
        const { viewer, orgId } = await side.who(req, req.params);
        const a = await service.addAttachment(ctx, viewer, orgId, req.params.id, uploaded(req));
        req.audit = { target: req.params.id, data: { attachment: a.id, name: a.name, size: a.size } };
        return reply.status(201).send(a);
      },
    );

    app.get(
      `${side.base}/attachments/:attachmentId`,
      { schema: { tags, security, params: side.attachmentParams } },
      async (req, reply) => {
        const { viewer, orgId } = await side.who(req, req.params);
        return sendAttachment(
          reply,
          await service.getAttachment(ctx, viewer, orgId, req.params.id, req.params.attachmentId),
        );
      },
    );
  }

  // ---- advisories ----

  app.get(
    '/api/v1/orgs/:orgId/advisories',
    {
      schema: {
        tags,
        security,
        params: orgParams,
        querystring: advisoriesQuery,
        response: { 200: advisoryListDto },
      },
    },
    async (req) => {
      const m = await requireMember(req, db, req.params.orgId);
      return advisories.listForOrg(ctx, m.orgId, req.query);
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/advisories',
    {
      schema: { tags, security, params: orgParams, body: advisoryBody, response: { 201: advisoryDto } },
      config: { audit: 'helpdesk.advisory.publish' },
    },
    async (req, reply) => {
      const m = await requireMember(req, db, req.params.orgId, advisoryAuthors);
      const a = await advisories.publish(ctx, m.actor, m.orgId, req.body);
      req.audit = { target: a.id, data: { severity: a.severity } };
      return reply.status(201).send(a);
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/advisories/:id',
    { schema: { tags, security, params: advisoryParams, response: { 200: advisoryDetailDto } } },
    async (req) => {
      const m = await requireMember(req, db, req.params.orgId);
      return advisories.detailForOrg(ctx, m.orgId, req.params.id, m.role);
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/advisories/:id/forward',
    {
      schema: {
        tags,
        security,
        params: advisoryParams,
        body: forwardBody,
        response: { 200: forwardResultDto },
      },
      config: {
        audit: 'helpdesk.advisory.forward',
        rateLimit: ctx.config.rateLimit ? { max: 20, timeWindow: 60 * 60_000 } : false,
      },
    },
    async (req) => {
      const m = await requireMember(req, db, req.params.orgId);
      if (!(await advisories.detailForOrg(ctx, m.orgId, req.params.id, m.role)).canForward) {
        throw new AppError('forbidden');
      }
      const r = await advisories.forward(ctx, m.actor, m.orgId, req.params.id, req.body);
      req.audit = { target: req.params.id, data: { forward: r.id, recipients: r.sent, to: req.body.to } };
      return r;
    },
  );

  app.post(
    '/api/v1/admin/advisories',
    {
      schema: { tags, security, body: advisoryBody, response: { 201: advisoryDto } },
      config: { audit: 'helpdesk.advisory.publish' },
    },
    async (req, reply) => {
      const actor = await requireOperator(req);
      const a = await advisories.publish(ctx, actor, null, req.body);
      req.audit = { target: a.id, data: { severity: a.severity, public: true } };
      return reply.status(201).send(a);
    },
  );

  // The operator's advisories are public: a page, a JSON list and an Atom feed.
  app.get(
    '/api/v1/advisories',
    { schema: { tags, querystring: advisoriesQuery, response: { 200: advisoryListDto } } },
    async (req) => advisories.listOperatorAdvisories(ctx, req.query),
  );

  app.get(
    '/api/v1/advisories/:id',
    { schema: { tags, params: adminConsultationParams, response: { 200: advisoryDetailDto } } },
    async (req) => advisories.operatorDetail(ctx, req.params.id),
  );

  app.get(
    '/api/v1/advisories.atom',
    { schema: { tags, description: 'Atom 1.0 feed of the operator’s public advisories (?lang=ja|en).' } },
    async (req, reply) =>
      reply
        .header('content-type', 'application/atom+xml; charset=utf-8')
        .header('cache-control', 'public, max-age=300')
        .send(await advisories.atomFeed(ctx, req.lang)),
  );
}

function uploaded(req: FastifyRequest<{ Querystring: { name: string } }>) {
  const contentType = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const data = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
  return { name: req.query.name.replace(/[\\/\r\n"]/g, '_'), contentType, data };
}
