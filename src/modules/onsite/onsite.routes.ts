import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { errorBody, toAppError } from '../../kernel/http/error-handler.ts';
import { AppError } from '../../kernel/http/errors.ts';
import { type Lang, t } from '../../kernel/i18n/index.ts';
import type { ModuleContext } from '../../kernel/module.ts';
import { getIncident, type IncidentDto } from '../monitoring/index.ts';
import { smeReaders, smeRequesters } from './onsite.access.ts';
import * as claims from './onsite.claims.ts';
import * as dispatch from './onsite.dispatch.ts';
import { contentDisposition, MAX_ATTACHMENT_BYTES } from './onsite.files.ts';
import { claimPdf } from './onsite.pdf.ts';
import {
  presentAttachment,
  presentClaim,
  presentDispatch,
  presentIncident,
  presentStep,
} from './onsite.present.ts';
import * as repo from './onsite.repo.ts';
import {
  arriveBody,
  attachmentDto,
  attachmentParams,
  attachmentQuery,
  cancelBody,
  claimCreateBody,
  claimDetailDto,
  claimListDto,
  claimListQuery,
  claimParams,
  claimStatusBody,
  claimUpdateBody,
  confirmBody,
  dispatchDetailDto,
  dispatchListDto,
  dispatchListQuery,
  dispatchParams,
  disputeBody,
  orgParams,
  pdfQuery,
  requestBody,
  scheduleBody,
  workBody,
} from './onsite.schema.ts';
import { listScope, requireViewer, type Viewer } from './onsite.viewer.ts';

const tags = ['onsite'];
const security = [{ session: [] }];

/** The incident behind a record, or null when monitoring no longer has it. */
async function incidentOrNull(ctx: ModuleContext, orgId: string, id: string | null) {
  if (!id) return null;
  try {
    return await getIncident(ctx, orgId, id);
  } catch (err) {
    if (err instanceof AppError && err.code === 'not_found') return null;
    throw err;
  }
}

/**
 * Uploads over the limit are refused with this module's own words (the size of an evidence file),
 * not the generic message about the JSON body limit.
 */
function uploadErrors(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  const appErr =
    err.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
      ? new AppError('attachment_too_large', {
          kind: 'body_too_large',
          messageKey: 'onsite.errors.attachment_too_large',
          params: { limit: '5 MiB' },
        })
      : toAppError(err, MAX_ATTACHMENT_BYTES, req);
  void reply.status(appErr.status).send(errorBody(appErr, req.lang));
}

/** 駆け付け and 簡易サイバー保険: dispatch records and insurance claims of the SMEs a provider serves. */
export async function onsiteRoutes(fastify: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  // Evidence arrives as the raw file with its own Content-Type; the service checks type and bytes.
  const raw = { parseAs: 'buffer' as const, bodyLimit: MAX_ATTACHMENT_BYTES };
  fastify.addContentTypeParser('text/plain', raw, (_req, body, done) => done(null, body));
  fastify.addContentTypeParser('*', raw, (_req, body, done) => done(null, body));

  async function dispatchDetail(v: Viewer, orgId: string, id: string) {
    const d = await dispatch.loadDispatch(ctx, v, orgId, id);
    const [inc, steps] = await Promise.all([
      incidentOrNull(ctx, orgId, d.incidentId),
      repo.listDispatchSteps(ctx.db, orgId, id),
    ]);
    return {
      ...presentDispatch(d),
      incident: presentIncident(inc),
      steps: steps.map(presentStep),
      side: v.side,
      can: dispatch.dispatchAbilities(v, d.status),
    };
  }

  async function claimDetail(v: Viewer, orgId: string, id: string) {
    const c = await claims.loadClaim(ctx, v, orgId, id);
    const [inc, attachments, steps] = await Promise.all([
      incidentOrNull(ctx, orgId, c.incidentId),
      repo.listAttachments(ctx.db, orgId, id),
      repo.listClaimSteps(ctx.db, orgId, id),
    ]);
    return {
      ...presentClaim(c),
      incident: presentIncident(inc),
      attachments: attachments.map(presentAttachment),
      steps: steps.map(presentStep),
      side: v.side,
      can: claims.claimAbilities(v, c.status),
    };
  }

  // ---- dispatches ----

  app.get(
    '/api/v1/orgs/:orgId/onsite/dispatches',
    {
      schema: {
        tags,
        security,
        params: orgParams,
        querystring: dispatchListQuery,
        response: { 200: dispatchListDto },
      },
    },
    async (req) => {
      const { scope } = await listScope(req, ctx, req.params.orgId, smeReaders);
      const r = await repo.listDispatches(ctx.db, scope, req.query);
      return { total: r.total, items: r.items.map(presentDispatch) };
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/onsite/dispatches',
    {
      schema: { tags, security, params: orgParams, body: requestBody, response: { 201: dispatchDetailDto } },
      config: { audit: 'onsite.dispatch.request' },
    },
    async (req, reply) => {
      const v = await requireViewer(req, ctx, req.params.orgId, smeRequesters);
      const d = await dispatch.requestDispatch(ctx, v, req.params.orgId, req.body, req.lang);
      req.audit = { target: d.id, data: { incidentId: d.incidentId, providerOrgId: d.providerOrgId } };
      return reply.status(201).send(await dispatchDetail(v, req.params.orgId, d.id));
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/onsite/dispatches/:dispatchId',
    { schema: { tags, security, params: dispatchParams, response: { 200: dispatchDetailDto } } },
    async (req) => {
      const v = await requireViewer(req, ctx, req.params.orgId, smeReaders);
      return dispatchDetail(v, req.params.orgId, req.params.dispatchId);
    },
  );

  /** One route per step of the dispatch; each audited with what changed. */
  const dispatchStep = <S extends z.ZodType>(
    name: string,
    body: S,
    smeRoles: readonly string[],
    run: (v: Viewer, orgId: string, id: string, input: z.infer<S>, lang: Lang) => Promise<unknown>,
    auditData?: (input: z.infer<S>) => Record<string, unknown>,
  ) =>
    app.post(
      `/api/v1/orgs/:orgId/onsite/dispatches/:dispatchId/${name}`,
      {
        schema: { tags, security, params: dispatchParams, body, response: { 200: dispatchDetailDto } },
        config: { audit: `onsite.dispatch.${name}` },
      },
      async (req) => {
        const { orgId, dispatchId } = req.params as z.infer<typeof dispatchParams>;
        const v = await requireViewer(req, ctx, orgId, smeRoles as typeof smeRequesters);
        const input = req.body as z.infer<S>;
        await run(v, orgId, dispatchId, input, req.lang);
        req.audit = { target: dispatchId, data: auditData?.(input) };
        return dispatchDetail(v, orgId, dispatchId);
      },
    );

  dispatchStep(
    'schedule',
    scheduleBody,
    [],
    (v, o, id, b, lang) => dispatch.scheduleDispatch(ctx, v, o, id, b, lang),
    (b) => ({ engineerName: b.engineerName, scheduledAt: b.scheduledAt }),
  );
  dispatchStep(
    'arrive',
    arriveBody,
    [],
    (v, o, id, b) => dispatch.recordArrival(ctx, v, o, id, b),
    (b) => ({ arrivedAt: b.arrivedAt ?? null }),
  );
  dispatchStep(
    'work',
    workBody,
    [],
    (v, o, id, b) => dispatch.recordWork(ctx, v, o, id, b),
    (b) => ({ workMinutes: b.workMinutes, costs: b.costs }),
  );
  dispatchStep('confirm', confirmBody, smeRequesters, (v, o, id, b) =>
    dispatch.confirmDispatch(ctx, v, o, id, b.comment),
  );
  dispatchStep(
    'dispute',
    disputeBody,
    smeRequesters,
    (v, o, id, b) => dispatch.disputeDispatch(ctx, v, o, id, b.comment),
    (b) => ({ comment: b.comment }),
  );
  dispatchStep(
    'cancel',
    cancelBody,
    smeRequesters,
    (v, o, id, b) => dispatch.cancelDispatch(ctx, v, o, id, b.reason),
    (b) => ({ reason: b.reason }),
  );

  // ---- insurance claims ----

  app.get(
    '/api/v1/orgs/:orgId/onsite/claims',
    {
      schema: {
        tags,
        security,
        params: orgParams,
        querystring: claimListQuery,
        response: { 200: claimListDto },
      },
    },
    async (req) => {
      const { scope } = await listScope(req, ctx, req.params.orgId, smeReaders);
      const r = await repo.listClaims(ctx.db, scope, req.query);
      return { total: r.total, items: r.items.map(presentClaim) };
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/onsite/claims',
    {
      schema: { tags, security, params: orgParams, body: claimCreateBody, response: { 201: claimDetailDto } },
      config: { audit: 'onsite.claim.create' },
    },
    async (req, reply) => {
      const v = await requireViewer(req, ctx, req.params.orgId, []);
      const c = await claims.createClaim(ctx, v, req.params.orgId, req.body);
      req.audit = { target: c.id, data: { incidentId: c.incidentId, dispatchId: c.dispatchId } };
      return reply.status(201).send(await claimDetail(v, req.params.orgId, c.id));
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/onsite/claims/:claimId',
    { schema: { tags, security, params: claimParams, response: { 200: claimDetailDto } } },
    async (req) => {
      const v = await requireViewer(req, ctx, req.params.orgId, smeReaders);
      return claimDetail(v, req.params.orgId, req.params.claimId);
    },
  );

  app.patch(
    '/api/v1/orgs/:orgId/onsite/claims/:claimId',
    {
      schema: {
        tags,
        security,
        params: claimParams,
        body: claimUpdateBody,
        response: { 200: claimDetailDto },
      },
      config: { audit: 'onsite.claim.update' },
    },
    async (req) => {
      const v = await requireViewer(req, ctx, req.params.orgId, []);
      await claims.updateClaim(ctx, v, req.params.orgId, req.params.claimId, req.body);
      req.audit = { target: req.params.claimId, data: { fields: Object.keys(req.body) } };
      return claimDetail(v, req.params.orgId, req.params.claimId);
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/onsite/claims/:claimId/status',
    {
      schema: {
        tags,
        security,
        params: claimParams,
        body: claimStatusBody,
        response: { 200: claimDetailDto },
      },
      config: { audit: 'onsite.claim.status' },
    },
    async (req) => {
      const v = await requireViewer(req, ctx, req.params.orgId, []);
      await claims.moveClaim(ctx, v, req.params.orgId, req.params.claimId, req.body);
      req.audit = { target: req.params.claimId, data: { to: req.body.to } };
      return claimDetail(v, req.params.orgId, req.params.claimId);
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/onsite/claims/:claimId/attachments',
    {
      bodyLimit: MAX_ATTACHMENT_BYTES,
      errorHandler: uploadErrors,
      schema: {
        tags,
        security,
        description:
          'The raw file as the body, with its Content-Type (application/pdf, image/png, image/jpeg, text/plain) and `?name=` its file name; at most 5 MiB.',
        params: claimParams,
        querystring: attachmentQuery,
        response: { 201: attachmentDto },
      },
      config: { audit: 'onsite.claim.attach' },
    },
    async (req, reply) => {
      const v = await requireViewer(req, ctx, req.params.orgId, []);
      const data = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const a = await claims.addAttachment(ctx, v, req.params.orgId, req.params.claimId, {
        name: req.query.name,
        contentType: req.headers['content-type'] ?? '',
        data,
      });
      req.audit = {
        target: req.params.claimId,
        data: { attachmentId: a.id, filename: a.filename, size: a.size },
      };
      return reply.status(201).send(presentAttachment(a));
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/onsite/claims/:claimId/attachments/:attachmentId',
    { schema: { tags, security, params: attachmentParams } },
    async (req, reply) => {
      const v = await requireViewer(req, ctx, req.params.orgId, smeReaders);
      await claims.loadClaim(ctx, v, req.params.orgId, req.params.claimId);
      const a = await repo.findAttachment(
        ctx.db,
        req.params.orgId,
        req.params.claimId,
        req.params.attachmentId,
      );
      if (!a) throw new AppError('not_found');
      return reply
        .header('content-type', a.contentType === 'text/plain' ? 'text/plain; charset=utf-8' : a.contentType)
        .header('content-disposition', contentDisposition('attachment', a.filename))
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, no-store')
        .send(a.data);
    },
  );

  app.delete(
    '/api/v1/orgs/:orgId/onsite/claims/:claimId/attachments/:attachmentId',
    { schema: { tags, security, params: attachmentParams }, config: { audit: 'onsite.claim.detach' } },
    async (req, reply) => {
      const v = await requireViewer(req, ctx, req.params.orgId, []);
      await claims.removeAttachment(ctx, v, req.params.orgId, req.params.claimId, req.params.attachmentId);
      req.audit = { target: req.params.claimId, data: { attachmentId: req.params.attachmentId } };
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/onsite/claims/:claimId/pdf',
    { schema: { tags, security, params: claimParams, querystring: pdfQuery } },
    async (req, reply) => {
      const v = await requireViewer(req, ctx, req.params.orgId, smeReaders);
      const { orgId, claimId } = req.params;
      const c = await claims.loadClaim(ctx, v, orgId, claimId);
      const [inc, d, attachments, steps] = await Promise.all([
        incidentOrNull(ctx, orgId, c.incidentId),
        c.dispatchId ? repo.findDispatch(ctx.db, orgId, c.dispatchId) : Promise.resolve(undefined),
        repo.listAttachments(ctx.db, orgId, claimId),
        repo.listClaimSteps(ctx.db, orgId, claimId),
      ]);
      const lang = req.query.lang ?? req.lang;
      const pdf = await claimPdf(
        { claim: c, incident: inc as IncidentDto | null, dispatch: d ?? null, attachments, steps },
        lang,
      );
      const name = t(lang, 'onsite.pdf.fileName', { date: c.lossDate });
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', contentDisposition('attachment', name))
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );
}
