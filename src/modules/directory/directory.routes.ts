import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireMember } from '../../kernel/auth/tenancy.ts';
import { AppError } from '../../kernel/http/errors.ts';
import { requireActor, requireOperator } from '../../kernel/http/request-context.ts';
import type { ModuleContext } from '../../kernel/module.ts';
import {
  directoryQuery,
  idParams,
  listingBody,
  listingDto,
  listsDto,
  myPresenterDto,
  orgParams,
  presenterBody,
  presenterQuery,
  publicPresenterDto,
  replyBody,
  reviewBody,
  seminarBody,
  seminarDto,
} from './directory.schema.ts';
import * as service from './directory.service.ts';

const tags = ['directory'];
const security = [{ session: [] }];
const presentSeminar = (s: Awaited<ReturnType<typeof service.mySeminars>>[number]) => ({
  ...s,
  createdAt: s.createdAt.toISOString(),
});

export async function directoryRoutes(fastify: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx;

  app.get('/api/v1/directory/lists', { schema: { tags, response: { 200: listsDto } } }, async (req) =>
    service.listsFor(req.lang),
  );

  // ---- presenters ----
  app.get(
    '/api/v1/presenters',
    {
      schema: {
        tags,
        querystring: presenterQuery,
        response: { 200: z.object({ items: z.array(publicPresenterDto) }) },
      },
    },
    async (req) => ({ items: await service.search(ctx, req.query, req.lang) }),
  );

  app.get(
    '/api/v1/presenters/:id',
    { schema: { tags, params: idParams, response: { 200: publicPresenterDto } } },
    async (req) => service.publicPresenter(ctx, req.params.id, req.lang),
  );

  app.post(
    '/api/v1/presenters/:id/requests',
    {
      schema: { tags, params: idParams, body: seminarBody },
      config: {
        audit: 'directory.seminar_request',
        rateLimit: ctx.config.rateLimit ? { max: 10, timeWindow: 60 * 60_000 } : false,
      },
    },
    async (req, reply) => {
      await service.requestSeminar(ctx, req.params.id, { ...req.body, lang: req.lang });
      req.audit = { target: req.params.id };
      return reply.status(201).send({ ok: true });
    },
  );

  app.get(
    '/api/v1/presenter/me',
    { schema: { tags, security, response: { 200: myPresenterDto.nullable() } } },
    async (req) => {
      const actor = await requireActor(req);
      const p = await service.mine(ctx, actor.userId);
      return p ? service.presentMine(p, req.lang) : null;
    },
  );

  app.put(
    '/api/v1/presenter/me',
    {
      schema: { tags, security, body: presenterBody, response: { 200: myPresenterDto } },
      config: { audit: 'directory.presenter_apply' },
    },
    async (req) => {
      const actor = await requireActor(req);
      const p = await service.apply(ctx, actor.userId, req.body);
      req.audit = { target: p.id };
      return service.presentMine(p, req.lang);
    },
  );

  app.get(
    '/api/v1/presenter/me/requests',
    { schema: { tags, security, response: { 200: z.object({ items: z.array(seminarDto) }) } } },
    async (req) => {
      const actor = await requireActor(req);
      return { items: (await service.mySeminars(ctx, actor.userId)).map(presentSeminar) };
    },
  );

  app.post(
    '/api/v1/presenter/me/requests/:id/reply',
    {
      schema: { tags, security, params: idParams, body: replyBody, response: { 200: seminarDto } },
      config: { audit: 'directory.seminar_reply' },
    },
    async (req) => {
      const actor = await requireActor(req);
      req.audit = { target: req.params.id, data: { status: req.body.status } };
      return presentSeminar(
        await service.replySeminar(ctx, actor.userId, req.params.id, req.body.status, req.body.reply),
      );
    },
  );

  app.get(
    '/api/v1/admin/presenters',
    { schema: { tags, security, response: { 200: z.object({ items: z.array(myPresenterDto) }) } } },
    async (req) => {
      await requireOperator(req);
      return { items: await service.adminList(ctx, req.lang) };
    },
  );

  app.post(
    '/api/v1/admin/presenters/:id/review',
    {
      schema: { tags, security, params: idParams, body: reviewBody, response: { 200: myPresenterDto } },
      config: { audit: 'directory.presenter_review' },
    },
    async (req) => {
      await requireOperator(req);
      const p = await service.review(ctx, req.params.id, req.body.decision, req.body.note);
      req.audit = { target: p.id, data: { decision: req.body.decision } };
      return service.presentMine(p, req.lang);
    },
  );

  // ---- providers and IT supporters ----
  app.get(
    '/api/v1/directory',
    {
      schema: {
        tags,
        querystring: directoryQuery,
        response: { 200: z.object({ items: z.array(listingDto) }) },
      },
    },
    async (req) => ({ items: await service.searchListings(ctx, req.query, req.lang) }),
  );

  app.get(
    '/api/v1/orgs/:orgId/directory',
    { schema: { tags, security, params: orgParams, response: { 200: listingDto.nullable() } } },
    async (req) => {
      const m = await requireMember(req, db, req.params.orgId);
      return service.myListing(ctx, m.orgId, req.lang);
    },
  );

  app.put(
    '/api/v1/orgs/:orgId/directory',
    {
      schema: { tags, security, params: orgParams, body: listingBody, response: { 200: listingDto } },
      config: { audit: 'directory.listing_save' },
    },
    async (req) => {
      const m = await requireMember(req, db, req.params.orgId, ['manager', 'owner']);
      await service.saveListing(ctx, m.orgId, req.body);
      const l = await service.myListing(ctx, m.orgId, req.lang);
      if (!l) throw new AppError('internal');
      return l;
    },
  );
}
