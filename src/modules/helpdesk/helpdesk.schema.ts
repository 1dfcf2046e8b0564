import { z } from 'zod';
import { advisorySeverities, consultationStatuses } from './helpdesk.tables.ts';

const id = z.string().min(1).max(64);
const page = z.coerce.number().int().min(1).max(10_000).default(1);
const flag = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1')
  .optional();

export const priorityEnum = z.enum(['critical', 'high', 'normal', 'low']);
export const statusEnum = z.enum(consultationStatuses);
export const severityEnum = z.enum(advisorySeverities);

export const orgParams = z.object({ orgId: id });
export const consultationParams = orgParams.extend({ id });
export const attachmentParams = consultationParams.extend({ attachmentId: id });
export const adminConsultationParams = z.object({ id });
export const adminAttachmentParams = z.object({ id, attachmentId: id });
export const advisoryParams = orgParams.extend({ id });

export const listQuery = z.object({
  status: z.union([statusEnum, z.literal('active')]).optional(),
  priority: priorityEnum.optional(),
  overdue: flag,
  page,
});
export const queueQuery = listQuery.extend({ customer: id.optional() });
export const adminQueueQuery = listQuery.extend({
  org: id.optional(),
  /** `operator`: only what the operator answers (SMEs without a provider); default all. */
  servedBy: z.enum(['operator', 'provider']).optional(),
});

const text = (max: number) => z.string().trim().min(1).max(max);

export const createBody = z.strictObject({
  category: z.string().min(1).max(40),
  priority: priorityEnum,
  subject: text(120),
  description: text(8000),
});

export const replyBody = z.strictObject({
  body: text(8000),
  /** The desk chooses where the reply leaves the consultation; the customer's reply always hands it back. */
  status: z.enum(['answered', 'waiting_customer', 'resolved']).optional(),
});

export const attachmentQuery = z.object({ name: z.string().trim().min(1).max(200) });

export const advisoryBody = z.strictObject({
  title: text(200),
  severity: severityEnum,
  affected: text(2000),
  actions: text(10_000),
});

export const advisoriesQuery = z.object({ severity: severityEnum.optional(), page });

export const forwardBody = z.union([
  z.strictObject({ to: z.literal('all'), note: z.string().trim().max(1000).optional() }),
  z.strictObject({
    to: z.literal('members'),
    userIds: z.array(id).min(1).max(500),
    note: z.string().trim().max(1000).optional(),
  }),
]);

// ---- responses ----

const clock = z.object({
  targetMinutes: z.number(),
  dueAt: z.string().nullable(),
  metAt: z.string().nullable(),
  state: z.enum(['running', 'paused', 'overdue', 'met', 'breached']),
});

export const consultationSummaryDto = z.object({
  id: z.string(),
  ref: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  servedBy: z.enum(['provider', 'operator']),
  category: z.string(),
  categoryTitle: z.string(),
  priority: priorityEnum,
  subject: z.string(),
  status: statusEnum,
  openedBy: z.string(),
  createdAt: z.string(),
  lastMessageAt: z.string(),
  overdue: z.boolean(),
  firstResponse: clock,
  resolution: clock,
});

export const consultationListDto = z.object({
  items: z.array(consultationSummaryDto),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export const messageDto = z.object({
  id: z.string(),
  side: z.enum(['customer', 'desk']),
  authorName: z.string(),
  body: z.string(),
  status: statusEnum.nullable(),
  createdAt: z.string(),
});

export const attachmentDto = z.object({
  id: z.string(),
  name: z.string(),
  contentType: z.string(),
  size: z.number(),
  side: z.enum(['customer', 'desk']),
  createdAt: z.string(),
});

export const consultationDetailDto = consultationSummaryDto.extend({
  description: z.string(),
  messages: z.array(messageDto),
  attachments: z.array(attachmentDto),
  /** What the viewer is in this thread, and what they may do now. */
  viewer: z.object({
    side: z.enum(['customer', 'desk']),
    canReply: z.boolean(),
    canClose: z.boolean(),
    canAttach: z.boolean(),
  }),
});

export const helpdeskInfoDto = z.object({
  categories: z.array(z.object({ id: z.string(), title: z.string(), hint: z.string() })),
  priorities: z.array(
    z.object({
      id: priorityEnum,
      allDay: z.boolean(),
      firstResponseMinutes: z.number(),
      resolutionMinutes: z.number(),
    }),
  ),
  businessHours: z.object({ days: z.array(z.number()), start: z.string(), end: z.string() }),
  attachments: z.object({ maxBytes: z.number(), types: z.array(z.string()), maxPerConsultation: z.number() }),
});

export const advisoryDto = z.object({
  id: z.string(),
  title: z.string(),
  severity: severityEnum,
  affected: z.string(),
  actions: z.string(),
  actionsHtml: z.string(),
  source: z.enum(['operator', 'provider']),
  sourceName: z.string().nullable(),
  publishedAt: z.string(),
});

export const advisoryListDto = z.object({
  items: z.array(advisoryDto.omit({ actions: true, actionsHtml: true })),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export const advisoryDetailDto = advisoryDto.extend({
  forwards: z.object({ count: z.number(), lastAt: z.string().nullable() }).nullable(),
  canForward: z.boolean(),
});

export const forwardResultDto = z.object({ id: z.string(), sent: z.number() });
