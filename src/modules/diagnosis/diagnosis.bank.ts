import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** The item bank is data (content/diagnosis/*.json), checked when the module loads. */
const text = z.object({ ja: z.string().min(1), en: z.string().min(1) });
const answerValues = ['yes', 'partial', 'no', 'unknown'] as const;
export type Answer = (typeof answerValues)[number];
export const answerSchema = z.enum(answerValues);
export const partIds = ['basic', 'employee', 'organization'] as const;
export type PartId = (typeof partIds)[number];
export const bandIds = ['complete', 'mostly', 'insufficient', 'urgent'] as const;
export type BandId = (typeof bandIds)[number];

const itemSchema = z.object({
  no: z.number().int().min(1).max(25),
  topic: text,
  text,
  help: text,
  risk: text,
  actions: z.object({
    ja: z.array(z.string().min(1)).min(2).max(3),
    en: z.array(z.string().min(1)).min(2).max(3),
  }),
  learningTheme: z.string().regex(/^[a-z-]+$/),
});

export const bankSchema = z
  .object({
    version: z.string().min(1),
    choices: z.array(z.object({ value: answerSchema, points: z.number().int(), label: text })).length(4),
    bands: z
      .array(
        z.object({
          id: z.enum(bandIds),
          min: z.number().int(),
          max: z.number().int(),
          title: text,
          meaning: text,
          next: text,
        }),
      )
      .length(4),
    parts: z
      .array(
        z.object({ id: z.enum(partIds), title: text, description: text, items: z.array(itemSchema).min(1) }),
      )
      .length(3),
  })
  .superRefine((bank, ctx) => {
    const nos = bank.parts.flatMap((p) => p.items.map((i) => i.no));
    if (nos.join(',') !== Array.from({ length: 25 }, (_, i) => i + 1).join(',')) {
      ctx.addIssue({ code: 'custom', message: 'items must be numbered 1..25 in order across the parts' });
    }
    const themes = bank.parts.flatMap((p) => p.items.map((i) => i.learningTheme));
    if (new Set(themes).size !== themes.length)
      ctx.addIssue({ code: 'custom', message: 'learning themes must be unique' });
  });

export type Bank = z.infer<typeof bankSchema>;
export type BankItem = Bank['parts'][number]['items'][number];

export const contentDir = path.resolve(import.meta.dirname, '../../../content/diagnosis');

export function loadBanks(dir = contentDir): Map<string, Bank> {
  const banks = new Map<string, Bank>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const parsed = bankSchema.safeParse(JSON.parse(readFileSync(path.join(dir, file), 'utf8')));
    if (!parsed.success) {
      throw new Error(`content/diagnosis/${file} is invalid:\n${z.prettifyError(parsed.error)}`);
    }
    banks.set(parsed.data.version, parsed.data);
  }
  if (banks.size === 0) throw new Error(`no diagnosis item bank in ${dir}`);
  return banks;
}

/** The newest bank answers new diagnoses; older ones still display stored results. */
export function latestVersion(banks: Map<string, Bank>): string {
  return [...banks.keys()].sort().at(-1) as string;
}
