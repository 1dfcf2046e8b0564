import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { recordAudit } from '../../kernel/audit/audit.ts';
import { requireMember } from '../../kernel/auth/tenancy.ts';
import { findUserById } from '../../kernel/auth/users.ts';
import { requireOperator } from '../../kernel/http/request-context.ts';
import { type Lang, normalizeLang } from '../../kernel/i18n/index.ts';
import type { ModuleContext } from '../../kernel/module.ts';
import { verifyUnsubscribeToken } from './library.digest.ts';
import * as repo from './library.repo.ts';
import {
  adminEntryDto,
  adminEntryListDto,
  adminItemParams,
  adminQuery,
  adminVideoDto,
  adminVideoListDto,
  entryDetailDto,
  entryInput,
  entryListDto,
  entryParams,
  entryQuery,
  hiddenBody,
  newsletterDto,
  orgParams,
  orgVideoParams,
  practiceBody,
  practiceQuery,
  practiceResultDto,
  practiceSetDto,
  taxonomyDto,
  unsubscribeQuery,
  videoInput,
  videoListDto,
  videoQuery,
  watchedDto,
} from './library.schema.ts';
import * as service from './library.service.ts';
import { unsubscribePage } from './library.unsubscribe.ts';

const tags = ['library'];
const security = [{ session: [] }];

export async function libraryRoutes(fastify: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx;

  // ---- public: the library, the video catalogue, practice questions ----

  app.get('/api/v1/library/taxonomy', { schema: { tags, response: { 200: taxonomyDto } } }, async (req) => {
    const [entries, videos] = await Promise.all([service.entries(ctx), service.videos(ctx)]);
    return service.taxonomy(
      req.lang,
      entries.filter((e) => !e.hidden),
      videos.filter((v) => !v.hidden),
    );
  });

  app.get(
    '/api/v1/library/entries',
    { schema: { tags, querystring: entryQuery, response: { 200: entryListDto } } },
    async (req) => service.listEntries(ctx, req.query, req.lang),
  );

  app.get(
    '/api/v1/library/entries/:id',
    { schema: { tags, params: entryParams, response: { 200: entryDetailDto } } },
    async (req) => service.entryDetail(ctx, req.params.id, req.lang),
  );

  app.get(
    '/api/v1/library/videos',
    { schema: { tags, querystring: videoQuery, response: { 200: videoListDto } } },
    async (req) => service.listVideos(ctx, req.query, req.lang),
  );

  app.get(
    '/api/v1/library/practice',
    { schema: { tags, querystring: practiceQuery, response: { 200: practiceSetDto } } },
    async (req) => service.practiceSet(req.query, req.lang),
  );

  app.post(
    '/api/v1/library/practice/check',
    { schema: { tags, body: practiceBody, response: { 200: practiceResultDto } } },
    async (req) => service.checkPractice(req.body.answers, req.lang),
  );

  // ---- members: watched marks and the weekly e-mail ----

  app.get(
    '/api/v1/orgs/:orgId/library/watched',
    { schema: { tags, security, params: orgParams, response: { 200: watchedDto } } },
    async (req) => {
      const m = await requireMember(req, db, req.params.orgId);
      return service.watched(ctx, m.orgId, m.actor.userId);
    },
  );

  app.put(
    '/api/v1/orgs/:orgId/library/watched/:videoId',
    {
      schema: { tags, security, params: orgVideoParams, response: { 200: watchedDto } },
      config: { audit: 'library.video.watched' },
    },
    async (req) => {
      const m = await requireMember(req, db, req.params.orgId);
      req.audit = { target: req.params.videoId };
      return service.setWatched(ctx, m.orgId, m.actor.userId, req.params.videoId, true);
    },
  );

  app.delete(
    '/api/v1/orgs/:orgId/library/watched/:videoId',
    {
      schema: { tags, security, params: orgVideoParams, response: { 200: watchedDto } },
      config: { audit: 'library.video.unwatched' },
    },
    async (req) => {
      const m = await requireMember(req, db, req.params.orgId);
      req.audit = { target: req.params.videoId };
      return service.setWatched(ctx, m.orgId, m.actor.userId, req.params.videoId, false);
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/newsletter',
    { schema: { tags, security, params: orgParams, response: { 200: newsletterDto } } },
    async (req) => {
      const m = await requireMember(req, db, req.params.orgId);
      return service.newsletterStatus(ctx, m.orgId, m.actor.userId);
    },
  );

  app.put(
    '/api/v1/orgs/:orgId/newsletter',
    {
      schema: { tags, security, params: orgParams, response: { 200: newsletterDto } },
      config: { audit: 'library.newsletter.subscribe' },
    },
    async (req) => {
      const m = await requireMember(req, db, req.params.orgId);
      return service.subscribe(ctx, m.orgId, m.actor.userId);
    },
  );

  app.delete(
    '/api/v1/orgs/:orgId/newsletter',
    {
      schema: { tags, security, params: orgParams, response: { 200: newsletterDto } },
      config: { audit: 'library.newsletter.unsubscribe' },
    },
    async (req) => {
      const m = await requireMember(req, db, req.params.orgId);
      return service.unsubscribe(ctx, m.orgId, m.actor.userId);
    },
  );

  // ---- the mail's one-click unsubscribe: GET asks, POST (a person or a mail program) stops it ----

  // Mail programs post `List-Unsubscribe=One-Click` as a form (RFC 8058); the body carries nothing we need.
  for (const type of ['application/x-www-form-urlencoded', 'multipart/form-data']) {
    fastify.addContentTypeParser(type, { parseAs: 'string', bodyLimit: 4096 }, (_req, body, done) =>
      done(null, body),
    );
  }

  const who = async (req: FastifyRequest<{ Querystring: { token: string; lang?: Lang | undefined } }>) => {
    const userId = verifyUnsubscribeToken(ctx.config.authSecret, req.query.token);
    const user = userId ? await findUserById(db, userId) : undefined;
    const lang = req.query.lang ?? (user ? normalizeLang(user.locale) : req.lang);
    return { user, lang };
  };
  const html = (reply: FastifyReply, status: number, body: string) =>
    reply
      .status(status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('referrer-policy', 'no-referrer')
      .send(body);

  app.get(
    '/newsletter/unsubscribe',
    { schema: { tags, querystring: unsubscribeQuery, hide: true } },
    async (req, reply) => {
      const { user, lang } = await who(req);
      if (!user) return html(reply, 404, unsubscribePage(lang, 'invalid'));
      const sub = await repo.findSubscription(db, user.id);
      if (!sub?.active) return html(reply, 200, unsubscribePage(lang, 'already', { email: user.email }));
      const action = `/newsletter/unsubscribe?token=${encodeURIComponent(req.query.token)}`;
      return html(reply, 200, unsubscribePage(lang, 'confirm', { email: user.email, action }));
    },
  );

  app.post(
    '/newsletter/unsubscribe',
    { schema: { tags, querystring: unsubscribeQuery, hide: true } },
    async (req, reply) => {
      const { user, lang } = await who(req);
      if (!user) return html(reply, 404, unsubscribePage(lang, 'invalid'));
      const stopped = await repo.unsubscribe(db, user.id);
      if (stopped) {
        // Outside /api/v1, so the audit hook does not see it; the write is recorded here.
        await recordAudit(db, {
          action: 'library.newsletter.unsubscribe_link',
          orgId: stopped.orgId,
          actorId: user.id,
          actorEmail: user.email,
          target: user.id,
          ip: req.ip,
        });
      }
      return html(reply, 200, unsubscribePage(lang, stopped ? 'done' : 'already', { email: user.email }));
    },
  );

  // ---- the operator's catalogue: add, edit, hide, revert ----

  app.get(
    '/api/v1/admin/library/entries',
    { schema: { tags, security, querystring: adminQuery, response: { 200: adminEntryListDto } } },
    async (req) => {
      await requireOperator(req);
      return service.adminEntries(ctx, req.query);
    },
  );

  app.put(
    '/api/v1/admin/library/entries/:id',
    {
      schema: { tags, security, params: adminItemParams, body: entryInput, response: { 200: adminEntryDto } },
      config: { audit: 'library.entry.save' },
    },
    async (req) => {
      const actor = await requireOperator(req);
      req.audit = { target: req.params.id, data: { title: req.body.title.ja } };
      return service.saveEntry(ctx, actor.userId, req.params.id, req.body);
    },
  );

  app.get(
    '/api/v1/admin/library/videos',
    { schema: { tags, security, querystring: adminQuery, response: { 200: adminVideoListDto } } },
    async (req) => {
      await requireOperator(req);
      return service.adminVideos(ctx, req.query);
    },
  );

  app.put(
    '/api/v1/admin/library/videos/:id',
    {
      schema: { tags, security, params: adminItemParams, body: videoInput, response: { 200: adminVideoDto } },
      config: { audit: 'library.video.save' },
    },
    async (req) => {
      const actor = await requireOperator(req);
      req.audit = { target: req.params.id, data: { title: req.body.title.ja } };
      return service.saveVideo(ctx, actor.userId, req.params.id, req.body);
    },
  );

  // Hiding and reverting work the same way for an entry and a video.
  for (const [kind, plural, dto] of [
    ['entry', 'entries', adminEntryDto],
    ['video', 'videos', adminVideoDto],
  ] as const) {
    app.post(
      `/api/v1/admin/library/${plural}/:id/visibility`,
      {
        schema: { tags, security, params: adminItemParams, body: hiddenBody, response: { 200: dto } },
        config: { audit: `library.${kind}.visibility` },
      },
      async (req) => {
        const actor = await requireOperator(req);
        req.audit = { target: req.params.id, data: req.body };
        return service.setHidden(ctx, actor.userId, kind, req.params.id, req.body.hidden) as Promise<
          ReturnType<typeof dto.parse>
        >;
      },
    );

    app.delete(
      `/api/v1/admin/library/${plural}/:id`,
      { schema: { tags, security, params: adminItemParams }, config: { audit: `library.${kind}.revert` } },
      async (req, reply) => {
        await requireOperator(req);
        req.audit = { target: req.params.id };
        await service.revert(ctx, kind, req.params.id);
        return reply.status(204).send();
      },
    );
  }
}
