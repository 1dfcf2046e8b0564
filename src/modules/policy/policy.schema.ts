import { z } from 'zod';
import { templateIds } from './policy.template.ts';

export const orgParams = z.object({ orgId: z.string().min(1).max(64) });
export const policyParams = orgParams.extend({ id: z.string().min(1).max(64) });

const values = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));
const toggles = z.record(z.string(), z.boolean());

export const createBody = z.strictObject({
  template: z.enum(templateIds),
  fields: z.record(z.string(), z.unknown()),
  sections: z.record(z.string(), z.unknown()).optional(),
});
export const updateBody = createBody.omit({ template: true });
export const approveBody = z.strictObject({ version: z.number().int().min(1) });
export const publishBody = z.strictObject({ version: z.number().int().min(1).optional() }).optional();

export const exportQuery = z.object({
  format: z.enum(['docx', 'pdf', 'html']),
  version: z.coerce.number().int().min(1).optional(),
});
export const versionQuery = z.object({ version: z.coerce.number().int().min(1).optional() });
export const diffQuery = z.object({
  from: z.coerce.number().int().min(1),
  to: z.coerce.number().int().min(1),
});
export const defaultsQuery = z.object({ template: z.enum(templateIds) });

export const templatesDto = z.array(
  z.object({
    id: z.enum(templateIds),
    title: z.string(),
    description: z.string(),
    fields: z.array(
      z.object({
        id: z.string(),
        type: z.string(),
        label: z.string(),
        help: z.string().nullable(),
        required: z.boolean(),
        min: z.number().nullable(),
        max: z.number().nullable(),
        options: z.array(z.object({ value: z.string(), label: z.string() })).nullable(),
      }),
    ),
    sections: z.array(z.object({ id: z.string(), heading: z.string(), optional: z.boolean() })),
  }),
);

export const savedDto = z.object({
  id: z.string(),
  version: z.number(),
  status: z.enum(['draft', 'approved']),
});

export const listDto = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      template: z.string(),
      title: z.string(),
      version: z.number(),
      status: z.string(),
      updatedAt: z.string(),
      publishedAt: z.string().nullable(),
      publicUrl: z.string().nullable(),
    }),
  ),
});

export const policyDto = z.object({
  id: z.string(),
  template: z.string(),
  publishedVersion: z.number().nullable(),
  publishedAt: z.string().nullable(),
  publicUrl: z.string().nullable(),
  versions: z.array(
    z.object({
      version: z.number(),
      status: z.string(),
      createdAt: z.string(),
      updatedAt: z.string(),
      approvedAt: z.string().nullable(),
      approvedByName: z.string().nullable(),
    }),
  ),
  current: z.object({ version: z.number(), status: z.string(), fields: values, sections: toggles }),
});

export const defaultsDto = z.object({
  template: z.string(),
  fields: values,
  sections: toggles,
  basedOnDiagnosis: z.string().nullable(),
});

export const diffDto = z.object({
  from: z.number(),
  to: z.number(),
  lines: z.array(z.object({ change: z.enum(['same', 'added', 'removed']), text: z.string() })),
});
