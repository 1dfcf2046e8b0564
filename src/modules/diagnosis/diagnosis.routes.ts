import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireMember } from '../../kernel/auth/tenancy.ts';
import { requireOperator } from '../../kernel/http/request-context.ts';
import type { ModuleContext } from '../../kernel/module.ts';
import { getOrgProfile } from '../orgs/index.ts';
import { editors } from './diagnosis.access.ts';
import * as repo from './diagnosis.repo.ts';
import { historyCsv, renderReportPdf } from './diagnosis.report.ts';
import {
  answersBody,
  comparisonDto,
  createTaskBody,
  diagnosisDetailDto,
  diagnosisListDto,
  diagnosisParams,
  orgParams,
  questionsDto,
  savedDto,
  scoreDto,
  statsDto,
  taskDto,
  taskParams,
  updateTaskBody,
} from './diagnosis.schema.ts';
import * as service from './diagnosis.service.ts';

const tags = ['diagnosis'];
const security = [{ session: [] }];

export async function diagnosisRoutes(fastify: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx;

  app.get('/api/v1/diagnosis/questions', { schema: { tags, response: { 200: questionsDto } } }, async (req) =>
    service.questions(req.lang),
  );

  app.post(
    '/api/v1/diagnosis/score',
    {
      schema: { tags, body: answersBody, response: { 200: scoreDto } },
    },
    // The hot public route sends a pre-serialised document of exactly the documented shape
    // (a property test checks it equals the presented score); the schema still documents it.
    async (req, reply) =>
      reply
        .type('application/json; charset=utf-8')
        .send(service.scoreAnswersJson(req.body.answers, req.lang) as never),
  );

  app.post(
    '/api/v1/orgs/:orgId/diagnoses',
    {
      schema: { tags, security, params: orgParams, body: answersBody, response: { 201: savedDto } },
      config: { audit: 'diagnosis.save' },
    },
    async (req, reply) => {
      const m = await requireMember(req, db, req.params.orgId, editors);
      const saved = await service.saveDiagnosis(ctx, m.orgId, m.actor.userId, req.body.answers);
      req.audit = { target: saved.id, data: { total: saved.total } };
      return reply.status(201).send(saved);
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/diagnoses',
    { schema: { tags, security, params: orgParams, response: { 200: diagnosisListDto } } },
    async (req) => {
      const m = await requireMember(req, db, req.params.orgId);
      return { items: await service.listDiagnoses(ctx, m.orgId) };
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/diagnoses.csv',
    { schema: { tags, security, params: orgParams } },
    async (req, reply) => {
      const m = await requireMember(req, db, req.params.orgId);
      const rows = await repo.listDiagnoses(db, m.orgId, 10_000);
      const csv = historyCsv(
        rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
        req.lang,
      );
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="diagnosis-history.csv"')
        .send(csv);
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/diagnoses/:id',
    { schema: { tags, security, params: diagnosisParams, response: { 200: diagnosisDetailDto } } },
    async (req) => {
      const m = await requireMember(req, db, req.params.orgId);
      return service.getDiagnosis(ctx, m.orgId, req.params.id, req.lang);
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/diagnoses/:id/comparison',
    { schema: { tags, security, params: diagnosisParams, response: { 200: comparisonDto } } },
    async (req) => {
      const m = await requireMember(req, db, req.params.orgId);
      return service.comparison(ctx, m.orgId, req.params.id);
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/diagnoses/:id/report.pdf',
    { schema: { tags, security, params: diagnosisParams } },
    async (req, reply) => {
      const m = await requireMember(req, db, req.params.orgId);
      const [result, profile, tasks] = await Promise.all([
        service.getDiagnosis(ctx, m.orgId, req.params.id, req.lang),
        getOrgProfile(ctx, m.orgId),
        service.listTasks(ctx, m.orgId),
      ]);
      const pdf = await renderReportPdf(
        result,
        profile.name,
        tasks.filter((t) => t.status === 'open'),
        req.lang,
      );
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="diagnosis-${result.createdAt.slice(0, 10)}.pdf"`)
        .send(pdf);
    },
  );

  // Improvement plan.
  app.get(
    '/api/v1/orgs/:orgId/improvement-tasks',
    {
      schema: { tags, security, params: orgParams, response: { 200: z.object({ items: z.array(taskDto) }) } },
    },
    async (req) => {
      const m = await requireMember(req, db, req.params.orgId);
      return { items: await service.listTasks(ctx, m.orgId) };
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/improvement-tasks',
    {
      schema: { tags, security, params: orgParams, body: createTaskBody, response: { 201: taskDto } },
      config: { audit: 'diagnosis.task_create' },
    },
    async (req, reply) => {
      const m = await requireMember(req, db, req.params.orgId, editors);
      const task = await service.createTask(ctx, m.orgId, m.actor.userId, req.body);
      req.audit = { target: task.id, data: { itemNo: task.itemNo, assignee: task.assigneeUserId } };
      return reply.status(201).send(task);
    },
  );

  app.patch(
    '/api/v1/orgs/:orgId/improvement-tasks/:taskId',
    {
      schema: { tags, security, params: taskParams, body: updateTaskBody, response: { 200: taskDto } },
      config: { audit: 'diagnosis.task_update' },
    },
    async (req) => {
      const m = await requireMember(req, db, req.params.orgId);
      // Editors change anything; the assignee may only tick their own task done or open.
      const mine = Object.keys(req.body).every((k) => k === 'status');
      if (!editors.includes(m.role)) {
        const tasks = await service.listTasks(ctx, m.orgId);
        const own = tasks.find((t) => t.id === req.params.taskId)?.assigneeUserId === m.actor.userId;
        if (!own || !mine) await requireMember(req, db, m.orgId, editors);
      }
      req.audit = { target: req.params.taskId, data: { fields: Object.keys(req.body) } };
      return service.updateTask(ctx, m.orgId, req.params.taskId, req.body);
    },
  );

  app.delete(
    '/api/v1/orgs/:orgId/improvement-tasks/:taskId',
    { schema: { tags, security, params: taskParams }, config: { audit: 'diagnosis.task_delete' } },
    async (req, reply) => {
      const m = await requireMember(req, db, req.params.orgId, editors);
      await service.deleteTask(ctx, m.orgId, req.params.taskId);
      req.audit = { target: req.params.taskId };
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/v1/admin/diagnosis/stats',
    { schema: { tags, security, response: { 200: statsDto } } },
    async (req) => {
      await requireOperator(req);
      return service.operatorStats(ctx, req.lang);
    },
  );
}
