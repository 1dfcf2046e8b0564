import { randomUUID } from 'node:crypto';
import { AppError, ruleError } from '../../kernel/http/errors.ts';
import { type Lang, normalizeLang } from '../../kernel/i18n/index.ts';
import { renderActionMail } from '../../kernel/mail/templates.ts';
import type { ModuleContext } from '../../kernel/module.ts';
import { getOrgProfile, listOrgMembers } from '../orgs/index.ts';
import { PEER_MINIMUM } from './diagnosis.access.ts';
import { type Answer, type Bank, latestVersion, loadBanks } from './diagnosis.bank.ts';
import * as repo from './diagnosis.repo.ts';
import { type Answers, score } from './diagnosis.score.ts';

const banks = loadBanks();
const currentVersion = latestVersion(banks);

export function currentBank(): Bank {
  return banks.get(currentVersion) as Bank;
}

function bankFor(version: string): Bank {
  return banks.get(version) ?? currentBank();
}

const itemIndex = new WeakMap<Bank, Map<number, Bank['parts'][number]['items'][number]>>();

function itemsOf(bank: Bank) {
  let index = itemIndex.get(bank);
  if (!index) {
    index = new Map(bank.parts.flatMap((p) => p.items).map((i) => [i.no, i]));
    itemIndex.set(bank, index);
  }
  return index;
}

export function questions(lang: Lang) {
  const bank = currentBank();
  return {
    version: bank.version,
    choices: bank.choices.map((c) => ({ value: c.value, points: c.points, label: c.label[lang] })),
    bands: bank.bands.map((b) => ({
      id: b.id,
      min: b.min,
      max: b.max,
      title: b.title[lang],
      meaning: b.meaning[lang],
      next: b.next[lang],
    })),
    parts: bank.parts.map((p) => ({
      id: p.id,
      title: p.title[lang],
      description: p.description[lang],
      items: p.items.map((i) => ({
        no: i.no,
        topic: i.topic[lang],
        text: i.text[lang],
        help: i.help[lang],
        learningTheme: i.learningTheme,
      })),
    })),
  };
}

/** The result as people read it: band meaning, part titles, advice for every weak item. */
export function presentScore(bank: Bank, answers: Answers, lang: Lang) {
  const s = score(bank, answers);
  const band = bank.bands.find((b) => b.id === s.band) ?? (bank.bands.at(-1) as Bank['bands'][number]);
  const items = itemsOf(bank);
  return {
    total: s.total,
    max: s.max,
    band: s.band,
    bandInfo: { title: band.title[lang], meaning: band.meaning[lang], next: band.next[lang] },
    parts: s.parts.map((p, i) => ({ ...p, title: bank.parts[i]?.title[lang] ?? p.id })),
    weakItems: s.weak.map((w) => {
      const item = items.get(w.no) as NonNullable<ReturnType<typeof items.get>>;
      return {
        no: w.no,
        answer: w.answer,
        topic: item.topic[lang],
        advice: item.risk[lang],
        actions: item.actions[lang],
        learningTheme: item.learningTheme,
      };
    }),
  };
}

export function scoreAnswers(answers: Answers, lang: Lang) {
  return presentScore(currentBank(), answers, lang);
}

// The anonymous score is the busiest route: its answer is assembled from JSON fragments
// serialised once per (language, item, answer) instead of stringifying ~5 kB per request.
const fragments = new Map<string, string>();
const fragment = (key: string, make: () => unknown) => {
  let f = fragments.get(key);
  if (f === undefined) {
    f = JSON.stringify(make());
    fragments.set(key, f);
  }
  return f;
};

/** The same document as `scoreAnswers`, already serialised. */
export function scoreAnswersJson(answers: Answers, lang: Lang): string {
  const bank = currentBank();
  const s = score(bank, answers);
  const items = itemsOf(bank);
  const band = fragment(`${bank.version}|${lang}|band|${s.band}`, () => {
    const b = bank.bands.find((x) => x.id === s.band) ?? (bank.bands.at(-1) as Bank['bands'][number]);
    return { title: b.title[lang], meaning: b.meaning[lang], next: b.next[lang] };
  });
  const parts = s.parts.map((p, i) => ({ ...p, title: bank.parts[i]?.title[lang] ?? p.id }));
  const weak = s.weak.map((w) =>
    fragment(`${bank.version}|${lang}|${w.no}|${w.answer}`, () => {
      const item = items.get(w.no) as NonNullable<ReturnType<typeof items.get>>;
      return {
        no: w.no,
        answer: w.answer,
        topic: item.topic[lang],
        advice: item.risk[lang],
        actions: item.actions[lang],
        learningTheme: item.learningTheme,
      };
    }),
  );
  return `{"total":${s.total},"max":${s.max},"band":"${s.band}","bandInfo":${band},"parts":${JSON.stringify(parts)},"weakItems":[${weak.join(',')}]}`;
}

const presentSaved = (row: repo.DiagnosisRow) => ({
  id: row.id,
  total: row.total,
  band: row.band as ReturnType<typeof score>['band'],
  parts: row.parts as ReturnType<typeof score>['parts'],
  createdAt: row.createdAt.toISOString(),
});

export async function saveDiagnosis(ctx: ModuleContext, orgId: string, userId: string, answers: Answers) {
  const profile = await getOrgProfile(ctx, orgId);
  const bank = currentBank();
  const s = score(bank, answers);
  const row = await repo.insertDiagnosis(ctx.db, {
    id: randomUUID(),
    orgId,
    createdBy: userId,
    bankVersion: bank.version,
    answers,
    total: s.total,
    band: s.band,
    parts: s.parts,
    industry: profile.industry,
    employees: profile.employees,
  });
  return presentSaved(row);
}

export async function listDiagnoses(ctx: ModuleContext, orgId: string) {
  const [rows, members] = await Promise.all([repo.listDiagnoses(ctx.db, orgId), listOrgMembers(ctx, orgId)]);
  const names = new Map(members.map((m) => [m.userId, m.name]));
  return rows.map((r) => ({
    ...presentSaved(r),
    bankVersion: r.bankVersion,
    createdByName: (r.createdBy && names.get(r.createdBy)) ?? null,
  }));
}

async function mustFind(ctx: ModuleContext, orgId: string, id: string) {
  const row = await repo.findDiagnosis(ctx.db, orgId, id);
  if (!row) throw new AppError('not_found');
  return row;
}

export async function getDiagnosis(ctx: ModuleContext, orgId: string, id: string, lang: Lang) {
  const row = await mustFind(ctx, orgId, id);
  const answers = row.answers as Answers;
  return {
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    bankVersion: row.bankVersion,
    answers,
    ...presentScore(bankFor(row.bankVersion), answers, lang),
  };
}

/** Share of `hist` strictly below `total`, plus half of the ties (mid-rank percentile). */
export function percentileOf(hist: number[], total: number, n: number): number {
  const idx = total - repo.MIN_TOTAL;
  const below = hist.slice(0, idx).reduce((a, b) => a + b, 0);
  return Math.round(((below + (hist[idx] ?? 0) / 2) / n) * 100);
}

export async function comparison(ctx: ModuleContext, orgId: string, id: string) {
  const row = await mustFind(ctx, orgId, id);
  const prev = await repo.findPrevious(ctx.db, orgId, row.createdAt);
  const previous = prev
    ? {
        id: prev.id,
        total: prev.total,
        delta: row.total - prev.total,
        createdAt: prev.createdAt.toISOString(),
        changedItems: Object.keys(row.answers)
          .map(Number)
          .sort((a, b) => a - b)
          .filter((no) => prev.answers[String(no)] !== row.answers[String(no)])
          .map((no) => ({
            no,
            from: prev.answers[String(no)] as Answer,
            to: row.answers[String(no)] as Answer,
          })),
      }
    : null;

  const [stats, latest] = await Promise.all([
    repo.findGroupStats(ctx.db, row.industry, row.employees),
    repo.findLatest(ctx.db, orgId),
  ]);
  // The organisation is compared with the others: take its own latest result out.
  const hist = [...(stats?.hist ?? Array(repo.HIST_SIZE).fill(0))];
  let n = stats?.count ?? 0;
  let sum = stats?.sumTotal ?? 0;
  if (latest && latest.industry === row.industry && latest.employees === row.employees) {
    const i = latest.total - repo.MIN_TOTAL;
    hist[i] = (hist[i] ?? 0) - 1;
    n -= 1;
    sum -= latest.total;
  }
  const peers =
    n >= PEER_MINIMUM
      ? {
          industry: row.industry,
          employees: row.employees,
          count: n,
          average: Math.round((sum / n) * 10) / 10,
          percentile: percentileOf(hist, row.total, n),
        }
      : null;
  return { previous, peers, peerCount: Math.max(n, 0), peerMinimum: PEER_MINIMUM };
}

export async function operatorStats(ctx: ModuleContext, lang: Lang) {
  const s = await repo.operatorStats(ctx.db);
  const items = itemsOf(currentBank());
  return {
    diagnoses: s.diagnoses,
    organizations: s.byIndustry.reduce((a, b) => a + b.orgs, 0),
    byIndustry: s.byIndustry.map((r) => ({ ...r, average: Number(r.average) })),
    byBand: s.byBand,
    weakItems: s.weakItems.map((w) => ({ ...w, topic: items.get(w.no)?.topic[lang] ?? String(w.no) })),
  };
}

// ---- improvement plan -------------------------------------------------------

const todayIn = (now: Date) => now.toLocaleDateString('sv-SE', { timeZone: 'Asia/Tokyo' });

function presentTask(t: repo.TaskRow, names: Map<string, string>, now = new Date()) {
  const today = todayIn(now);
  return {
    id: t.id,
    itemNo: t.itemNo,
    title: t.title,
    note: t.note,
    assigneeUserId: t.assigneeUserId,
    assigneeName: (t.assigneeUserId && names.get(t.assigneeUserId)) ?? null,
    dueDate: t.dueDate,
    reviewDate: t.reviewDate,
    status: t.status,
    overdue: t.status === 'open' && !!t.dueDate && t.dueDate < today,
    reviewDue: t.status === 'open' && !!t.reviewDate && t.reviewDate <= today,
    createdAt: t.createdAt.toISOString(),
  };
}

async function memberNames(ctx: ModuleContext, orgId: string) {
  const members = await listOrgMembers(ctx, orgId);
  return { members, names: new Map(members.map((m) => [m.userId, m.name])) };
}

async function notifyAssignee(
  ctx: ModuleContext,
  orgId: string,
  task: repo.TaskRow,
  key: 'mail.task_assigned' | 'mail.task_review',
) {
  if (!task.assigneeUserId) return;
  const [{ members }, profile] = await Promise.all([memberNames(ctx, orgId), getOrgProfile(ctx, orgId)]);
  const who = members.find((m) => m.userId === task.assigneeUserId);
  if (!who) return;
  const lang = normalizeLang(who.locale);
  const url = `${ctx.config.publicUrl}/orgs/${orgId}/diagnosis#task-${task.id}`;
  const topic = itemsOf(currentBank()).get(task.itemNo)?.topic[lang] ?? '';
  await ctx.mailer.send(
    renderActionMail(lang, key, { email: who.email, name: who.name }, url, {
      orgName: profile.name,
      title: task.title,
      topic,
      due: task.dueDate ?? '—',
      review: task.reviewDate ?? '—',
    }),
  );
}

async function assertAssignable(ctx: ModuleContext, orgId: string, userId: string | null | undefined) {
  if (!userId) return;
  const { members } = await memberNames(ctx, orgId);
  if (!members.some((m) => m.userId === userId))
    throw ruleError('diagnosis', 'assignee_not_member', 'validation_failed');
}

export async function listTasks(ctx: ModuleContext, orgId: string) {
  const [rows, { names }] = await Promise.all([repo.listTasks(ctx.db, orgId), memberNames(ctx, orgId)]);
  return rows.map((t) => presentTask(t, names));
}

type TaskInput = {
  itemNo: number;
  title: string;
  note?: string | undefined;
  assigneeUserId?: string | null | undefined;
  dueDate?: string | null | undefined;
  reviewDate?: string | null | undefined;
};

export async function createTask(ctx: ModuleContext, orgId: string, userId: string, input: TaskInput) {
  await assertAssignable(ctx, orgId, input.assigneeUserId);
  const task = await repo.insertTask(ctx.db, {
    id: randomUUID(),
    orgId,
    itemNo: input.itemNo,
    title: input.title,
    note: input.note ?? null,
    assigneeUserId: input.assigneeUserId ?? null,
    dueDate: input.dueDate ?? null,
    reviewDate: input.reviewDate ?? null,
    createdBy: userId,
  });
  await notifyAssignee(ctx, orgId, task, 'mail.task_assigned');
  const { names } = await memberNames(ctx, orgId);
  return presentTask(task, names);
}

export async function updateTask(
  ctx: ModuleContext,
  orgId: string,
  taskId: string,
  patch: Partial<Omit<TaskInput, 'itemNo'>> & { status?: 'open' | 'done' | undefined },
) {
  const before = await repo.findTask(ctx.db, orgId, taskId);
  if (!before) throw new AppError('not_found');
  await assertAssignable(ctx, orgId, patch.assigneeUserId);
  const set: Parameters<typeof repo.updateTask>[3] = {};
  if (patch.title !== undefined) set.title = patch.title;
  if (patch.note !== undefined) set.note = patch.note;
  if (patch.assigneeUserId !== undefined) set.assigneeUserId = patch.assigneeUserId;
  if (patch.dueDate !== undefined) set.dueDate = patch.dueDate;
  if (patch.reviewDate !== undefined) {
    set.reviewDate = patch.reviewDate;
    set.reviewRemindedAt = null; // a new review date earns a new reminder
  }
  if (patch.status !== undefined) set.doneAt = patch.status === 'done' ? new Date() : null;
  if (patch.status !== undefined) set.status = patch.status;
  const task = (await repo.updateTask(ctx.db, orgId, taskId, set)) as repo.TaskRow;
  if (patch.assigneeUserId && patch.assigneeUserId !== before.assigneeUserId) {
    await notifyAssignee(ctx, orgId, task, 'mail.task_assigned');
  }
  const { names } = await memberNames(ctx, orgId);
  return presentTask(task, names);
}

export async function deleteTask(ctx: ModuleContext, orgId: string, taskId: string) {
  if (!(await repo.findTask(ctx.db, orgId, taskId))) throw new AppError('not_found');
  await repo.deleteTask(ctx.db, orgId, taskId);
}

/** Job: mail each assignee whose task's review date has come, once per review date. */
export async function sendReviewReminders(ctx: ModuleContext, now: Date): Promise<number> {
  const due = await repo.dueReviews(ctx.db, todayIn(now));
  for (const task of due) {
    await notifyAssignee(ctx, task.orgId, task, 'mail.task_review');
    await repo.updateTask(ctx.db, task.orgId, task.id, { reviewRemindedAt: now });
  }
  return due.length;
}

/** The latest saved diagnosis of an organisation, for other modules (declaration, supply chain). */
export async function latestDiagnosisSummary(ctx: Pick<ModuleContext, 'db'>, orgId: string) {
  const [row] = await repo.listDiagnoses(ctx.db, orgId, 1);
  return row
    ? {
        id: row.id,
        total: row.total,
        band: row.band,
        createdAt: row.createdAt,
        answers: row.answers as Answers,
      }
    : null;
}
