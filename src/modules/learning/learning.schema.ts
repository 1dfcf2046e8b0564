import { z } from 'zod';

export const orgParams = z.object({ orgId: z.string().min(1).max(64) });
export const themeParams = z.object({ id: z.string().regex(/^[a-z-]{2,40}$/) });
export const orgThemeParams = orgParams.extend({ themeId: z.string().regex(/^[a-z-]{2,40}$/) });
export const codeParams = z.object({ code: z.string().regex(/^[A-Za-z0-9-]{6,20}$/) });
export const orgCodeParams = orgParams.extend({ code: z.string().regex(/^[A-Za-z0-9-]{6,20}$/) });

export const attemptBody = z.strictObject({ answers: z.record(z.string().max(8), z.string().max(4)) });

export const themeSummaryDto = z.object({
  id: z.string(),
  item: z.number(),
  title: z.string(),
  summary: z.string(),
  minutes: z.number(),
  questions: z.number(),
});

export const themeDetailDto = z.object({
  id: z.string(),
  item: z.number(),
  title: z.string(),
  summary: z.string(),
  minutes: z.number(),
  scenarioHtml: z.string(),
  whatWentWrongHtml: z.string(),
  keyPoints: z.array(z.string()),
  questions: z.array(
    z.object({
      id: z.string(),
      text: z.string(),
      choices: z.array(z.object({ id: z.string(), text: z.string() })),
    }),
  ),
});

const certDto = z.object({ code: z.string(), course: z.string(), issuedAt: z.string() });

export const progressDto = z.object({
  themes: z.array(
    themeSummaryDto.extend({
      recommended: z.boolean(),
      completedAt: z.string().nullable(),
      lastAttemptAt: z.string().nullable(),
      attempts: z.number(),
    }),
  ),
  completed: z.number(),
  total: z.number(),
  courses: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      description: z.string(),
      themes: z.array(z.string()),
      completed: z.number(),
    }),
  ),
  certificates: z.array(certDto),
});

export const attemptDto = z.object({
  passed: z.boolean(),
  correct: z.number(),
  total: z.number(),
  results: z.array(
    z.object({
      id: z.string(),
      chosen: z.string(),
      correct: z.boolean(),
      answer: z.string(),
      explanation: z.string(),
    }),
  ),
  newCertificates: z.array(certDto),
});

const cell = z.object({ completedAt: z.string().nullable(), lastAttemptAt: z.string().nullable() });
export const matrixDto = z.object({
  members: z.array(
    z.object({
      userId: z.string(),
      name: z.string(),
      email: z.string(),
      role: z.string(),
      completed: z.number(),
      started: z.boolean(),
    }),
  ),
  themes: z.array(z.object({ id: z.string(), item: z.number(), title: z.string() })),
  cells: z.record(z.string(), z.record(z.string(), cell)),
});

export const publicCertificateDto = z.object({
  code: z.string(),
  name: z.string(),
  orgName: z.string(),
  course: z.string(),
  courseTitle: z.string(),
  issuedAt: z.string(),
});

export const statsDto = z.object({
  attempts: z.number(),
  themes: z.array(z.object({ id: z.string(), title: z.string(), completions: z.number() })),
  mostMissed: z.array(
    z.object({
      themeId: z.string(),
      themeTitle: z.string(),
      questionId: z.string(),
      question: z.string(),
      wrong: z.number(),
    }),
  ),
});
