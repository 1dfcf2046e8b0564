import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { describeRule } from '../monitoring/index.ts';

/** The advice the report gives from the month's events: content/reports/advice.yaml, checked at start. */
const text = z.object({ ja: z.string().min(1), en: z.string().min(1) });

export const adviceSchema = z.object({
  signals: z
    .array(
      z.object({
        id: z.string().regex(/^[a-z0-9-]+$/),
        when: z
          .object({
            rules: z.array(z.string().min(1)).optional(),
            authFailures: z.number().int().min(1).optional(),
            blockedCategories: z.array(z.string().min(1)).optional(),
          })
          .refine((w) => w.rules || w.authFailures || w.blockedCategories, {
            message: 'a signal needs at least one condition',
          }),
        items: z.array(z.number().int().min(1).max(25)).min(1),
        title: text,
        text,
      }),
    )
    .min(1),
});
export type Advice = z.infer<typeof adviceSchema>;
export type Signal = Advice['signals'][number];

export const adviceFile = path.resolve(import.meta.dirname, '../../../content/reports/advice.yaml');

export function loadAdvice(file = adviceFile): Advice {
  const parsed = adviceSchema.safeParse(parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    throw new Error(`content/reports/${path.basename(file)} is invalid:\n${z.prettifyError(parsed.error)}`);
  }
  const ids = parsed.data.signals.map((s) => s.id);
  const dup = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dup) throw new Error(`content/reports/${path.basename(file)}: duplicate signal id ${dup}`);
  for (const signal of parsed.data.signals) {
    const unknown = (signal.when.rules ?? []).find((id) => !describeRule(id, 'ja'));
    if (unknown)
      throw new Error(`content/reports/${path.basename(file)} (${signal.id}): no detection rule ${unknown}`);
  }
  return parsed.data;
}

export const advice = loadAdvice();
