import { validationError } from '../../kernel/http/error-handler.ts';
import { type Lang, t } from '../../kernel/i18n/index.ts';
import type { FormField, ReportForm } from './guide.content.ts';

export type ReportValues = Record<string, string | string[]>;

export interface PrefillSource {
  today: Date;
  org: { name: string; prefectureLabel: string };
  reporter: { name: string; email: string };
  case: { topic: string; title: string; notes: string; createdAt: Date };
  incident: {
    id: string;
    entity: string;
    severity: number;
    firstSeenAt: Date;
    lastSeenAt: Date;
    alertCount: number;
  } | null;
}

const jstDate = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' });
const jstDateTime = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Tokyo',
  dateStyle: 'short',
  timeStyle: 'short',
});
/** YYYY-MM-DD in Japan, the date people see on their calendar. */
export const dayInJapan = (d: Date) => jstDate.format(d);

const severityKey = (n: number) => (n >= 4 ? 'critical' : n === 3 ? 'high' : n === 2 ? 'medium' : 'low');

function incidentLine(src: PrefillSource, lang: Lang): string {
  const i = src.incident;
  if (!i) return '';
  return t(lang, 'guide.report.incidentLine', {
    id: i.id,
    entity: i.entity,
    severity: t(lang, `guide.severity.${severityKey(i.severity)}`),
    first: jstDateTime.format(i.firstSeenAt),
    last: jstDateTime.format(i.lastSeenAt),
    count: i.alertCount,
  });
}

const devicesByTopic: Record<string, string[]> = {
  'account-takeover': ['account'],
  'website-defacement': ['server-web'],
};

/**
 * What Mamori already knows, put into the form: the organisation, the person writing,
 * the monitoring incident (dates, host, number of alerts) and the case notes.
 */
export function prefill(form: ReportForm, src: PrefillSource, lang: Lang): ReportValues {
  const found = dayInJapan(src.incident?.firstSeenAt ?? src.case.createdAt);
  const other = [src.case.title, incidentLine(src, lang)].filter(Boolean).join('\n');
  const monitoring = src.incident ? t(lang, 'guide.report.monitoringDetail') : '';
  const common: ReportValues = {
    reportDate: dayInJapan(src.today),
    company: src.org.name,
    name: src.reporter.name,
    email: src.reporter.email,
    foundOn: found,
    damage: src.case.notes,
    other,
  };
  const values: ReportValues =
    form.id === 'virus'
      ? {
          ...common,
          prefecture: src.org.prefectureLabel,
          kind: src.case.topic === 'ransomware' ? 'infected' : '',
          count: src.incident ? String(src.incident.alertCount) : '',
          // Incident entities read `host:pc-07`; the form wants the device's name.
          locationDetail: src.incident?.entity.replace(/^[a-z]+:/, '') ?? '',
          method: src.incident ? 'software' : '',
          methodDetail: monitoring,
        }
      : {
          ...common,
          address: src.org.prefectureLabel,
          devices: devicesByTopic[src.case.topic] ?? [],
          trigger: src.incident ? 'self-tool' : '',
          triggerDetail: monitoring,
        };
  return normalise(form, values);
}

/** Every field of the form present, in the form's shape (lists for multi-choice, text otherwise). */
export function normalise(form: ReportForm, values: ReportValues): ReportValues {
  const out: ReportValues = {};
  for (const f of fieldsOf(form)) {
    const v = values[f.id];
    out[f.id] = f.kind === 'multi' ? (Array.isArray(v) ? v : []) : typeof v === 'string' ? v : '';
  }
  return out;
}

export const fieldsOf = (form: ReportForm): FormField[] => form.sections.flatMap((s) => s.fields);

const maxLength = { text: 300, date: 10, textarea: 8000 } as const;

/** Checks edited values against the form: known fields, allowed choices, dates, lengths. */
export function checkValues(form: ReportForm, values: ReportValues): ReportValues {
  const fields = new Map(fieldsOf(form).map((f) => [f.id, f]));
  const issues: {
    keyword: string;
    instancePath: string;
    message: string;
    params: Record<string, unknown>;
  }[] = [];
  const bad = (id: string, message: string, params: Record<string, unknown> = {}) =>
    issues.push({ keyword: 'custom', instancePath: `/values/${id}`, message, params });
  for (const [id, v] of Object.entries(values)) {
    const f = fields.get(id);
    if (!f) {
      bad(id, 'guide.fields.unknown_field');
      continue;
    }
    if (f.kind === 'multi') {
      if (!Array.isArray(v) || v.some((x) => !f.options.some((o) => o.value === x)))
        bad(id, 'guide.fields.bad_choice');
    } else if (typeof v !== 'string') bad(id, 'guide.fields.bad_choice');
    else if (f.kind === 'choice') {
      if (v !== '' && !f.options.some((o) => o.value === v)) bad(id, 'guide.fields.bad_choice');
    } else if (f.kind === 'date') {
      if (v !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(v)) bad(id, 'guide.fields.bad_date');
    } else if (v.length > maxLength[f.kind]) bad(id, 'guide.fields.too_long', { maximum: maxLength[f.kind] });
  }
  if (issues.length) throw validationError(issues, 'body', { values });
  return normalise(form, values);
}

function display(f: FormField, v: string | string[], lang: Lang): string {
  if (f.kind === 'choice' || f.kind === 'multi') {
    const picked = Array.isArray(v) ? v : v ? [v] : [];
    return picked
      .map((x) => f.options.find((o) => o.value === x)?.label[lang] ?? x)
      .join(lang === 'ja' ? '、' : ', ');
  }
  return Array.isArray(v) ? v.join(', ') : v;
}

/** The draft as plain text, to paste into IPA's form or an e-mail. Nothing is sent anywhere. */
export function reportText(form: ReportForm, values: ReportValues, lang: Lang): string {
  const lines = [
    form.title[lang],
    t(lang, 'guide.report.exportNotice'),
    t(lang, 'guide.report.exportSubmit', { url: form.submitUrl }),
    '',
  ];
  const empty = t(lang, 'guide.report.empty');
  for (const s of form.sections) {
    lines.push(`■ ${s.title[lang]}`);
    for (const f of s.fields) {
      const shown = display(f, values[f.id] ?? '', lang).trim();
      if (f.kind === 'textarea' && shown.includes('\n')) {
        lines.push(`${f.label[lang]}:`);
        for (const l of shown.split(/\r?\n/)) lines.push(`  ${l}`);
      } else lines.push(`${f.label[lang]}: ${shown || empty}`);
    }
    lines.push('');
  }
  lines.push(`${t(lang, 'guide.report.exportNote')} ${form.note[lang]}`);
  return `${lines.join('\n')}\n`;
}
