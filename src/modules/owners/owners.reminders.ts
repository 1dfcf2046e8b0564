import { type Lang, t } from '../../kernel/i18n/index.ts';
import { renderActionMail } from '../../kernel/mail/templates.ts';
import type { DigestRequest, DigestSection, ModuleContext } from '../../kernel/module.ts';
import { getOrgProfile, listOrgMembers, orgManagers } from '../orgs/index.ts';
import * as repo from './owners.repo.ts';
import { actionContent, listActions, todayIn } from './owners.service.ts';

/** A calendar date (YYYY-MM-DD) as people write it, e.g. 2026年11月30日. */
export function formatDay(day: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'ja' ? 'ja-JP' : 'en-GB', {
    dateStyle: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${day}T00:00:00Z`));
}

const cornerUrl = (ctx: ModuleContext, orgId: string, no?: number) =>
  `${ctx.config.publicUrl}/orgs/${orgId}/owners${no ? `#action-${no}` : ''}`;

type Member = Awaited<ReturnType<typeof listOrgMembers>>[number];

/** The responsible member while they belong to the organisation; otherwise whoever manages it. */
async function recipients(
  ctx: ModuleContext,
  orgId: string,
  responsibleUserId: string | null,
): Promise<Member[]> {
  if (responsibleUserId) {
    const who = (await listOrgMembers(ctx, orgId)).find((m) => m.userId === responsibleUserId);
    if (who) return [who];
  }
  return orgManagers(ctx, orgId);
}

async function mailAbout(
  ctx: ModuleContext,
  orgId: string,
  no: number,
  to: Member[],
  key: string,
  reviewDate?: string,
) {
  const profile = await getOrgProfile(ctx, orgId);
  const a = actionContent(no);
  for (const m of to) {
    await ctx.mailer.send(
      renderActionMail(m.locale, key, { email: m.email, name: m.name }, cornerUrl(ctx, orgId, no), {
        orgName: profile.name,
        no,
        title: a.title[m.locale],
        date: reviewDate ? formatDay(reviewDate, m.locale) : '',
      }),
    );
  }
}

/** Tells a member they were made responsible for an action (not when they chose themselves). */
export async function notifyResponsible(ctx: ModuleContext, orgId: string, no: number, userId: string) {
  const who = (await listOrgMembers(ctx, orgId)).find((m) => m.userId === userId);
  if (who) await mailAbout(ctx, orgId, no, [who], 'owners.mail.assigned');
}

/**
 * Job `owners.review-reminders`: on an action's review date, mail its responsible
 * member (or the organisation's owners when nobody is), once per review date.
 */
export async function sendReviewReminders(ctx: ModuleContext, now: Date): Promise<number> {
  const due = await repo.dueReminders(ctx.db, todayIn(now));
  for (const row of due) {
    const reviewDate = row.reviewDate as string;
    await mailAbout(
      ctx,
      row.orgId,
      row.actionNo,
      await recipients(ctx, row.orgId, row.responsibleUserId),
      'owners.mail.review',
      reviewDate,
    );
    await repo.markReminded(ctx.db, row.orgId, row.actionNo, reviewDate);
  }
  return due.length;
}

/**
 * The member's part of the weekly digest: their actions whose review falls in the coming
 * week (overdue ones included), so the Monday mail says what to look at this week. Actions
 * nobody is responsible for go to the managers.
 */
export async function digest(ctx: ModuleContext, req: DigestRequest): Promise<DigestSection | null> {
  const members = await listOrgMembers(ctx, req.orgId);
  const me = members.find((m) => m.userId === req.userId);
  if (!me) return null;
  const manages = (await orgManagers(ctx, req.orgId)).some((m) => m.userId === req.userId);
  const horizon = todayIn(new Date(req.until.getTime() + 7 * 86_400_000));
  const mine = (await listActions(ctx, req.orgId, req.lang, req.until)).filter(
    (a) =>
      !!a.reviewDate &&
      a.reviewDate <= horizon &&
      (a.responsibleUserId === req.userId || (!a.responsibleUserId && manages)),
  );
  if (mine.length === 0) return null;
  const today = todayIn(new Date());
  return {
    id: 'owners.reviews',
    title: t(req.lang, 'owners.digest.title'),
    items: mine.map((a) => ({
      text: t(req.lang, (a.reviewDate as string) < today ? 'owners.digest.overdue' : 'owners.digest.due', {
        no: a.no,
        title: a.title,
        date: formatDay(a.reviewDate as string, req.lang),
      }),
      url: cornerUrl(ctx, req.orgId, a.no),
    })),
  };
}
