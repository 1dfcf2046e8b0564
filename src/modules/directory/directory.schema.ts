import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { industryCodes, prefectureCodes } from '../../kernel/reference.ts';

const item = z.object({ id: z.string(), ja: z.string(), en: z.string() });
export const lists = z
  .object({ qualifications: z.array(item), categories: z.array(item) })
  .parse(
    JSON.parse(
      readFileSync(path.resolve(import.meta.dirname, '../../../content/directory/lists.json'), 'utf8'),
    ),
  );
const qualificationIds = lists.qualifications.map((q) => q.id) as [string, ...string[]];
const categoryIds = lists.categories.map((c) => c.id) as [string, ...string[]];

const prefectures = z.array(z.enum(prefectureCodes)).min(1).max(47);

export const presenterBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  kana: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .regex(/^[\p{Script=Katakana}\p{Script=Hiragana}ー\s・]+$/u, { message: 'directory.fields.kana' }),
  prefectures,
  qualifications: z.array(z.enum(qualificationIds)).max(qualificationIds.length),
  qualificationOther: z.string().trim().max(200).optional(),
  affiliation: z.string().trim().max(200).optional(),
  email: z.email().max(254),
  pr: z.string().trim().min(1).max(2000),
});

export const presenterQuery = z.object({
  prefecture: z.enum(prefectureCodes).optional(),
  qualification: z.enum(qualificationIds).optional(),
  q: z.string().trim().max(100).optional(),
});

export const seminarBody = z.strictObject({
  requesterName: z.string().trim().min(1).max(100),
  requesterEmail: z.email().max(254),
  requesterOrg: z.string().trim().min(1).max(200),
  prefecture: z.enum(prefectureCodes),
  preferredDates: z.string().trim().min(1).max(500),
  audience: z.string().trim().min(1).max(200),
  message: z.string().trim().min(1).max(2000),
});

export const replyBody = z.strictObject({
  status: z.enum(['accepted', 'declined']),
  reply: z.string().trim().min(1).max(2000),
});
export const reviewBody = z.strictObject({
  decision: z.enum(['approved', 'rejected']),
  note: z.string().trim().max(1000).optional(),
});

export const listingBody = z.strictObject({
  categories: z.array(z.enum(categoryIds)).min(1).max(categoryIds.length),
  prefectures,
  industries: z.array(z.enum(industryCodes)).max(20),
  description: z.string().trim().min(1).max(2000),
  url: z
    .url({ protocol: /^https?$/, message: 'fields.invalid_url' })
    .max(300)
    .nullable()
    .optional(),
  published: z.boolean(),
});

export const directoryQuery = z.object({
  category: z.enum(categoryIds).optional(),
  prefecture: z.enum(prefectureCodes).optional(),
  industry: z.enum(industryCodes).optional(),
  q: z.string().trim().max(100).optional(),
});

export const idParams = z.object({ id: z.string().min(1).max(64) });
export const orgParams = z.object({ orgId: z.string().min(1).max(64) });

export const publicPresenterDto = z.object({
  id: z.string(),
  name: z.string(),
  kana: z.string(),
  prefectures: z.array(z.string()),
  qualifications: z.array(z.object({ id: z.string(), label: z.string() })),
  qualificationOther: z.string().nullable(),
  affiliation: z.string().nullable(),
  pr: z.string(),
});
export const myPresenterDto = publicPresenterDto.extend({
  status: z.string(),
  email: z.string(),
  reviewNote: z.string().nullable(),
});

export const seminarDto = z.object({
  id: z.string(),
  requesterName: z.string(),
  requesterEmail: z.string(),
  requesterOrg: z.string(),
  prefecture: z.string(),
  preferredDates: z.string(),
  audience: z.string(),
  message: z.string(),
  status: z.string(),
  reply: z.string().nullable(),
  createdAt: z.string(),
});

export const listingDto = z.object({
  orgId: z.string(),
  name: z.string(),
  categories: z.array(z.object({ id: z.string(), label: z.string() })),
  prefectures: z.array(z.string()),
  industries: z.array(z.string()),
  description: z.string(),
  url: z.string().nullable(),
  published: z.boolean(),
});

export const listsDto = z.object({
  qualifications: z.array(z.object({ id: z.string(), label: z.string() })),
  categories: z.array(z.object({ id: z.string(), label: z.string() })),
});
