import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { t } from '../../kernel/i18n/index.ts';
import type { Job } from '../../kernel/jobs/scheduler.ts';
import type { DigestRequest, DigestSection, ModuleContext } from '../../kernel/module.ts';
import { getOrgProfile, listOrgMembers } from '../orgs/index.ts';
import { pick } from './library.catalog.ts';
import { renderDigestMail } from './library.mail.ts';
import * as repo from './library.repo.ts';
import { categoryLabel, entries, videos } from './library.service.ts';

export const DIGEST_JOB = 'library.weekly-digest';
const WEEK_MS = 7 * 24 * 60 * 60_000;

/**
 * The ISO week `now` falls in, counted in UTC. A UTC week starts on Monday 00:00 UTC, which is
 * Monday 09:00 in Japan, so the hourly job sends each week's digest on Monday morning.
 */
export function digestWeek(now: Date): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const weekday = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - weekday); // the Thursday of this week names its year
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

// ---- one-click unsubscribe (RFC 8058): a signed token, no sign-in ----

const sign = (secret: string, userId: string) =>
  createHmac('sha256', secret).update(`library.unsubscribe:${userId}`).digest('base64url').slice(0, 32);

export function unsubscribeToken(secret: string, userId: string): string {
  return `${Buffer.from(userId).toString('base64url')}.${sign(secret, userId)}`;
}

/** The user the token was made for, or null when it was not made with our secret. */
export function verifyUnsubscribeToken(secret: string, token: string): string | null {
  const [id, mac] = token.split('.');
  if (!id || !mac || token.split('.').length !== 2) return null;
  const userId = Buffer.from(id, 'base64url').toString('utf8');
  if (!userId || userId.length > 64) return null;
  const expected = Buffer.from(sign(secret, userId));
  const given = Buffer.from(mac);
  return expected.length === given.length && timingSafeEqual(expected, given) ? userId : null;
}

export function unsubscribeUrl(ctx: Pick<ModuleContext, 'config'>, userId: string): string {
  return `${ctx.config.publicUrl}/newsletter/unsubscribe?token=${unsubscribeToken(ctx.config.authSecret, userId)}`;
}

// ---- the library's own section: pages and videos added in the period ----

export async function libraryDigest(ctx: ModuleContext, req: DigestRequest): Promise<DigestSection | null> {
  const inPeriod = (d: Date) => d >= req.since && d < req.until;
  const [allEntries, allVideos] = await Promise.all([entries(ctx), videos(ctx)]);
  const base = ctx.config.publicUrl;
  const items = [
    ...allEntries
      .filter((e) => !e.hidden && inPeriod(e.addedAt))
      .map((e) => ({
        text: t(req.lang, 'library.digest.entry', {
          title: pick(e.title, req.lang),
          category: categoryLabel(e.category, req.lang),
        }),
        url: `${base}/library/${e.id}`,
      })),
    ...allVideos
      .filter((v) => !v.hidden && inPeriod(v.addedAt))
      .map((v) => ({
        text: t(req.lang, 'library.digest.video', { title: pick(v.title, req.lang), minutes: v.minutes }),
        url: `${base}/library/videos?topic=${v.topic}`,
      })),
  ];
  if (items.length === 0) return null;
  return { id: 'library.new', title: t(req.lang, 'library.digest.sectionTitle'), items };
}

// ---- the job ----

/**
 * Sends each active subscriber at most one digest per week: every mounted module's section for
 * the subscriber's organisation since their previous digest. Nobody gets an empty mail. The
 * (person, week) row is claimed before sending, so re-runs and restarts never send twice.
 */
export async function runWeeklyDigest(ctx: ModuleContext, now: Date): Promise<{ sent: number }> {
  const week = digestWeek(now);
  const failures: unknown[] = [];
  const members = new Map<string, Awaited<ReturnType<typeof listOrgMembers>>>();
  const orgNames = new Map<string, string>();
  let sent = 0;
  for (const sub of await repo.activeSubscriptions(ctx.db)) {
    if (await repo.sentThisWeek(ctx.db, sub.userId, week)) continue;
    if (!members.has(sub.orgId)) {
      members.set(sub.orgId, await listOrgMembers(ctx, sub.orgId));
      orgNames.set(sub.orgId, (await getOrgProfile(ctx, sub.orgId)).name);
    }
    const person = members.get(sub.orgId)?.find((m) => m.userId === sub.userId);
    // Someone who left the organisation hears nothing more about it.
    if (!person) continue;
    // A first digest looks back one week; someone returning after a long pause gets at most four.
    const since = new Date(
      Math.max(sub.lastDigestUntil?.getTime() ?? now.getTime() - WEEK_MS, now.getTime() - 4 * WEEK_MS, 0),
    );
    const req: DigestRequest = {
      orgId: sub.orgId,
      userId: sub.userId,
      lang: person.locale,
      since,
      until: now,
    };
    const sections: DigestSection[] = [];
    for (const m of ctx.modules) {
      if (!m.digest) continue;
      try {
        const s = await m.digest(ctx, req);
        if (s && s.items.length > 0) sections.push(s);
      } catch (err) {
        // One module failing must not keep everyone else's digest back; the job reports it at the end.
        failures.push(err);
      }
    }
    if (sections.length === 0) continue;
    const id = randomUUID();
    const claimed = await repo.claimDigest(ctx.db, {
      id,
      orgId: sub.orgId,
      userId: sub.userId,
      week,
      since,
      until: now,
      sections: sections.map((s) => ({ id: s.id, items: s.items.length })),
    });
    if (!claimed) continue;
    try {
      await ctx.mailer.send(
        renderDigestMail(ctx, {
          lang: person.locale,
          to: { email: person.email, name: person.name },
          orgId: sub.orgId,
          orgName: orgNames.get(sub.orgId) ?? '',
          since,
          until: now,
          sections,
          unsubscribeUrl: unsubscribeUrl(ctx, sub.userId),
        }),
      );
      await repo.markDigestSent(ctx.db, id, sub.userId, now);
      sent += 1;
    } catch (err) {
      await repo.releaseDigest(ctx.db, id);
      failures.push(err);
    }
  }
  if (failures.length) throw new AggregateError(failures, `${DIGEST_JOB}: ${failures.length} problem(s)`);
  return { sent };
}

export const weeklyDigestJob: Job = {
  name: DIGEST_JOB,
  everyMs: 60 * 60_000,
  run: async (ctx, now) => {
    await runWeeklyDigest(ctx, now);
  },
};
