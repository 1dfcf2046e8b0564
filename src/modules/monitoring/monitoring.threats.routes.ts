import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../kernel/http/errors.ts';
import { requireOperator } from '../../kernel/http/request-context.ts';
import { t } from '../../kernel/i18n/index.ts';
import type { ModuleContext } from '../../kernel/module.ts';
import type { EventPreparer } from './monitoring.prepare.ts';
import {
  deleteThreatList,
  listThreatLists,
  parseThreatCsv,
  replaceThreatList,
} from './monitoring.threats.ts';

const tags = ['monitoring'];
const security = [{ session: [] }];
const listParams = z.object({ name: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/) });
const CSV_LIMIT = 20 * 1024 * 1024;

/** The operator keeps threat lists (IP addresses, domains, file hashes) imported from CSV. */
export async function threatListRoutes(
  fastify: FastifyInstance,
  ctx: ModuleContext,
  preparer: () => EventPreparer,
): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  fastify.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: CSV_LIMIT }, (_req, body, done) =>
    done(null, body),
  );

  app.get(
    '/api/v1/admin/threat-lists',
    {
      schema: {
        tags,
        security,
        response: {
          200: z.object({
            items: z.array(
              z.object({
                list: z.string(),
                indicators: z.number(),
                ips: z.number(),
                domains: z.number(),
                hashes: z.number(),
                importedAt: z.string().nullable(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => {
      await requireOperator(req);
      const rows = await listThreatLists(ctx.db);
      return {
        items: rows.map((r) => ({
          ...r,
          importedAt: r.importedAt ? new Date(r.importedAt).toISOString() : null,
        })),
      };
    },
  );

  app.put(
    '/api/v1/admin/threat-lists/:name',
    {
      bodyLimit: CSV_LIMIT,
      schema: {
        tags,
        security,
        params: listParams,
        description: 'Replaces the list with the CSV body (text/csv): header `type,value[,description]`.',
        response: { 200: z.object({ list: z.string(), imported: z.number() }) },
      },
      config: { audit: 'monitoring.threat_list.import' },
    },
    async (req) => {
      await requireOperator(req);
      const text = typeof req.body === 'string' ? req.body : '';
      const { indicators, errors } = parseThreatCsv(text);
      if (errors.length) {
        throw new AppError('threat_list_invalid', {
          kind: 'validation_failed',
          messageKey: 'monitoring.errors.threat_list_invalid',
          params: { count: errors.length },
          detail: {
            rejected: errors.slice(0, 100).map((e) => ({
              ...e,
              message: t(req.lang, `monitoring.threat_reasons.${e.reason}`),
            })),
          },
        });
      }
      const imported = await replaceThreatList(ctx.db, req.params.name, indicators);
      await preparer().threats.load(ctx.db);
      req.audit.target = req.params.name;
      req.audit.data = { imported };
      return { list: req.params.name, imported };
    },
  );

  app.delete(
    '/api/v1/admin/threat-lists/:name',
    { schema: { tags, security, params: listParams }, config: { audit: 'monitoring.threat_list.delete' } },
    async (req, reply) => {
      await requireOperator(req);
      if ((await deleteThreatList(ctx.db, req.params.name)) === 0) throw new AppError('not_found');
      await preparer().threats.load(ctx.db);
      req.audit.target = req.params.name;
      return reply.status(204).send();
    },
  );
}
