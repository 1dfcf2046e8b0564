import { randomUUID } from 'node:crypto';
import { ruleError } from '../../kernel/http/errors.ts';
import { type Lang, t } from '../../kernel/i18n/index.ts';
import { renderActionMail } from '../../kernel/mail/templates.ts';
import type { ModuleContext } from '../../kernel/module.ts';
import { currentBank, latestDiagnosisSummary } from '../diagnosis/index.ts';
import { describeRule, type MonthlyFigures, monitoredOrgs, monthlyFigures } from '../monitoring/index.ts';
import { getOrgProfile, orgManagers } from '../orgs/index.ts';
import {
  type ComposedReport,
  composeReport,
  type ItemInfo,
  openIncidents,
  overallUptime,
  threatAlerts,
} from './reports.compose.ts';
import { advice } from './reports.content.ts';
import { daysOf, type Month, monthBounds, monthLabel, monthOf, previousMonth } from './reports.month.ts';
import * as repo from './reports.repo.ts';
import type { DiagnosisSnapshot } from './reports.tables.ts';

type Ctx = Pick<ModuleContext, 'db'>;

async function diagnosisSnapshot(ctx: Ctx, orgId: string): Promise<DiagnosisSnapshot | null> {
  const d = await latestDiagnosisSummary(ctx, orgId);
  return d
    ? { id: d.id, total: d.total, band: d.band, createdAt: d.createdAt.toISOString(), answers: d.answers }
    : null;
}

async function requireSme(ctx: Ctx, orgId: string) {
  const profile = await getOrgProfile(ctx, orgId);
  if (profile.kind !== 'sme') throw ruleError('reports', 'not_an_sme', 'unprocessable');
  return profile;
}

/** Counts the period and stores it with the diagnosis as it stands now; a final report is never rewritten. */
async function store(
  ctx: Ctx,
  orgId: string,
  month: Month,
  figures: MonthlyFigures,
  opts: { final: boolean; now: Date; by: string | null },
) {
  return repo.saveReport(ctx.db, randomUUID(), {
    orgId,
    month,
    final: opts.final,
    periodFrom: new Date(figures.from),
    periodTo: new Date(figures.to),
    figures,
    diagnosis: await diagnosisSnapshot(ctx, orgId),
    generatedBy: opts.by,
    generatedAt: opts.now,
  });
}

/**
 * An owner's report on demand: this month so far (interim), or last month when the job has
 * not made it yet. Last month becomes final only once detection has caught up with its events.
 */
export async function generateOnDemand(
  ctx: Ctx,
  orgId: string,
  month: Month,
  userId: string,
  now: Date,
): Promise<repo.ReportRow> {
  await requireSme(ctx, orgId);
  const current = monthOf(now);
  if (month > current) throw ruleError('reports', 'report_month_future', 'unprocessable');
  if (month !== current && month !== previousMonth(current))
    throw ruleError('reports', 'report_month_unavailable', 'unprocessable');
  const existing = await repo.findReport(ctx.db, orgId, month);
  if (existing?.final) return existing;
  const { from, to } = monthBounds(month);
  const end = month === current ? now : to;
  const figures = await monthlyFigures(ctx, orgId, from, end);
  const final = month !== current && figures.events.pending === 0;
  return store(ctx, orgId, month, figures, { final, now, by: userId });
}

export interface MonthlyRun {
  month: Month;
  generated: number;
  mailed: number;
  /** Organisations whose events still wait for detection: the next run takes them. */
  waiting: number;
}

/**
 * The job: from the 1st of a month (JST) on, the previous month's final report for every SME
 * that had monitoring in it, mailed once to each of its owners and managers. Safe to rerun:
 * a final report is never rewritten and a recipient already mailed is never mailed again.
 */
export async function runMonthlyReports(ctx: ModuleContext, now: Date): Promise<MonthlyRun> {
  const month = previousMonth(monthOf(now));
  const { from, to } = monthBounds(month);
  const run: MonthlyRun = { month, generated: 0, mailed: 0, waiting: 0 };
  const failures: unknown[] = [];
  for (const orgId of await monitoredOrgs(ctx, from, to)) {
    try {
      const profile = await getOrgProfile(ctx, orgId);
      if (profile.kind !== 'sme') continue;
      let report = await repo.findReport(ctx.db, orgId, month);
      if (!report?.final) {
        const figures = await monthlyFigures(ctx, orgId, from, to);
        if (figures.events.pending > 0) {
          run.waiting++;
          continue;
        }
        report = await store(ctx, orgId, month, figures, { final: true, now, by: null });
        run.generated++;
      }
      run.mailed += await deliver(ctx, report, profile.name, now);
    } catch (err) {
      failures.push(err);
    }
  }
  if (failures.length)
    throw new AggregateError(failures, `reports.monthly: ${failures.length} organisations failed`);
  return run;
}

async function deliver(
  ctx: ModuleContext,
  report: repo.ReportRow,
  orgName: string,
  now: Date,
): Promise<number> {
  const done = await repo.deliveredTo(ctx.db, report.id);
  let sent = 0;
  for (const m of await orgManagers(ctx, report.orgId)) {
    if (done.has(m.userId)) continue;
    const lang = m.locale;
    const view = composeFor(report, lang, now);
    const next = view.recommendations.length
      ? view.recommendations
          .slice(0, 3)
          .map((r) => `・${r.title}`)
          .join('\n')
      : t(lang, 'reports.pdf.nextNone');
    await ctx.mailer.send(
      renderActionMail(
        lang,
        'reports.mail.monthly',
        { email: m.email, name: m.name },
        `${ctx.config.publicUrl}/orgs/${report.orgId}/reports/${report.month}`,
        {
          org: orgName,
          month: monthLabel(report.month, lang),
          headline: view.headline,
          summary: view.summary.join('\n'),
          next,
        },
      ),
    );
    await repo.recordDelivery(ctx.db, {
      reportId: report.id,
      orgId: report.orgId,
      userId: m.userId,
      email: m.email,
      lang,
    });
    sent++;
  }
  return sent;
}

function itemLookup(lang: Lang) {
  const bank = currentBank();
  const items = new Map<number, ItemInfo>(
    bank.parts
      .flatMap((p) => p.items)
      .map((i) => [i.no, { topic: i.topic[lang], actions: i.actions[lang], learningTheme: i.learningTheme }]),
  );
  const choices = new Map(bank.choices.map((c) => [c.value as string, c.label[lang]]));
  const bands = new Map(bank.bands.map((b) => [b.id as string, b.title[lang]]));
  return { items, choices, bands };
}

const ruleTitle = (lang: Lang) => (id: string) => describeRule(id, lang)?.title ?? id;

function composeFor(report: repo.ReportRow, lang: Lang, now: Date): ComposedReport {
  const { items, choices } = itemLookup(lang);
  return composeReport({
    orgId: report.orgId,
    month: report.month,
    final: report.final,
    lang,
    now,
    figures: report.figures,
    diagnosis: report.diagnosis ?? null,
    item: (no) => items.get(no),
    answerLabel: (a) => choices.get(a) ?? a,
    ruleTitle: ruleTitle(lang),
    advice,
  });
}

function entityLabel(entity: string): string {
  return entity.replace(/^(host|ip|group):/, '');
}

/** The report as people read it, in their language: the stored facts plus the composed texts. */
export function presentReport(report: repo.ReportRow, orgName: string, lang: Lang, now: Date) {
  const f = report.figures;
  const composed = composeFor(report, lang, now);
  const { bands } = itemLookup(lang);
  const perDay = new Map(f.events.byDay.map((d) => [d.day, d]));
  const rule = ruleTitle(lang);
  const categoryLabel = (c: string) => {
    const key = `reports.category.${c}`;
    const label = t(lang, key);
    return label === key ? c : label;
  };
  return {
    orgId: report.orgId,
    orgName,
    month: report.month,
    label: monthLabel(report.month, lang),
    final: report.final,
    generatedAt: report.generatedAt.toISOString(),
    periodFrom: report.periodFrom.toISOString(),
    periodTo: report.periodTo.toISOString(),
    ...composed,
    totals: {
      events: f.events.total,
      blocked: f.blocked.total,
      alerts: threatAlerts(f),
      hits: f.detected.hits,
      incidents: f.incidents.opened,
      openIncidents: openIncidents(f),
      authFailures: f.events.authFailures,
      uptime: overallUptime(f),
    },
    days: daysOf(report.month).map((day) => ({
      day,
      total: perDay.get(day)?.total ?? 0,
      blocked: perDay.get(day)?.blocked ?? 0,
    })),
    categories: f.events.byCategory.map((c) => ({ ...c, label: categoryLabel(c.category) })),
    rules: f.detected.byRule.map((r) => ({
      ...r,
      title: rule(r.ruleId),
      what: describeRule(r.ruleId, lang)?.what ?? '',
      severityLabel: t(lang, `reports.severity.${r.severity}`),
    })),
    incidents: f.incidents.items.map((i) => ({
      id: i.id,
      entity: entityLabel(i.entity),
      severity: i.severity,
      severityLabel: t(lang, `reports.severity.${i.severity}`),
      status: i.status,
      statusLabel: t(lang, `reports.status.${i.status}`),
      done: i.status === 'resolved' || i.status === 'closed',
      firstSeenAt: i.firstSeenAt,
      rules: i.ruleIds.map(rule),
    })),
    incidentStatuses: f.incidents.byStatus.map((s) => ({
      ...s,
      label: t(lang, `reports.status.${s.status}`),
    })),
    sensors: f.sensors.map((s) => ({
      id: s.id,
      name: s.name,
      kind: s.kind,
      events: s.events,
      hours: s.hours,
      hoursWithEvents: s.hoursWithEvents,
      uptime: s.uptime,
    })),
    diagnosis: report.diagnosis
      ? {
          total: report.diagnosis.total,
          band: report.diagnosis.band,
          bandTitle: bands.get(report.diagnosis.band) ?? report.diagnosis.band,
          createdAt: report.diagnosis.createdAt,
        }
      : null,
  };
}
export type ReportView = ReturnType<typeof presentReport>;

export async function getReport(ctx: Ctx, orgId: string, month: Month, lang: Lang, now: Date) {
  const row = await repo.findReport(ctx.db, orgId, month);
  if (!row) throw ruleError('reports', 'report_not_found', 'not_found');
  const profile = await getOrgProfile(ctx, orgId);
  return presentReport(row, profile.name, lang, now);
}

export async function listReports(ctx: Ctx, orgId: string, page: number, now: Date) {
  const { items, total } = await repo.listReports(ctx.db, orgId, page);
  return {
    items: items.map((r) => ({
      month: r.month,
      final: r.final,
      generatedAt: r.generatedAt.toISOString(),
      events: r.figures.events.total,
      blocked: r.figures.blocked.total,
      alerts: threatAlerts(r.figures),
      incidents: r.figures.incidents.opened,
      openIncidents: openIncidents(r.figures),
    })),
    total,
    page,
    pageSize: repo.REPORT_PAGE_SIZE,
    currentMonth: monthOf(now),
    previousMonth: previousMonth(monthOf(now)),
  };
}
