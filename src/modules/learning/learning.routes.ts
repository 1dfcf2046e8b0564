import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireMember } from '../../kernel/auth/tenancy.ts';
import { documentCss, notFoundPage } from '../../kernel/documents/html.ts';
import { requireOperator } from '../../kernel/http/request-context.ts';
import { t } from '../../kernel/i18n/index.ts';
import type { ModuleContext } from '../../kernel/module.ts';
import { supervisors } from './learning.access.ts';
import {
  attemptBody,
  attemptDto,
  codeParams,
  matrixDto,
  orgCodeParams,
  orgParams,
  orgThemeParams,
  progressDto,
  publicCertificateDto,
  statsDto,
  themeDetailDto,
  themeParams,
  themeSummaryDto,
} from './learning.schema.ts';
import * as service from './learning.service.ts';

const tags = ['learning'];
const security = [{ session: [] }];

export async function learningRoutes(fastify: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx;

  app.get(
    '/api/v1/learning/themes',
    { schema: { tags, response: { 200: z.array(themeSummaryDto) } } },
    async (req) => service.themeList(req.lang),
  );

  app.get(
    '/api/v1/learning/themes/:id',
    { schema: { tags, params: themeParams, response: { 200: themeDetailDto } } },
    async (req) => service.themeDetail(req.params.id, req.lang),
  );

  app.get(
    '/api/v1/orgs/:orgId/learning',
    { schema: { tags, security, params: orgParams, response: { 200: progressDto } } },
    async (req) => {
      const m = await requireMember(req, db, req.params.orgId);
      return service.myProgress(ctx, m.orgId, m.actor.userId, req.lang);
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/learning/themes/:themeId/attempts',
    {
      schema: { tags, security, params: orgThemeParams, body: attemptBody, response: { 200: attemptDto } },
      config: { audit: 'learning.attempt' },
    },
    async (req) => {
      const m = await requireMember(req, db, req.params.orgId);
      const r = await service.submitAttempt(
        ctx,
        m.orgId,
        m.actor.userId,
        req.params.themeId,
        req.body.answers,
        req.lang,
      );
      req.audit = { target: req.params.themeId, data: { passed: r.passed, correct: r.correct } };
      return r;
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/learning/matrix',
    { schema: { tags, security, params: orgParams, response: { 200: matrixDto } } },
    async (req) => {
      const m = await requireMember(req, db, req.params.orgId, supervisors);
      return service.matrix(ctx, m.orgId, req.lang);
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/learning/reminders',
    {
      schema: { tags, security, params: orgParams, response: { 200: z.object({ sent: z.number() }) } },
      config: {
        audit: 'learning.remind',
        rateLimit: ctx.config.rateLimit ? { max: 5, timeWindow: 60 * 60_000 } : false,
      },
    },
    async (req) => {
      const m = await requireMember(req, db, req.params.orgId, supervisors);
      const r = await service.remindNotStarted(ctx, m.orgId);
      req.audit = { data: r };
      return r;
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/learning/certificates/:code/pdf',
    { schema: { tags, security, params: orgCodeParams } },
    async (req, reply) => {
      const m = await requireMember(req, db, req.params.orgId);
      const c = await service.myCertificate(ctx, m.orgId, m.actor.userId, req.params.code);
      const pdf = await service.certificatePdf(c, req.lang, ctx.config.publicUrl);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="certificate-${c.code}.pdf"`)
        .send(pdf);
    },
  );

  app.get(
    '/api/v1/certificates/:code',
    { schema: { tags, params: codeParams, response: { 200: publicCertificateDto } } },
    async (req) => service.publicCertificate(ctx, req.params.code, req.lang),
  );

  app.get('/certificates/:code', { schema: { tags, params: codeParams } }, async (req, reply) => {
    reply.header('content-type', 'text/html; charset=utf-8');
    try {
      const c = await service.publicCertificate(ctx, req.params.code, req.lang);
      const body = service.certificatePage(c, req.lang);
      return reply.send(
        `<!doctype html><html lang="${req.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${t(req.lang, 'learning.certificate.pageTitle')}</title><style>${documentCss}</style></head><body><main>${body}</main></body></html>`,
      );
    } catch {
      return reply.status(404).send(notFoundPage(req.lang, t(req.lang, 'learning.certificate.notFound')));
    }
  });

  app.get(
    '/api/v1/admin/learning/stats',
    { schema: { tags, security, response: { 200: statsDto } } },
    async (req) => {
      await requireOperator(req);
      return service.operatorStats(ctx, req.lang);
    },
  );
}
