import { z } from 'zod';
import { industryCodes, prefectureCodes } from '../../kernel/reference.ts';

export const orgParams = z.object({ orgId: z.string().min(1).max(64) });
export const idParams = z.object({ id: z.string().min(1).max(32) });
export const orgDeclParams = orgParams.extend({ id: z.string().min(1).max(32) });

const allPledges = z
  .array(z.number().int().min(1).max(5))
  .refine((p) => new Set(p).size === 5 && p.length === 5, { message: 'declaration.fields.all_pledges' });

export const declareBody = z.discriminatedUnion(
  'star',
  [z.strictObject({ star: z.literal(1), pledges: allPledges }), z.strictObject({ star: z.literal(2) })],
  { error: () => 'declaration.fields.star' },
);

export const registryQuery = z.object({
  q: z.string().trim().max(100).optional(),
  prefecture: z.enum(prefectureCodes).optional(),
  industry: z.enum(industryCodes).optional(),
  star: z.coerce.number().int().min(1).max(2).optional(),
  page: z.coerce.number().int().min(1).max(10000).default(1),
});

export const revokeBody = z.strictObject({ reason: z.string().trim().min(1).max(500) });

export const publicDto = z.object({
  id: z.string(),
  orgName: z.string(),
  prefecture: z.string(),
  industry: z.string(),
  star: z.number(),
  status: z.enum(['active', 'withdrawn', 'revoked']),
  declaredAt: z.iso.datetime(),
  endedAt: z.string().nullable(),
  supersededBy: z.string().nullable(),
  policyUrl: z.string().nullable(),
});

export const createdDto = z.object({
  id: z.string(),
  star: z.number(),
  status: z.literal('active'),
  declaredAt: z.iso.datetime(),
});

export const requirementsDto = z.object({
  diagnosis: z.object({ ok: z.boolean(), at: z.string().nullable(), link: z.string().nullable() }),
  policy: z.object({ ok: z.boolean(), url: z.string().nullable(), link: z.string().nullable() }),
  principles: z.array(z.object({ no: z.number(), title: z.string(), practice: z.string() })),
  current: publicDto.nullable(),
  history: z.array(publicDto),
  badge: z
    .object({ svgUrl: z.string(), pngUrl: z.string(), verifyUrl: z.string(), snippet: z.string() })
    .nullable(),
});

export const statsDto = z.object({
  total: z.number(),
  oneStar: z.number(),
  twoStar: z.number(),
  byPrefecture: z.array(
    z.object({ prefecture: z.string(), name: z.string(), oneStar: z.number(), twoStar: z.number() }),
  ),
});

export const supplierBody = z
  .strictObject({
    label: z.string().trim().min(1).max(200),
    declarationId: z.string().trim().max(32).optional(),
    corporateNumber: z
      .string()
      .trim()
      .regex(/^\d{13}$/, { message: 'fields.corporate_number_digits' })
      .optional(),
  })
  .refine((b) => b.declarationId || b.corporateNumber, {
    message: 'declaration.fields.supplier_key',
    path: ['declarationId'],
  });

export const supplierDto = z.object({
  id: z.string(),
  label: z.string(),
  corporateNumber: z.string().nullable(),
  onMamori: z.boolean(),
  declaration: z.object({ id: z.string(), star: z.number(), declaredAt: z.string() }).nullable(),
  diagnosisShared: z.boolean(),
  latestDiagnosis: z.object({ total: z.number(), at: z.string() }).nullable(),
});

export const supplierParams = orgParams.extend({ supplierId: z.string().min(1).max(64) });
export const consentBody = z.strictObject({ buyerOrgId: z.string().min(1).max(64), granted: z.boolean() });
