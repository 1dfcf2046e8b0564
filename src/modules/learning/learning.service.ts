import { randomInt, randomUUID } from 'node:crypto';
import { escapeHtml } from '../../kernel/documents/html.ts';
import { createPdf, pdfToBuffer } from '../../kernel/documents/pdf.ts';
import { validationError } from '../../kernel/http/error-handler.ts';
import { AppError } from '../../kernel/http/errors.ts';
import { type Lang, t } from '../../kernel/i18n/index.ts';
import { renderActionMail } from '../../kernel/mail/templates.ts';
import type { ModuleContext } from '../../kernel/module.ts';
import { currentBank, latestDiagnosisSummary } from '../diagnosis/index.ts';
import { getOrgProfile, listOrgMembers } from '../orgs/index.ts';
import { loadContent, type Theme } from './learning.content.ts';
import * as repo from './learning.repo.ts';

const content = loadContent();

export function themeList(lang: Lang) {
  return content.themes.map((th) => ({
    id: th.id,
    item: th.item,
    title: th.title[lang],
    summary: th.summary[lang],
    minutes: th.minutes,
    questions: th.questions.length,
  }));
}

function mustTheme(id: string): Theme {
  const th = content.byId.get(id);
  if (!th) throw new AppError('not_found');
  return th;
}

/** A theme to read and test; the right answers stay on the server until the test is submitted. */
export function themeDetail(id: string, lang: Lang) {
  const th = mustTheme(id);
  const html = content.html.get(th.id) as NonNullable<ReturnType<typeof content.html.get>>;
  return {
    id: th.id,
    item: th.item,
    title: th.title[lang],
    summary: th.summary[lang],
    minutes: th.minutes,
    scenarioHtml: html.scenario[lang],
    whatWentWrongHtml: html.whatWentWrong[lang],
    keyPoints: th.keyPoints[lang],
    questions: th.questions.map((q) => ({
      id: q.id,
      text: q.text[lang],
      choices: q.choices.map((c) => ({ id: c.id, text: c.text[lang] })),
    })),
  };
}

/** Themes linked to the organisation's weak diagnosis items come first. */
export async function recommendedThemeIds(ctx: ModuleContext, orgId: string): Promise<string[]> {
  const latest = await latestDiagnosisSummary(ctx, orgId);
  if (!latest) return [];
  const items = currentBank().parts.flatMap((p) => p.items);
  return items.filter((i) => latest.answers[String(i.no)] !== 'yes').map((i) => i.learningTheme);
}

export async function myProgress(ctx: ModuleContext, orgId: string, userId: string, lang: Lang) {
  const [recommended, done, attempts, certs] = await Promise.all([
    recommendedThemeIds(ctx, orgId),
    repo.completedThemes(ctx.db, orgId, userId),
    repo.lastAttempts(ctx.db, orgId, userId),
    repo.certificatesOf(ctx.db, orgId, userId),
  ]);
  const tried = new Map(attempts.map((a) => [a.themeId, a]));
  const rec = new Set(recommended);
  const themes = themeList(lang)
    .map((th) => ({
      ...th,
      recommended: rec.has(th.id),
      completedAt: done.get(th.id)?.toISOString() ?? null,
      lastAttemptAt: tried.get(th.id)?.last.toISOString() ?? null,
      attempts: tried.get(th.id)?.attempts ?? 0,
    }))
    .sort((a, b) => Number(b.recommended) - Number(a.recommended) || a.item - b.item);
  return {
    themes,
    completed: done.size,
    total: content.themes.length,
    courses: content.courses.map((c) => ({
      id: c.id,
      title: c.title[lang],
      description: c.description[lang],
      themes: c.themes,
      completed: c.themes.filter((id) => done.has(id)).length,
    })),
    certificates: certs.map((c) => ({ code: c.code, course: c.course, issuedAt: c.issuedAt.toISOString() })),
  };
}

const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const newCode = () =>
  `MC-${Array.from({ length: 10 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)])
    .join('')
    .replace(/(.{5})/, '$1-')}`;

async function issueCertificates(ctx: ModuleContext, orgId: string, userId: string) {
  const [done, existing, members, profile] = await Promise.all([
    repo.completedThemes(ctx.db, orgId, userId),
    repo.certificatesOf(ctx.db, orgId, userId),
    listOrgMembers(ctx, orgId),
    getOrgProfile(ctx, orgId),
  ]);
  const have = new Set(existing.map((c) => c.course));
  const person = members.find((m) => m.userId === userId);
  const earned: Array<'all' | 'owner' | 'employee'> = [];
  if (content.themes.every((th) => done.has(th.id))) earned.push('all');
  for (const c of content.courses) if (c.themes.every((id) => done.has(id))) earned.push(c.id);
  const issued: repo.CertificateRow[] = [];
  for (const course of earned.filter((c) => !have.has(c))) {
    const c = await repo.insertCertificate(ctx.db, {
      code: newCode(),
      orgId,
      userId,
      course,
      name: person?.name ?? '',
      orgName: profile.name,
    });
    if (c) issued.push(c);
  }
  return issued;
}

/** Checks a test on the server: all questions answered, passed when every answer is right. */
export async function submitAttempt(
  ctx: ModuleContext,
  orgId: string,
  userId: string,
  themeId: string,
  answers: Record<string, string>,
  lang: Lang,
) {
  const th = mustTheme(themeId);
  const issues = [];
  for (const q of th.questions) {
    const a = answers[q.id];
    if (a === undefined)
      issues.push({
        keyword: 'custom',
        instancePath: `/answers/${q.id}`,
        message: 'learning.fields.missing_answer',
        params: {},
      });
    else if (!q.choices.some((c) => c.id === a))
      issues.push({
        keyword: 'custom',
        instancePath: `/answers/${q.id}`,
        message: 'learning.fields.bad_choice',
        params: {},
      });
  }
  for (const key of Object.keys(answers)) {
    if (!th.questions.some((q) => q.id === key))
      issues.push({
        keyword: 'custom',
        instancePath: `/answers/${key}`,
        message: 'learning.fields.unknown_question',
        params: {},
      });
  }
  if (issues.length) throw validationError(issues, 'body', { answers });

  const results = th.questions.map((q) => ({
    id: q.id,
    chosen: answers[q.id] as string,
    correct: answers[q.id] === q.answer,
    answer: q.answer,
    explanation: q.explanation[lang],
  }));
  const wrong = results.filter((r) => !r.correct).map((r) => r.id);
  const passed = wrong.length === 0;
  await repo.recordAttempt(ctx.db, {
    id: randomUUID(),
    orgId,
    userId,
    themeId: th.id,
    answers,
    wrong,
    correct: results.length - wrong.length,
    total: results.length,
    passed,
  });
  const certificates = passed ? await issueCertificates(ctx, orgId, userId) : [];
  return {
    passed,
    correct: results.length - wrong.length,
    total: results.length,
    results,
    newCertificates: certificates.map((c) => ({
      code: c.code,
      course: c.course,
      issuedAt: c.issuedAt.toISOString(),
    })),
  };
}

/** Members × themes: who finished what, and when they last tried. */
export async function matrix(ctx: ModuleContext, orgId: string, lang: Lang) {
  const [members, completions, attempts] = await Promise.all([
    listOrgMembers(ctx, orgId),
    repo.orgCompletions(ctx.db, orgId),
    repo.lastAttempts(ctx.db, orgId),
  ]);
  const cells: Record<
    string,
    Record<string, { completedAt: string | null; lastAttemptAt: string | null }>
  > = {};
  for (const m of members) cells[m.userId] = {};
  for (const a of attempts) {
    const row = cells[a.userId];
    if (row) row[a.themeId] = { completedAt: null, lastAttemptAt: a.last.toISOString() };
  }
  for (const c of completions) {
    const row = cells[c.userId];
    if (row)
      row[c.themeId] = {
        completedAt: c.completedAt.toISOString(),
        lastAttemptAt: row[c.themeId]?.lastAttemptAt ?? null,
      };
  }
  return {
    members: members.map((m) => ({
      userId: m.userId,
      name: m.name,
      email: m.email,
      role: m.role,
      completed: Object.values(cells[m.userId] ?? {}).filter((c) => c.completedAt).length,
      started: Object.keys(cells[m.userId] ?? {}).length > 0,
    })),
    themes: content.themes.map((th) => ({ id: th.id, item: th.item, title: th.title[lang] })),
    cells,
  };
}

/** Mails every member who has not tried any theme yet. */
export async function remindNotStarted(ctx: ModuleContext, orgId: string) {
  const [m, profile] = await Promise.all([matrix(ctx, orgId, 'ja'), getOrgProfile(ctx, orgId)]);
  const members = await listOrgMembers(ctx, orgId);
  let sent = 0;
  for (const person of m.members.filter((x) => !x.started)) {
    const lang = members.find((x) => x.userId === person.userId)?.locale ?? 'ja';
    await ctx.mailer.send(
      renderActionMail(
        lang,
        'mail.learning_reminder',
        { email: person.email, name: person.name },
        `${ctx.config.publicUrl}/orgs/${orgId}/learning`,
        {
          orgName: profile.name,
        },
      ),
    );
    sent += 1;
  }
  return { sent };
}

export async function publicCertificate(ctx: ModuleContext, code: string, lang: Lang) {
  const c = await repo.findCertificate(ctx.db, code.toUpperCase());
  if (!c) throw new AppError('not_found');
  return {
    code: c.code,
    name: c.name,
    orgName: c.orgName,
    course: c.course,
    courseTitle: t(lang, `learning.course.${c.course}`),
    issuedAt: c.issuedAt.toISOString(),
  };
}

export async function myCertificate(ctx: ModuleContext, orgId: string, userId: string, code: string) {
  const c = await repo.findCertificate(ctx.db, code.toUpperCase());
  if (!c || c.orgId !== orgId || c.userId !== userId) throw new AppError('not_found');
  return c;
}

const fmtDate = (d: Date, lang: Lang) =>
  d.toLocaleDateString(lang === 'ja' ? 'ja-JP' : 'en-GB', { timeZone: 'Asia/Tokyo', dateStyle: 'long' });

/** A landscape A4 修了証 with the verification code and address. */
export async function certificatePdf(c: repo.CertificateRow, lang: Lang, publicUrl: string): Promise<Buffer> {
  const tr = (k: string, p?: Record<string, unknown>) => t(lang, `learning.certificate.${k}`, p);
  const doc = createPdf({ title: tr('title'), lang, layout: 'landscape' });
  const { width, height } = doc.page;
  doc
    .rect(24, 24, width - 48, height - 48)
    .lineWidth(3)
    .stroke('#1c7ed6');
  doc
    .rect(32, 32, width - 64, height - 64)
    .lineWidth(0.8)
    .stroke('#1c7ed6');
  doc.font('jp-bold').fontSize(34).fillColor('#1f2933').text(tr('title'), 0, 96, { width, align: 'center' });
  doc.font('jp').fontSize(14).fillColor('#52606d').text(c.orgName, 0, 170, { width, align: 'center' });
  doc
    .font('jp-bold')
    .fontSize(26)
    .fillColor('#1f2933')
    .text(tr('name', { name: c.name }), 0, 196, { width, align: 'center' });
  doc
    .font('jp')
    .fontSize(13)
    .fillColor('#1f2933')
    .text(tr('body', { course: t(lang, `learning.course.${c.course}`) }), 120, 262, {
      width: width - 240,
      align: 'center',
      lineGap: 4,
    });
  doc.fontSize(12).text(fmtDate(c.issuedAt, lang), 0, 350, { width, align: 'center' });
  doc
    .font('jp')
    .fontSize(9.5)
    .fillColor('#52606d')
    .text(tr('verify', { code: c.code, url: `${publicUrl}/certificates/${c.code}` }), 0, height - 96, {
      width,
      align: 'center',
    });
  return pdfToBuffer(doc);
}

export function certificatePage(c: Awaited<ReturnType<typeof publicCertificate>>, lang: Lang): string {
  const tr = (k: string, p?: Record<string, unknown>) => t(lang, `learning.certificate.${k}`, p);
  return `<h1>${escapeHtml(tr('pageTitle'))}</h1>
<div class="status" style="border-left:6px solid #2b8a3e;background:#ebfbee;padding:14px 18px;border-radius:6px"><strong>${escapeHtml(tr('valid'))}</strong></div>
<dl style="display:grid;grid-template-columns:9em 1fr;gap:10px 16px">
<dt>${escapeHtml(tr('who'))}</dt><dd>${escapeHtml(c.name)}</dd>
<dt>${escapeHtml(tr('org'))}</dt><dd>${escapeHtml(c.orgName)}</dd>
<dt>${escapeHtml(tr('course'))}</dt><dd>${escapeHtml(c.courseTitle)}</dd>
<dt>${escapeHtml(tr('date'))}</dt><dd>${escapeHtml(fmtDate(new Date(c.issuedAt), lang))}</dd>
<dt>${escapeHtml(tr('code'))}</dt><dd>${escapeHtml(c.code)}</dd></dl>
<p class="note">${escapeHtml(tr('note'))}</p>`;
}

export async function operatorStats(ctx: ModuleContext, lang: Lang) {
  const s = await repo.operatorStats(ctx.db);
  const people = new Map(s.byTheme.map((r) => [r.themeId, r.people]));
  return {
    attempts: s.attempts,
    themes: content.themes.map((th) => ({
      id: th.id,
      title: th.title[lang],
      completions: people.get(th.id) ?? 0,
    })),
    mostMissed: s.wrong.map((w) => {
      const th = content.byId.get(w.themeId);
      const q = th?.questions.find((x) => x.id === w.questionId);
      return {
        themeId: w.themeId,
        themeTitle: th?.title[lang] ?? w.themeId,
        questionId: w.questionId,
        question: q?.text[lang] ?? '',
        wrong: w.wrong,
      };
    }),
  };
}
