import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireMember } from '../../kernel/auth/tenancy.ts';
import { AppError } from '../../kernel/http/errors.ts';
import { requireActor, requireOperator } from '../../kernel/http/request-context.ts';
import { t } from '../../kernel/i18n/index.ts';
import type { ModuleContext } from '../../kernel/module.ts';
import { applicants } from './services.access.ts';
import * as registry from './services.registry.ts';
import * as registryRepo from './services.repo.ts';
import {
  applicationBody,
  checkDto,
  contactBody,
  contactRequestDto,
  estimateBody,
  estimateDto,
  listQuery,
  myServiceDto,
  offerBody,
  orgParams,
  orgServiceParams,
  publicServiceDto,
  reviewBody,
  serviceParams,
  standardDto,
  subsidyYearBody,
  subsidyYearDto,
  yearParams,
} from './services.schema.ts';
import { checkOffer, loadStandard } from './services.standard.ts';
import { estimateSubsidy, loadSubsidyRules } from './services.subsidy.ts';

const tags = ['services'];

export async function servicesRoutes(fastify: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx;
  const security = [{ session: [] }];
  const standard = loadStandard();
  const subsidy = loadSubsidyRules();

  app.get('/api/v1/services/standard', { schema: { tags, response: { 200: standardDto } } }, async (req) => {
    const l = req.lang;
    return {
      version: standard.version,
      title: standard.title[l],
      taxNote: standard.taxNote[l],
      tiers: standard.tiers.map((x) => ({
        ...x,
        name: x.name[l],
        description: x.description[l],
        capsNote: x.capsNote?.[l] ?? null,
      })),
      requirements: standard.requirements.map((r) => ({
        id: r.id,
        title: r.title[l],
        description: r.description[l],
      })),
    };
  });

  // What a provider's form shows before submission: each requirement, checked.
  app.post(
    '/api/v1/services/check',
    { schema: { tags, body: offerBody, response: { 200: checkDto } } },
    async (req) => {
      const results = registry.presentChecks(checkOffer(standard, req.body), req.lang);
      return {
        standardVersion: standard.version,
        passed: results.every((r) => r.status !== 'fail'),
        results,
      };
    },
  );

  /** Content gives the known years; the operator's entries override or add years. */
  const years = async () => {
    type Year = (typeof subsidy.years)[number] & { source: 'content' | 'operator' };
    const merged = new Map<number, Year>(
      subsidy.years.map((y) => [y.fiscalYear, { ...y, source: 'content' }]),
    );
    for (const o of await registryRepo.listSubsidyYears(db)) {
      merged.set(o.fiscalYear, {
        fiscalYear: o.fiscalYear,
        minSubsidy: o.minSubsidy,
        maxSubsidy: o.maxSubsidy,
        rate: [o.rate[0] ?? 1, o.rate[1] ?? 2],
        smallBusinessRate: [o.smallBusinessRate[0] ?? 1, o.smallBusinessRate[1] ?? 2],
        confirmed: o.confirmed === 'yes',
        ...(o.noteJa || o.noteEn ? { note: { ja: o.noteJa ?? '', en: o.noteEn ?? '' } } : {}),
        source: 'operator' as const,
      });
    }
    return [...merged.values()].sort((a, b) => a.fiscalYear - b.fiscalYear);
  };

  app.get(
    '/api/v1/subsidy/years',
    { schema: { tags, response: { 200: z.array(subsidyYearDto) } } },
    async (req) => (await years()).map((y) => ({ ...y, note: y.note?.[req.lang] || null })),
  );

  app.put(
    '/api/v1/admin/subsidy/years/:year',
    {
      schema: { tags, security, params: yearParams, body: subsidyYearBody },
      config: { audit: 'services.subsidy_year' },
    },
    async (req, reply) => {
      const actor = await requireActor(req);
      await requireOperator(req);
      await registryRepo.upsertSubsidyYear(db, {
        fiscalYear: req.params.year,
        minSubsidy: req.body.minSubsidy,
        maxSubsidy: req.body.maxSubsidy,
        rate: [...req.body.rate],
        smallBusinessRate: [...req.body.smallBusinessRate],
        confirmed: req.body.confirmed ? 'yes' : 'no',
        noteJa: req.body.note?.ja || null,
        noteEn: req.body.note?.en || null,
        updatedBy: actor.userId,
      });
      req.audit = { target: String(req.params.year), data: req.body };
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/v1/subsidy/estimate',
    { schema: { tags, body: estimateBody, response: { 200: estimateDto } } },
    async (req) => {
      const all = await years();
      const rule = all.find((y) => y.fiscalYear === req.body.fiscalYear);
      if (!rule) {
        throw new AppError('validation_failed', {
          fields: {
            fiscalYear: {
              key: 'services.fields.unknown_year',
              params: { years: all.map((y) => y.fiscalYear).join(', ') },
            },
          },
        });
      }
      const e = estimateSubsidy(rule, req.body);
      const l = req.lang;
      return {
        ...e,
        ...(e.eligible
          ? {}
          : {
              reasonCode: e.reason,
              reason: t(l, 'services.subsidy.below_minimum', { min: e.minSubsidy.toLocaleString('ja-JP') }),
            }),
        confirmed: rule.confirmed,
        note: rule.note?.[l] ?? null,
        scheme: subsidy.scheme[l],
        conditions: subsidy.conditions.map((c) => c[l]),
      };
    },
  );

  // ---- the registry: providers apply, the operator reviews, the public browses ----

  app.get(
    '/api/v1/services',
    {
      schema: {
        tags,
        querystring: listQuery,
        response: { 200: z.object({ items: z.array(publicServiceDto) }) },
      },
    },
    async (req) => ({ items: await registry.publicList(ctx, req.query) }),
  );

  app.get(
    '/api/v1/services/:id',
    { schema: { tags, params: serviceParams, response: { 200: publicServiceDto } } },
    async (req) => registry.publicService(ctx, req.params.id),
  );

  app.post(
    '/api/v1/services/:id/contact',
    {
      schema: { tags, security, params: serviceParams, body: contactBody },
      config: { audit: 'services.contact' },
    },
    async (req, reply) => {
      const m = await requireMember(req, db, req.body.orgId);
      await registry.requestContact(
        ctx,
        { userId: m.actor.userId, name: m.actor.name, email: m.actor.email },
        req.params.id,
        req.body,
      );
      req.audit = {
        orgId: m.orgId,
        target: req.params.id,
        data: { shareDiagnosis: req.body.shareDiagnosis },
      };
      return reply.status(201).send({ ok: true });
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/services',
    {
      schema: {
        tags,
        security,
        params: orgParams,
        response: { 200: z.object({ items: z.array(myServiceDto) }) },
      },
    },
    async (req) => {
      const m = await requireMember(req, db, req.params.orgId);
      return { items: await registry.listMine(ctx, m.orgId, req.lang) };
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/services',
    {
      schema: { tags, security, params: orgParams, body: applicationBody, response: { 201: myServiceDto } },
      config: { audit: 'services.apply' },
    },
    async (req, reply) => {
      const m = await requireMember(req, db, req.params.orgId, applicants);
      const id = await registry.createApplication(ctx, m.orgId, req.body);
      req.audit = { target: id, data: { name: req.body.name } };
      return reply.status(201).send(await registry.myService(ctx, m.orgId, id, req.lang));
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/services/:serviceId',
    { schema: { tags, security, params: orgServiceParams, response: { 200: myServiceDto } } },
    async (req) => {
      const m = await requireMember(req, db, req.params.orgId);
      return registry.myService(ctx, m.orgId, req.params.serviceId, req.lang);
    },
  );

  app.put(
    '/api/v1/orgs/:orgId/services/:serviceId',
    {
      schema: {
        tags,
        security,
        params: orgServiceParams,
        body: applicationBody,
        response: { 200: myServiceDto },
      },
      config: { audit: 'services.edit' },
    },
    async (req) => {
      const m = await requireMember(req, db, req.params.orgId, applicants);
      await registry.updateApplication(ctx, m.orgId, req.params.serviceId, req.body);
      req.audit = { target: req.params.serviceId };
      return registry.myService(ctx, m.orgId, req.params.serviceId, req.lang);
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/services/:serviceId/submit',
    {
      schema: { tags, security, params: orgServiceParams, response: { 200: myServiceDto } },
      config: { audit: 'services.submit' },
    },
    async (req) => {
      const m = await requireMember(req, db, req.params.orgId, applicants);
      await registry.submit(ctx, m.orgId, req.params.serviceId, req.lang);
      req.audit = { target: req.params.serviceId };
      return registry.myService(ctx, m.orgId, req.params.serviceId, req.lang);
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/service-requests',
    {
      schema: {
        tags,
        security,
        params: orgParams,
        response: { 200: z.object({ items: z.array(contactRequestDto) }) },
      },
    },
    async (req) => {
      const m = await requireMember(req, db, req.params.orgId);
      return { items: await registry.contactRequests(ctx, m.orgId) };
    },
  );

  const reviewItem = myServiceDto.extend({ providerName: z.string() });
  app.get(
    '/api/v1/admin/services',
    {
      schema: {
        tags,
        security,
        querystring: z.object({ status: z.enum(['open', 'all']).default('open') }),
        response: { 200: z.object({ items: z.array(reviewItem) }) },
      },
    },
    async (req) => {
      await requireOperator(req);
      const statuses =
        req.query.status === 'open'
          ? ['submitted', 'in_review']
          : ['draft', 'submitted', 'in_review', 'changes_requested', 'approved', 'rejected'];
      return { items: await registry.reviewQueue(ctx, statuses, req.lang) };
    },
  );

  app.get(
    '/api/v1/admin/services/:id',
    { schema: { tags, security, params: serviceParams, response: { 200: reviewItem } } },
    async (req) => {
      await requireOperator(req);
      return registry.reviewItem(ctx, req.params.id, req.lang);
    },
  );

  app.post(
    '/api/v1/admin/services/:id/review',
    {
      schema: { tags, security, params: serviceParams, body: reviewBody, response: { 200: reviewItem } },
      config: { audit: 'services.review' },
    },
    async (req) => {
      const actor = await requireActor(req);
      await requireOperator(req);
      const status = await registry.review(ctx, actor.userId, req.params.id, req.body);
      req.audit = { target: req.params.id, data: { action: req.body.action, status } };
      return registry.reviewItem(ctx, req.params.id, req.lang);
    },
  );
}
