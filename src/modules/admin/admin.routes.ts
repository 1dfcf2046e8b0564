import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { listAudit } from '../../kernel/audit/audit.ts';
import { listUsers } from '../../kernel/auth/users.ts';
import { AppError } from '../../kernel/http/errors.ts';
import { requireOperator } from '../../kernel/http/request-context.ts';
import type { ModuleContext } from '../../kernel/module.ts';
import { listAllOrgs } from '../orgs/index.ts';
import {
  auditListDto,
  auditQuery,
  jobListDto,
  jobParams,
  orgListDto,
  outboxListDto,
  outboxMailDto,
  outboxParams,
  pageQuery,
  userListDto,
} from './admin.schema.ts';

const tags = ['admin'];
const security = [{ session: [] }];
const iso = <T extends { createdAt: Date }>(r: T) => ({ ...r, createdAt: r.createdAt.toISOString() });

/** The operator's console: every tenant, every user, the audit log and the mail outbox. */
export async function adminRoutes(fastify: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/admin/orgs',
    { schema: { tags, security, querystring: pageQuery, response: { 200: orgListDto } } },
    async (req) => {
      await requireOperator(req);
      const r = await listAllOrgs(ctx.db, req.query);
      return { items: r.items.map(iso), total: r.total };
    },
  );

  app.get(
    '/api/v1/admin/users',
    { schema: { tags, security, querystring: pageQuery, response: { 200: userListDto } } },
    async (req) => {
      await requireOperator(req);
      const r = await listUsers(ctx.db, req.query);
      return { items: r.items.map(iso), total: r.total };
    },
  );

  app.get(
    '/api/v1/admin/audit',
    { schema: { tags, security, querystring: auditQuery, response: { 200: auditListDto } } },
    async (req) => {
      await requireOperator(req);
      const r = await listAudit(ctx.db, req.query);
      return { items: r.items.map((i) => ({ ...i, at: i.at.toISOString() })), total: r.total };
    },
  );

  app.get(
    '/api/v1/admin/outbox',
    { schema: { tags, security, response: { 200: outboxListDto } } },
    async (req) => {
      await requireOperator(req);
      return { items: await ctx.mailer.listOutbox() };
    },
  );

  app.get(
    '/api/v1/admin/jobs',
    { schema: { tags, security, response: { 200: jobListDto } } },
    async (req) => {
      await requireOperator(req);
      return {
        items: ctx.modules.flatMap((m) => (m.jobs ?? []).map((j) => ({ name: j.name, everyMs: j.everyMs }))),
      };
    },
  );

  // Runs a scheduled job once, now: operators use it after fixing mail settings, tests to skip the clock.
  app.post(
    '/api/v1/admin/jobs/:name/run',
    { schema: { tags, security, params: jobParams }, config: { audit: 'admin.job.run' } },
    async (req, reply) => {
      await requireOperator(req);
      const job = ctx.modules.flatMap((m) => m.jobs ?? []).find((j) => j.name === req.params.name);
      if (!job) throw new AppError('not_found');
      req.audit.target = job.name;
      await job.run(ctx, new Date());
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/v1/admin/outbox/:id',
    { schema: { tags, security, params: outboxParams, response: { 200: outboxMailDto } } },
    async (req) => {
      await requireOperator(req);
      const mail = await ctx.mailer.readOutbox(req.params.id);
      if (!mail) throw new AppError('not_found');
      return mail;
    },
  );
}
