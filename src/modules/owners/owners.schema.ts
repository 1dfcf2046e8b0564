import { z } from 'zod';
import { isValidCorporateNumber } from '../orgs/index.ts';
import { actionStatuses, confidentialityAnswers, declaredLevels } from './owners.tables.ts';

export const orgParams = z.object({ orgId: z.string().min(1).max(64) });
export const actionParams = orgParams.extend({ no: z.coerce.number().int().min(1).max(7) });
export const contractorParams = orgParams.extend({ id: z.string().min(1).max(64) });

const isoDate = z.iso.date({ message: 'fields.invalid_date' });

export const updateActionBody = z
  .strictObject({
    status: z.enum(actionStatuses).optional(),
    responsibleUserId: z.string().min(1).max(64).nullable().optional(),
    note: z.string().trim().max(2000).optional(),
    reviewDate: isoDate.nullable().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'owners.fields.nothing_to_change' });

const link = z.object({ path: z.string(), label: z.string() });

export const actionDto = z.object({
  no: z.number(),
  principle: z.number(),
  title: z.string(),
  why: z.string(),
  steps: z.array(z.string()),
  links: z.array(link),
  reviewMonths: z.number(),
  status: z.enum(actionStatuses),
  responsibleUserId: z.string().nullable(),
  responsibleName: z.string().nullable(),
  note: z.string().nullable(),
  reviewDate: z.string().nullable(),
  /** The review date has passed. */
  overdue: z.boolean(),
  /** The review date is today. */
  dueToday: z.boolean(),
  updatedAt: z.string().nullable(),
});

export const cornerDto = z.object({
  principles: z.array(z.object({ no: z.number(), title: z.string(), body: z.string() })),
  actions: z.array(actionDto),
  summary: z.object({
    done: z.number(),
    inProgress: z.number(),
    notStarted: z.number(),
    overdue: z.number(),
    total: z.number(),
    /** The first action to work on: overdue first, then in progress, then not started. */
    next: z.number().nullable(),
  }),
  contractors: z.object({ total: z.number(), withoutTerms: z.number(), unknownTerms: z.number() }),
  canEdit: z.boolean(),
});

export const whyDto = z.object({
  minutes: z.number(),
  title: z.string(),
  lead: z.string(),
  reasons: z.object({
    title: z.string(),
    items: z.array(z.object({ title: z.string(), body: z.string() })),
  }),
  pitfalls: z.object({
    title: z.string(),
    items: z.array(
      z.object({
        title: z.string(),
        body: z.string(),
        fix: z.string(),
        actions: z.array(z.object({ no: z.number(), title: z.string() })),
      }),
    ),
  }),
  principles: z.array(z.object({ no: z.number(), title: z.string(), body: z.string() })),
  closing: z.string(),
});

const corporateNumber = z
  .string()
  .trim()
  .refine((v) => /^\d{13}$/.test(v), {
    message: 'fields.corporate_number_digits',
    params: { errorCode: 'invalid_corporate_number' },
    abort: true,
  })
  .refine(isValidCorporateNumber, {
    message: 'fields.corporate_number_check',
    params: { errorCode: 'invalid_corporate_number' },
  });

/** IDs from IPA's own registry are kept as typed; Mamori's (SA-XXXX-XXXX) are looked up. */
const declarationId = z
  .string()
  .trim()
  .max(32)
  .regex(/^[A-Za-z0-9-]+$/, { message: 'owners.fields.declaration_id_chars' });

export const contractorBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  entrusted: z.string().trim().min(1).max(500),
  confidentiality: z.enum(confidentialityAnswers),
  declared: z.enum(declaredLevels),
  declarationId: declarationId.nullable().optional(),
  corporateNumber: corporateNumber.nullable().optional(),
  note: z.string().trim().max(2000).optional(),
});
export const contractorPatch = contractorBody
  .partial()
  .refine((b) => Object.keys(b).length > 0, { message: 'owners.fields.nothing_to_change' });

export const contractorQuery = z.object({
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).max(10000).default(1),
});

export const contractorDto = z.object({
  id: z.string(),
  name: z.string(),
  entrusted: z.string(),
  confidentiality: z.enum(confidentialityAnswers),
  declared: z.enum(declaredLevels),
  declarationId: z.string().nullable(),
  corporateNumber: z.string().nullable(),
  note: z.string().nullable(),
  /** The declaration as the registry knows it, when the contractor is in it. */
  registry: z
    .object({
      id: z.string(),
      orgName: z.string(),
      star: z.number(),
      status: z.enum(['active', 'withdrawn', 'revoked']),
      verifyUrl: z.string(),
    })
    .nullable(),
  /** What the owner recorded differs from what the registry says. */
  mismatch: z.boolean(),
  updatedAt: z.string(),
});

export const contractorListDto = z.object({
  items: z.array(contractorDto),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
