import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireMember } from '../../kernel/auth/tenancy.ts';
import { requireActor } from '../../kernel/http/request-context.ts';
import type { ModuleContext } from '../../kernel/module.ts';
import {
  customersOf,
  endServiceLink,
  grantProvider,
  providersOf,
  searchProviders,
} from './orgs.customers.ts';
import { orgParams } from './orgs.schema.ts';

const tags = ['orgs'];
const security = [{ session: [] }];

const linkDto = z.object({
  providerOrgId: z.string(),
  providerName: z.string(),
  customerOrgId: z.string(),
  customerName: z.string(),
  since: z.string(),
});
const linkList = z.object({ items: z.array(linkDto) });
const present = (l: { since: Date } & Omit<z.infer<typeof linkDto>, 'since'>) => ({
  ...l,
  since: l.since.toISOString(),
});

/** Which provider serves which SME: the SME's owner grants and ends it; the provider sees its customers. */
export async function customersRoutes(fastify: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx;

  app.get(
    '/api/v1/providers',
    {
      schema: {
        tags,
        security,
        querystring: z.object({ q: z.string().trim().max(100).optional() }),
        response: {
          200: z.object({
            items: z.array(z.object({ id: z.string(), name: z.string(), prefecture: z.string() })),
          }),
        },
      },
    },
    async (req) => {
      await requireActor(req);
      return { items: await searchProviders(ctx, req.query.q || undefined) };
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/providers',
    { schema: { tags, security, params: orgParams, response: { 200: linkList } } },
    async (req) => {
      const m = await requireMember(req, db, req.params.orgId);
      return { items: (await providersOf(ctx, m.orgId)).map(present) };
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/providers',
    {
      schema: {
        tags,
        security,
        params: orgParams,
        body: z.strictObject({ providerOrgId: z.string().min(1).max(100) }),
        response: { 201: linkList },
      },
      config: { audit: 'orgs.provider.grant' },
    },
    async (req, reply) => {
      const m = await requireMember(req, db, req.params.orgId, ['owner']);
      await grantProvider(ctx, m.actor, m.orgId, req.body.providerOrgId);
      req.audit.target = req.body.providerOrgId;
      return reply.status(201).send({ items: (await providersOf(ctx, m.orgId)).map(present) });
    },
  );

  app.delete(
    '/api/v1/orgs/:orgId/providers/:providerOrgId',
    {
      schema: { tags, security, params: orgParams.extend({ providerOrgId: z.string().min(1).max(100) }) },
      config: { audit: 'orgs.provider.end' },
    },
    async (req, reply) => {
      const m = await requireMember(req, db, req.params.orgId, ['owner']);
      await endServiceLink(ctx, req.params.providerOrgId, m.orgId);
      req.audit.target = req.params.providerOrgId;
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/customers',
    { schema: { tags, security, params: orgParams, response: { 200: linkList } } },
    async (req) => {
      const m = await requireMember(req, db, req.params.orgId, ['manager', 'analyst']);
      return { items: (await customersOf(ctx, m.orgId)).map(present) };
    },
  );

  app.delete(
    '/api/v1/orgs/:orgId/customers/:customerOrgId',
    {
      schema: { tags, security, params: orgParams.extend({ customerOrgId: z.string().min(1).max(100) }) },
      config: { audit: 'orgs.customer.end' },
    },
    async (req, reply) => {
      const m = await requireMember(req, db, req.params.orgId, ['manager']);
      await endServiceLink(ctx, m.orgId, req.params.customerOrgId);
      req.audit.target = req.params.customerOrgId;
      return reply.status(204).send();
    },
  );
}
