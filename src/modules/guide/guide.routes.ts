import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ModuleContext } from '../../kernel/module.ts';
import { requireCustomerAccess } from '../orgs/index.ts';
import {
  caseDto,
  caseListDto,
  caseListQuery,
  caseParams,
  createCaseBody,
  orgParams,
  patchCaseBody,
  referralsDto,
  referralsQuery,
  reportBody,
  reportDto,
  reportParams,
  stepBody,
  stepParams,
  threatDetailDto,
  threatParams,
  threatsDto,
  topicDetailDto,
  topicParams,
  topicSummaryDto,
} from './guide.schema.ts';
import * as service from './guide.service.ts';

const tags = ['guide'];
const security = [{ session: [] }];

export async function guideRoutes(fastify: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx;
  // The SME's own members, and staff of the provider serving it, work a case together.
  const access = (req: Parameters<typeof requireCustomerAccess>[0], orgId: string) =>
    requireCustomerAccess(req, db, orgId);

  app.get(
    '/api/v1/referrals',
    { schema: { tags, querystring: referralsQuery, response: { 200: referralsDto } } },
    async (req) => service.referrals(req.query.topic, req.lang),
  );

  app.get(
    '/api/v1/guide/topics',
    { schema: { tags, response: { 200: topicSummaryDto.array() } } },
    async (req) => service.topicList(req.lang),
  );

  app.get(
    '/api/v1/guide/topics/:topic',
    { schema: { tags, params: topicParams, response: { 200: topicDetailDto } } },
    async (req) => service.topicDetail(req.params.topic, req.lang),
  );

  app.get('/api/v1/guide/threats', { schema: { tags, response: { 200: threatsDto } } }, async (req) =>
    service.threatList(req.lang),
  );

  app.get(
    '/api/v1/guide/threats/:id',
    { schema: { tags, params: threatParams, response: { 200: threatDetailDto } } },
    async (req) => service.threatDetail(req.params.id, req.lang),
  );

  app.get(
    '/api/v1/orgs/:orgId/guide/cases',
    {
      schema: {
        tags,
        security,
        params: orgParams,
        querystring: caseListQuery,
        response: { 200: caseListDto },
      },
    },
    async (req) => {
      const a = await access(req, req.params.orgId);
      return service.listCases(ctx, a.orgId, req.query, req.lang);
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/guide/cases',
    {
      schema: { tags, security, params: orgParams, body: createCaseBody, response: { 201: caseDto } },
      config: { audit: 'guide.case.create' },
    },
    async (req, reply) => {
      const a = await access(req, req.params.orgId);
      const c = await service.createCase(ctx, a.orgId, a.actor, req.body, req.lang);
      req.audit = { target: c.id, data: { topic: c.topic, incidentId: c.incidentId } };
      return reply.status(201).send(c);
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/guide/cases/:caseId',
    { schema: { tags, security, params: caseParams, response: { 200: caseDto } } },
    async (req) => {
      const a = await access(req, req.params.orgId);
      return service.getCase(ctx, a.orgId, req.params.caseId, req.lang);
    },
  );

  app.patch(
    '/api/v1/orgs/:orgId/guide/cases/:caseId',
    {
      schema: { tags, security, params: caseParams, body: patchCaseBody, response: { 200: caseDto } },
      config: { audit: 'guide.case.update' },
    },
    async (req) => {
      const a = await access(req, req.params.orgId);
      const c = await service.updateCase(ctx, a.orgId, req.params.caseId, req.body, req.lang);
      req.audit = {
        target: c.id,
        data: { fields: Object.keys(req.body), ...(req.body.status ? { status: req.body.status } : {}) },
      };
      return c;
    },
  );

  app.put(
    '/api/v1/orgs/:orgId/guide/cases/:caseId/steps/:stepId',
    {
      schema: { tags, security, params: stepParams, body: stepBody, response: { 200: caseDto } },
      config: { audit: 'guide.case.step' },
    },
    async (req) => {
      const a = await access(req, req.params.orgId);
      const { caseId, stepId } = req.params;
      const c = await service.setStep(ctx, a.orgId, caseId, stepId, a.actor, req.body.done, req.lang);
      req.audit = { target: caseId, data: { step: stepId, done: req.body.done } };
      return c;
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/guide/cases/:caseId/reports/:form',
    { schema: { tags, security, params: reportParams, response: { 200: reportDto } } },
    async (req) => {
      const a = await access(req, req.params.orgId);
      return service.getReport(ctx, a.orgId, req.params.caseId, req.params.form, a.actor, req.lang);
    },
  );

  app.put(
    '/api/v1/orgs/:orgId/guide/cases/:caseId/reports/:form',
    {
      schema: { tags, security, params: reportParams, body: reportBody, response: { 200: reportDto } },
      config: { audit: 'guide.report.save' },
    },
    async (req) => {
      const a = await access(req, req.params.orgId);
      const { caseId, form } = req.params;
      const r = await service.saveReport(ctx, a.orgId, caseId, form, req.body.values, a.actor, req.lang);
      req.audit = { target: caseId, data: { form } };
      return r;
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/guide/cases/:caseId/reports/:form/text',
    { schema: { tags, security, params: reportParams } },
    async (req, reply) => {
      const a = await access(req, req.params.orgId);
      const { caseId, form } = req.params;
      const r = await service.reportAsText(ctx, a.orgId, caseId, form, a.actor, req.lang);
      return reply
        .header('content-type', 'text/plain; charset=utf-8')
        .header('content-disposition', `attachment; filename="${r.filename}"`)
        .send(r.text);
    },
  );
}
