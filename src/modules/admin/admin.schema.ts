import { z } from 'zod';

export const pageQuery = z.object({
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
});
export const auditQuery = z.object({
  action: z.string().trim().max(100).optional(),
  orgId: z.string().max(64).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
});
export const outboxParams = z.object({
  id: z
    .string()
    .regex(/^[0-9a-z-]+$/)
    .max(64),
});

const iso = z.iso.datetime();
export const orgListDto = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      kind: z.string(),
      prefecture: z.string(),
      industry: z.string(),
      employees: z.string(),
      memberCount: z.number(),
      createdAt: iso,
    }),
  ),
  total: z.number(),
});
export const userListDto = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      email: z.string(),
      name: z.string(),
      emailVerified: z.boolean(),
      twoFactorEnabled: z.boolean(),
      isOperator: z.boolean(),
      createdAt: iso,
    }),
  ),
  total: z.number(),
});
export const auditListDto = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      at: iso,
      actorEmail: z.string().nullable(),
      orgId: z.string().nullable(),
      orgName: z.string().nullable(),
      action: z.string(),
      target: z.string().nullable(),
      ip: z.string().nullable(),
    }),
  ),
  total: z.number(),
});
export const outboxListDto = z.object({
  items: z.array(z.object({ id: z.string(), to: z.string(), subject: z.string(), date: z.string() })),
});
export const outboxMailDto = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  date: z.string(),
  text: z.string(),
});

export const jobListDto = z.object({ items: z.array(z.object({ name: z.string(), everyMs: z.number() })) });
export const jobParams = z.object({ name: z.string().regex(/^[a-z0-9.-]{1,80}$/) });
