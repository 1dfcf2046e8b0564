import { z } from 'zod';
import { answerSchema, bandIds, partIds } from './diagnosis.bank.ts';

const itemNos = Array.from({ length: 25 }, (_, i) => String(i + 1));

const answer = z.enum(answerSchema.options, {
  error: (iss) =>
    iss.input === undefined ? 'diagnosis.fields.missing_answer' : 'diagnosis.fields.bad_answer',
});

/** All 25 answers, keyed "1".."25"; a missing, unknown or extra item is named in the 400. */
export const answersBody = z.strictObject({
  answers: z.strictObject(
    Object.fromEntries(itemNos.map((no) => [no, answer])) as Record<string, typeof answer>,
    {
      error: (iss) => (iss.code === 'unrecognized_keys' ? 'diagnosis.fields.unknown_items' : undefined),
    },
  ),
});
export type AnswersBody = z.infer<typeof answersBody>;

const localized = z.string();
const partScore = z.object({ id: z.enum(partIds), score: z.number(), max: z.number() });

export const questionsDto = z.object({
  version: z.string(),
  choices: z.array(z.object({ value: answerSchema, points: z.number(), label: localized })),
  bands: z.array(
    z.object({
      id: z.enum(bandIds),
      min: z.number(),
      max: z.number(),
      title: localized,
      meaning: localized,
      next: localized,
    }),
  ),
  parts: z.array(
    z.object({
      id: z.enum(partIds),
      title: localized,
      description: localized,
      items: z.array(
        z.object({
          no: z.number(),
          topic: localized,
          text: localized,
          help: localized,
          learningTheme: z.string(),
        }),
      ),
    }),
  ),
});

export const weakItemDto = z.object({
  no: z.number(),
  answer: answerSchema,
  topic: z.string(),
  advice: z.string(),
  actions: z.array(z.string()),
  learningTheme: z.string(),
});

export const scoreDto = z.object({
  total: z.number(),
  max: z.number(),
  band: z.enum(bandIds),
  bandInfo: z.object({ title: z.string(), meaning: z.string(), next: z.string() }),
  parts: z.array(partScore.extend({ title: z.string() })),
  weakItems: z.array(weakItemDto),
});

export const savedDto = z.object({
  id: z.string(),
  total: z.number(),
  band: z.enum(bandIds),
  parts: z.array(partScore),
  createdAt: z.iso.datetime(),
});

export const diagnosisListDto = z.object({
  items: z.array(savedDto.extend({ bankVersion: z.string(), createdByName: z.string().nullable() })),
});

export const diagnosisDetailDto = scoreDto.extend({
  id: z.string(),
  createdAt: z.iso.datetime(),
  bankVersion: z.string(),
  answers: z.record(z.string(), answerSchema),
});

export const comparisonDto = z.object({
  previous: z
    .object({
      id: z.string(),
      total: z.number(),
      delta: z.number(),
      createdAt: z.iso.datetime(),
      changedItems: z.array(z.object({ no: z.number(), from: answerSchema, to: answerSchema })),
    })
    .nullable(),
  peers: z
    .object({
      industry: z.string(),
      employees: z.string(),
      count: z.number(),
      average: z.number(),
      percentile: z.number(),
    })
    .nullable(),
  /** How many other organisations share the group when `peers` is null (fewer than the minimum). */
  peerCount: z.number(),
  peerMinimum: z.number(),
});

export const orgParams = z.object({ orgId: z.string().min(1).max(64) });
export const diagnosisParams = orgParams.extend({ id: z.string().min(1).max(64) });
export const taskParams = orgParams.extend({ taskId: z.string().min(1).max(64) });

const isoDate = z.iso.date({ message: 'fields.invalid_date' });

export const createTaskBody = z.strictObject({
  itemNo: z.number().int().min(1).max(25),
  title: z.string().trim().min(1).max(200),
  note: z.string().trim().max(2000).optional(),
  assigneeUserId: z.string().min(1).max(64).nullable().optional(),
  dueDate: isoDate.nullable().optional(),
  reviewDate: isoDate.nullable().optional(),
});
export const updateTaskBody = createTaskBody
  .omit({ itemNo: true })
  .partial()
  .extend({
    status: z.enum(['open', 'done']).optional(),
  });

export const taskDto = z.object({
  id: z.string(),
  itemNo: z.number(),
  title: z.string(),
  note: z.string().nullable(),
  assigneeUserId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  dueDate: z.string().nullable(),
  reviewDate: z.string().nullable(),
  status: z.enum(['open', 'done']),
  overdue: z.boolean(),
  reviewDue: z.boolean(),
  createdAt: z.iso.datetime(),
});

export const statsDto = z.object({
  diagnoses: z.number(),
  organizations: z.number(),
  byIndustry: z.array(z.object({ industry: z.string(), orgs: z.number(), average: z.number() })),
  byBand: z.array(z.object({ band: z.string(), orgs: z.number() })),
  weakItems: z.array(z.object({ no: z.number(), topic: z.string(), weak: z.number() })),
});
