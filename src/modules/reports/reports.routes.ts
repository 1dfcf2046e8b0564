import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ModuleContext } from '../../kernel/module.ts';
import { requireCustomerAccess } from '../orgs/index.ts';
import { generators } from './reports.access.ts';
import { renderReportPdf } from './reports.pdf.ts';
import {
  generateBody,
  generatedDto,
  listQuery,
  monthParams,
  orgParams,
  reportDto,
  reportListDto,
} from './reports.schema.ts';
import * as service from './reports.service.ts';

const tags = ['reports'];
const security = [{ session: [] }];

export async function reportsRoutes(fastify: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx;

  app.get(
    '/api/v1/orgs/:orgId/reports',
    {
      schema: { tags, security, params: orgParams, querystring: listQuery, response: { 200: reportListDto } },
    },
    async (req) => {
      const a = await requireCustomerAccess(req, db, req.params.orgId);
      return service.listReports(ctx, a.orgId, req.query.page, new Date());
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/reports',
    {
      schema: {
        tags,
        security,
        description:
          'Makes the report of this month so far (or of last month, if the monthly job has not yet).',
        params: orgParams,
        body: generateBody,
        response: { 201: generatedDto },
      },
      config: { audit: 'reports.generate' },
    },
    async (req, reply) => {
      const a = await requireCustomerAccess(req, db, req.params.orgId, generators);
      const row = await service.generateOnDemand(ctx, a.orgId, req.body.month, a.actor.userId, new Date());
      req.audit = { target: row.id, data: { month: row.month, final: row.final } };
      return reply
        .status(201)
        .send({ month: row.month, final: row.final, generatedAt: row.generatedAt.toISOString() });
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/reports/:month',
    { schema: { tags, security, params: monthParams, response: { 200: reportDto } } },
    async (req) => {
      const a = await requireCustomerAccess(req, db, req.params.orgId);
      return service.getReport(ctx, a.orgId, req.params.month, req.lang, new Date());
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/reports/:month/report.pdf',
    { schema: { tags, security, params: monthParams } },
    async (req, reply) => {
      const a = await requireCustomerAccess(req, db, req.params.orgId);
      const view = await service.getReport(ctx, a.orgId, req.params.month, req.lang, new Date());
      const pdf = await renderReportPdf(view, req.lang, ctx.config.publicUrl);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="security-report-${view.month}.pdf"`)
        .send(pdf);
    },
  );
}
