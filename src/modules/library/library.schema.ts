import { z } from 'zod';
import { slug } from './library.content.ts';

export { entryInput, videoInput } from './library.catalog.ts';

const id = z.string().regex(/^[a-z0-9-]{1,80}$/);
const page = z.coerce.number().int().min(1).max(1000).default(1);
const q = z.string().trim().max(100).optional();

export const orgParams = z.object({ orgId: z.string().min(1).max(64) });
export const entryParams = z.object({ id });
export const orgVideoParams = orgParams.extend({ videoId: id });
export const adminItemParams = z.object({ id: slug });

export const entryQuery = z.object({
  q,
  category: id.optional(),
  tag: id.optional(),
  audience: id.optional(),
  page,
});
export const videoQuery = z.object({ q, topic: id.optional(), viewer: id.optional(), page });
export const adminQuery = z.object({ q, page });
export const practiceQuery = z.object({
  topic: id.optional(),
  count: z.coerce.number().int().min(1).max(30).default(5),
});
export const practiceBody = z.strictObject({
  answers: z
    .record(z.string().max(8), z.string().max(4))
    .refine((a) => Object.keys(a).length >= 1, { message: 'library.fields.bad_choice' })
    .refine((a) => Object.keys(a).length <= 30, { message: 'fields.invalid' }),
});
export const hiddenBody = z.strictObject({ hidden: z.boolean() });
export const unsubscribeQuery = z.object({
  token: z.string().max(300).default(''),
  lang: z.enum(['ja', 'en']).optional(),
});

const labelled = z.object({ id: z.string(), label: z.string() });
const bilingual = z.object({ ja: z.string(), en: z.string() });

export const taxonomyDto = z.object({
  categories: z.array(labelled.extend({ description: z.string(), count: z.number() })),
  tags: z.array(labelled.extend({ count: z.number() })),
  audiences: z.array(labelled),
  topics: z.array(labelled.extend({ count: z.number() })),
  viewers: z.array(labelled),
  practiceTopics: z.array(labelled.extend({ count: z.number() })),
});

export const entrySummaryDto = z.object({
  id: z.string(),
  category: labelled,
  audiences: z.array(labelled),
  tags: z.array(labelled),
  title: z.string(),
  summary: z.string(),
  addedAt: z.string(),
});

const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number(), page: z.number(), pageSize: z.number() });

export const entryListDto = pageOf(entrySummaryDto);
export const entryDetailDto = entrySummaryDto.extend({
  bodyHtml: z.string(),
  links: z.array(z.object({ label: z.string(), url: z.string() })),
  related: z.array(entrySummaryDto),
});

export const videoDto = z.object({
  id: z.string(),
  title: z.string(),
  publisher: z.string(),
  minutes: z.number(),
  topic: labelled,
  viewers: z.array(labelled),
  training: z.enum(['free', 'check']),
  url: z.string(),
  description: z.string(),
  addedAt: z.string(),
});
export const videoListDto = pageOf(videoDto);

export const watchedDto = z.object({
  items: z.array(z.object({ videoId: z.string(), watchedAt: z.string() })),
});

export const practiceSetDto = z.object({
  total: z.number(),
  questions: z.array(
    z.object({
      id: z.string(),
      topic: labelled,
      text: z.string(),
      choices: z.array(z.object({ id: z.string(), text: z.string() })),
    }),
  ),
});
export const practiceResultDto = z.object({
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
});

export const newsletterDto = z.object({
  subscribed: z.boolean(),
  elsewhere: z.boolean(),
  since: z.string().nullable(),
});

const adminMeta = {
  id: z.string(),
  source: z.enum(['content', 'edited', 'operator']),
  hidden: z.boolean(),
  addedAt: z.string(),
};
export const adminEntryDto = z.object({
  ...adminMeta,
  data: z.object({
    category: z.string(),
    audiences: z.array(z.string()),
    tags: z.array(z.string()),
    keywords: z.array(z.string()),
    title: bilingual,
    summary: bilingual,
    body: bilingual,
    links: z.array(z.object({ label: bilingual, url: z.string() })),
  }),
});
export const adminVideoDto = z.object({
  ...adminMeta,
  data: z.object({
    title: bilingual,
    publisher: bilingual,
    minutes: z.number(),
    topic: z.string(),
    viewers: z.array(z.string()),
    training: z.enum(['free', 'check']),
    url: z.string(),
    description: bilingual,
  }),
});
export const adminEntryListDto = pageOf(adminEntryDto);
export const adminVideoListDto = pageOf(adminVideoDto);
