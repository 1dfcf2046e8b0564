import { type Lang, t } from '../../kernel/i18n/index.ts';
import type { MonthlyFigures } from '../monitoring/index.ts';
import type { Advice } from './reports.content.ts';
import { type Month, monthLabel } from './reports.month.ts';
import type { DiagnosisSnapshot } from './reports.tables.ts';

/** What the report needs to know about the diagnosis items (from the diagnosis module's bank). */
export interface ItemInfo {
  topic: string;
  actions: string[];
  learningTheme: string;
}

export interface ComposeInput {
  orgId: string;
  month: Month;
  final: boolean;
  lang: Lang;
  now: Date;
  figures: MonthlyFigures;
  diagnosis: DiagnosisSnapshot | null;
  item: (no: number) => ItemInfo | undefined;
  answerLabel: (answer: string) => string;
  ruleTitle: (ruleId: string) => string;
  advice: Advice;
}

export type Tone = 'calm' | 'watch' | 'act';

export interface Recommendation {
  id: string;
  kind: 'incident' | 'sensor' | 'signal' | 'diagnosis' | 'no-diagnosis' | 'old-diagnosis';
  title: string;
  text: string;
  /** The company's own answer in its latest diagnosis, when the advice belongs to an item. */
  item: { no: number; topic: string; answer: string | null; answerLabel: string | null } | null;
  /** A path in the web app (learning theme or diagnosis page). */
  link: { path: string; label: string } | null;
}

export interface ComposedReport {
  tone: Tone;
  headline: string;
  summary: string[];
  recommendations: Recommendation[];
}

export const MAX_RECOMMENDATIONS = 5;
/** Below this share of hours with records a sensor is called out (a silent day in a month is ~97%). */
export const LOW_UPTIME = 0.9;
const DONE = new Set(['resolved', 'closed']);
const WEAK_ORDER: Record<string, number> = { no: 0, unknown: 1, partial: 2 };
const DIAGNOSIS_STALE_MS = 365 * 86_400_000;

export function formatCount(n: number, lang: Lang): string {
  return n.toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-GB');
}

export function percent(share: number): number {
  return Math.floor(share * 1000) / 10;
}

function fill(template: string, params: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_m, k: string) => params[k] ?? '');
}

export function openIncidents(f: MonthlyFigures): number {
  return f.incidents.byStatus.filter((s) => !DONE.has(s.status)).reduce((s, r) => s + r.count, 0);
}

/** Sensors that had hours to report in the period and missed too many of them. */
export function weakSensors(f: MonthlyFigures) {
  return f.sensors.filter((s) => s.uptime !== null && s.uptime < LOW_UPTIME);
}

/** Hours-weighted uptime over all sensors, or null when none had hours in the period. */
export function overallUptime(f: MonthlyFigures): number | null {
  const hours = f.sensors.reduce((s, x) => s + (x.uptime === null ? 0 : x.hours), 0);
  if (hours === 0) return null;
  return f.sensors.reduce((s, x) => s + (x.uptime === null ? 0 : x.hoursWithEvents), 0) / hours;
}

/** Alerts about threats (a silent sensor is about the monitoring itself, reported with uptime). */
function threatRules(f: MonthlyFigures) {
  return f.detected.byRule.filter((r) => r.ruleId !== 'sensor-silent');
}

export function threatAlerts(f: MonthlyFigures): number {
  return threatRules(f).reduce((s, r) => s + r.alerts, 0);
}

/** "name（detail）" in Japanese, "name (detail)" in English. */
export function withDetail(lang: Lang, name: string, detail: string): string {
  return lang === 'ja' ? `${name}（${detail}）` : `${name} (${detail})`;
}

export function toneOf(f: MonthlyFigures): Tone {
  if (openIncidents(f) > 0) return 'act';
  if (threatRules(f).length > 0 || weakSensors(f).length > 0 || f.events.total === 0) return 'watch';
  return 'calm';
}

/**
 * The plain-language part of the report: a headline, a short summary and what to do next,
 * from the month's figures and the latest diagnosis. Pure, so the stored facts always read the same.
 */
export function composeReport(input: ComposeInput): ComposedReport {
  const { lang, figures: f } = input;
  const tr = (key: string, p: Record<string, unknown> = {}) => t(lang, `reports.compose.${key}`, p);
  const num = (n: number) => formatCount(n, lang);
  const threats = threatRules(f);
  const alerts = threats.reduce((s, r) => s + r.alerts, 0);
  const open = openIncidents(f);
  const tone = toneOf(f);

  const headline =
    f.events.total === 0
      ? tr('headline.noEvents')
      : tone === 'act'
        ? tr('headline.act', { count: open, n: num(open) })
        : tone === 'watch' && alerts > 0
          ? tr('headline.watch', { count: alerts, n: num(alerts) })
          : tone === 'watch'
            ? tr('headline.sensors')
            : tr('headline.calm');

  const period = input.final
    ? monthLabel(input.month, lang)
    : tr('soFar', {
        month: monthLabel(input.month, lang),
        date: new Date(f.to).toLocaleDateString(lang === 'ja' ? 'ja-JP' : 'en-GB', {
          timeZone: 'Asia/Tokyo',
          month: 'long',
          day: 'numeric',
        }),
      });
  const summary: string[] = [];
  if (f.events.total === 0) summary.push(tr('summary.noEvents', { period }));
  else if (f.blocked.total > 0)
    summary.push(
      tr('summary.blocked', {
        period,
        count: f.blocked.total,
        total: num(f.events.total),
        blocked: num(f.blocked.total),
      }),
    );
  else summary.push(tr('summary.nothingBlocked', { period, total: num(f.events.total) }));

  if (alerts > 0) {
    const sep = lang === 'ja' ? '、' : ', ';
    const titles = threats.slice(0, 3).map((r) => input.ruleTitle(r.ruleId));
    summary.push(
      tr('summary.detected', {
        count: alerts,
        n: num(alerts),
        list: titles.join(sep) + (threats.length > 3 ? tr('andMore') : ''),
      }),
    );
  } else if (f.events.total > 0) summary.push(tr('summary.nothingDetected'));

  if (f.incidents.opened > 0) {
    const done = f.incidents.opened - open;
    summary.push(
      open > 0 && done === 0
        ? tr('summary.incidentsAllOpen', { count: f.incidents.opened, n: num(f.incidents.opened) })
        : open > 0
          ? tr('summary.incidentsOpen', {
              count: f.incidents.opened,
              n: num(f.incidents.opened),
              done: num(done),
              open: num(open),
            })
          : tr('summary.incidentsDone', { count: f.incidents.opened, n: num(f.incidents.opened) }),
    );
  } else if (f.events.total > 0) summary.push(tr('summary.noIncidents'));

  const uptime = overallUptime(f);
  const weak = weakSensors(f);
  if (weak.length > 0) {
    const worst = [...weak].sort((a, b) => (a.uptime ?? 0) - (b.uptime ?? 0))[0] as (typeof weak)[number];
    summary.push(tr('summary.sensorGaps', { name: worst.name, pct: percent(worst.uptime ?? 0) }));
  } else if (uptime !== null) summary.push(tr('summary.sensorsOk', { pct: percent(uptime) }));

  return { tone, headline, summary, recommendations: recommend(input, open, weak) };
}

function recommend(
  input: ComposeInput,
  open: number,
  weak: ReturnType<typeof weakSensors>,
): Recommendation[] {
  const { lang, figures: f, diagnosis, advice } = input;
  const tr = (key: string, p: Record<string, unknown> = {}) => t(lang, `reports.compose.${key}`, p);
  const num = (n: number) => formatCount(n, lang);
  const answers = diagnosis?.answers ?? {};
  const isWeak = (no: number) => (answers[String(no)] ?? 'yes') in WEAK_ORDER;
  const learningLink = (no: number) => {
    const info = input.item(no);
    return info
      ? {
          path: `/orgs/${input.orgId}/learning/${info.learningTheme}`,
          label: tr('learn', { topic: info.topic }),
        }
      : null;
  };
  const itemRef = (no: number): Recommendation['item'] => {
    const info = input.item(no);
    if (!info) return null;
    const answer = diagnosis ? (answers[String(no)] ?? null) : null;
    return { no, topic: info.topic, answer, answerLabel: answer ? input.answerLabel(answer) : null };
  };
  const out: Recommendation[] = [];
  const covered = new Set<number>();

  if (open > 0)
    out.push({
      id: 'incidents-open',
      kind: 'incident',
      title: tr('rec.incident.title'),
      text: tr('rec.incident.text', { count: open, n: num(open) }),
      item: null,
      link: null,
    });

  const ruleAlerts = new Map(f.detected.byRule.map((r) => [r.ruleId, r.alerts]));
  const blockedBy = new Map(f.events.byCategory.map((c) => [c.category, c.blocked]));
  for (const signal of advice.signals) {
    const w = signal.when;
    const alerts = (w.rules ?? []).reduce((s, id) => s + (ruleAlerts.get(id) ?? 0), 0);
    const blocked = (w.blockedCategories ?? []).reduce((s, c) => s + (blockedBy.get(c) ?? 0), 0);
    const fired =
      alerts > 0 || blocked > 0 || (w.authFailures !== undefined && f.events.authFailures >= w.authFailures);
    if (!fired) continue;
    const weakNo = signal.items.find(isWeak);
    const refNo = weakNo ?? (signal.items[0] as number);
    for (const no of signal.items) covered.add(no);
    out.push({
      id: `signal-${signal.id}`,
      kind: 'signal',
      title: signal.title[lang],
      text: fill(signal.text[lang], {
        authFailures: num(f.events.authFailures),
        blocked: num(blocked),
        alerts: num(alerts),
      }),
      item: diagnosis && weakNo !== undefined ? itemRef(refNo) : null,
      link: learningLink(refNo),
    });
  }

  if (weak.length > 0) {
    const sep = lang === 'ja' ? '' : ', ';
    out.push({
      id: 'sensors',
      kind: 'sensor',
      title: tr('rec.sensor.title', {
        count: weak.length,
        names: weak.map((s) => tr('rec.sensor.name', { name: s.name })).join(sep),
      }),
      text: tr('rec.sensor.text', {
        count: weak.length,
        list: weak
          .map((s) =>
            tr('rec.sensor.item', {
              name: s.name,
              pct: percent(s.uptime ?? 0),
              missing: num(s.hours - s.hoursWithEvents),
            }),
          )
          .join(lang === 'ja' ? '、' : '; '),
      }),
      item: null,
      link: null,
    });
  }

  if (!diagnosis)
    out.push({
      id: 'no-diagnosis',
      kind: 'no-diagnosis',
      title: tr('rec.noDiagnosis.title'),
      text: tr('rec.noDiagnosis.text'),
      item: null,
      link: { path: `/orgs/${input.orgId}/diagnosis`, label: tr('rec.noDiagnosis.link') },
    });
  else {
    if (input.now.getTime() - new Date(diagnosis.createdAt).getTime() > DIAGNOSIS_STALE_MS)
      out.push({
        id: 'old-diagnosis',
        kind: 'old-diagnosis',
        title: tr('rec.oldDiagnosis.title'),
        text: tr('rec.oldDiagnosis.text'),
        item: null,
        link: { path: `/orgs/${input.orgId}/diagnosis`, label: tr('rec.noDiagnosis.link') },
      });
    const weakItems = Object.entries(answers)
      .map(([no, answer]) => ({ no: Number(no), answer }))
      .filter((x) => x.answer in WEAK_ORDER && !covered.has(x.no) && input.item(x.no))
      .sort((a, b) => (WEAK_ORDER[a.answer] ?? 9) - (WEAK_ORDER[b.answer] ?? 9) || a.no - b.no);
    for (const w of weakItems) {
      if (out.length >= MAX_RECOMMENDATIONS) break;
      const info = input.item(w.no) as ItemInfo;
      out.push({
        id: `item-${w.no}`,
        kind: 'diagnosis',
        title: tr('rec.item.title', { topic: info.topic }),
        text: info.actions[0] ?? '',
        item: itemRef(w.no),
        link: learningLink(w.no),
      });
    }
  }
  return out.slice(0, Math.max(MAX_RECOMMENDATIONS, out.filter((r) => r.kind !== 'diagnosis').length));
}
