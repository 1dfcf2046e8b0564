import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

/** The owner's corner texts are content (content/owners), checked when the module loads. */
const text = z.object({ ja: z.string().min(1), en: z.string().min(1) });
const list = z
  .object({ ja: z.array(z.string().min(1)).min(1).max(5), en: z.array(z.string().min(1)).min(1).max(5) })
  .refine((l) => l.ja.length === l.en.length, { message: 'ja and en lists differ in length' });

/** An in-app path; `:orgId` stands for the organisation the owner is working on. */
const appPath = z.string().regex(/^\/[a-zA-Z0-9\-/:]*$/, 'a path such as /orgs/:orgId/policies');

const cornerSchema = z
  .object({
    version: z.string().min(1),
    principles: z.array(z.object({ no: z.number().int().min(1).max(3), title: text, body: text })).length(3),
    actions: z
      .array(
        z.object({
          no: z.number().int().min(1).max(7),
          principle: z.number().int().min(1).max(3),
          /** How long until the next review, suggested when an action is marked done. */
          reviewMonths: z.number().int().min(1).max(24),
          title: text,
          why: text,
          steps: list,
          links: z
            .array(z.object({ path: appPath, label: text }))
            .min(1)
            .max(3),
        }),
      )
      .length(7),
  })
  .refine((c) => c.principles.every((p, i) => p.no === i + 1), {
    message: 'principles must be numbered 1–3 in order',
  })
  .refine((c) => c.actions.every((a, i) => a.no === i + 1), {
    message: 'actions must be numbered 1–7 in order',
  });

const whySchema = z.object({
  version: z.string().min(1),
  minutes: z.number().int().min(1).max(10),
  title: text,
  lead: text,
  reasons: z.object({
    title: text,
    items: z.array(z.object({ title: text, body: text })).length(3),
  }),
  pitfalls: z.object({
    title: text,
    items: z
      .array(
        z.object({
          title: text,
          body: text,
          fix: text,
          actions: z.array(z.number().int().min(1).max(7)).min(1),
        }),
      )
      .length(3),
  }),
  closing: text,
});

export type Corner = z.infer<typeof cornerSchema>;
export type Why = z.infer<typeof whySchema>;
export type ActionContent = Corner['actions'][number];

export const contentDir = path.resolve(import.meta.dirname, '../../../content/owners');

function loadFile<T>(dir: string, file: string, schema: z.ZodType<T>): T {
  const full = path.join(dir, file);
  let raw: unknown;
  try {
    raw = parse(readFileSync(full, 'utf8'));
  } catch (err) {
    throw new Error(`content/owners/${file} cannot be read: ${(err as Error).message}`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success)
    throw new Error(`content/owners/${file} is invalid:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

export interface OwnersContent {
  corner: Corner;
  why: Why;
}

export function loadContent(dir = contentDir): OwnersContent {
  return { corner: loadFile(dir, 'corner.yaml', cornerSchema), why: loadFile(dir, 'why.yaml', whySchema) };
}
