import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../../kernel/http/errors.ts';
import { t } from '../../kernel/i18n/index.ts';
import type { ModuleContext } from '../../kernel/module.ts';
import { checkDto, estimateBody, estimateDto, offerBody, standardDto } from './services.schema.ts';
import { checkOffer, loadStandard } from './services.standard.ts';
import { estimateSubsidy, loadSubsidyRules } from './services.subsidy.ts';

const tags = ['services'];

export async function servicesRoutes(fastify: FastifyInstance, _ctx: ModuleContext): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
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
      const titles = new Map(standard.requirements.map((r) => [r.id, r.title[req.lang]]));
      const results = checkOffer(standard, req.body).map((r) => ({
        id: r.id,
        title: titles.get(r.id) ?? r.id,
        status: r.status,
        message: t(req.lang, `services.check.${r.reason}`, r.params),
      }));
      return {
        standardVersion: standard.version,
        passed: results.every((r) => r.status !== 'fail'),
        results,
      };
    },
  );

  app.post(
    '/api/v1/subsidy/estimate',
    { schema: { tags, body: estimateBody, response: { 200: estimateDto } } },
    async (req) => {
      const rule = subsidy.years.find((y) => y.fiscalYear === req.body.fiscalYear);
      if (!rule) {
        throw new AppError('validation_failed', {
          fields: {
            fiscalYear: {
              key: 'services.fields.unknown_year',
              params: { years: subsidy.years.map((y) => y.fiscalYear).join(', ') },
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
}
