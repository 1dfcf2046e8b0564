import { z } from 'zod';
import { employeeBandCodes, industryCodes, prefectureCodes } from '../../kernel/reference.ts';
import { isValidCorporateNumber } from './corporate-number.ts';

export const orgKinds = ['sme', 'provider'] as const;
export const smeRoles = ['owner', 'practitioner', 'employee'] as const;
export const providerRoles = ['manager', 'analyst'] as const;
export const allRoles = [...smeRoles, ...providerRoles] as const;

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

const website = z.url({ protocol: /^https?$/, message: 'fields.invalid_url' }).max(300);

const profileFields = {
  name: z.string().trim().min(1).max(200),
  corporateNumber: corporateNumber.nullable().optional(),
  prefecture: z.enum(prefectureCodes),
  industry: z.enum(industryCodes),
  employees: z.enum(employeeBandCodes),
  website: website.nullable().optional(),
};

export const createOrgBody = z.strictObject({ ...profileFields, kind: z.enum(orgKinds) });
export type CreateOrgInput = z.infer<typeof createOrgBody>;

export const updateOrgBody = z.strictObject(profileFields).partial();
export type UpdateOrgInput = z.infer<typeof updateOrgBody>;

export const orgParams = z.object({ orgId: z.string().min(1).max(64) });
export const memberParams = orgParams.extend({ memberId: z.string().min(1).max(64) });
export const invitationParams = orgParams.extend({ invitationId: z.string().min(1).max(64) });
export const invitationIdParams = z.object({ id: z.string().min(1).max(64) });

export const inviteBody = z.strictObject({ email: z.email().max(254), role: z.enum(allRoles) });
export const roleBody = z.strictObject({ role: z.enum(allRoles) });

export const orgDto = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(orgKinds),
  corporateNumber: z.string().nullable(),
  prefecture: z.string(),
  industry: z.string(),
  employees: z.string(),
  website: z.string().nullable(),
  createdAt: z.iso.datetime(),
  role: z.enum(allRoles),
});
export type OrgDto = z.infer<typeof orgDto>;

export const memberDto = z.object({
  id: z.string(),
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(allRoles),
  joinedAt: z.iso.datetime(),
});

export const invitationDto = z.object({
  id: z.string(),
  email: z.string(),
  role: z.string(),
  status: z.string(),
  expiresAt: z.iso.datetime(),
  createdAt: z.iso.datetime(),
});

export const invitationViewDto = z.object({
  id: z.string(),
  orgName: z.string(),
  orgKind: z.enum(orgKinds),
  role: z.string(),
  email: z.string(),
  inviterName: z.string(),
  status: z.string(),
  expiresAt: z.iso.datetime(),
});

export const meDto = z.object({
  user: z.object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    emailVerified: z.boolean(),
    twoFactorEnabled: z.boolean(),
    isOperator: z.boolean(),
    locale: z.enum(['ja', 'en']),
  }),
  orgs: z.array(
    z.object({ id: z.string(), name: z.string(), kind: z.enum(orgKinds), role: z.enum(allRoles) }),
  ),
  activeOrgId: z.string().nullable(),
});
