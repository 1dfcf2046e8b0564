import { createPdf, type Pdf, pdfToBuffer } from '../../kernel/documents/pdf.ts';
import { type Lang, t } from '../../kernel/i18n/index.ts';
import type { IncidentDto } from '../monitoring/index.ts';
import { formatDay, formatMinutes, formatWhen, formatYen, sumYen } from './onsite.format.ts';
import type { ClaimWithNames, DispatchWithNames } from './onsite.repo.ts';
import type { CostItem } from './onsite.tables.ts';

export interface ClaimDocument {
  claim: ClaimWithNames;
  incident: IncidentDto | null;
  dispatch: DispatchWithNames | null;
  attachments: { filename: string; size: number; sha256: string }[];
  steps: { kind: string; actorName: string | null; note: string | null; at: Date }[];
}

const INK = '#1f2933';
const MUTED = '#52606d';
const LINE = '#cbd2d9';

function ensureRoom(doc: Pdf, needed: number) {
  if (doc.y + needed > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

function heading(doc: Pdf, text: string) {
  ensureRoom(doc, 60);
  doc.moveDown(0.8).font('jp-bold').fontSize(13).fillColor(INK).text(text);
  const y = doc.y + 2;
  doc
    .moveTo(doc.page.margins.left, y)
    .lineTo(doc.page.width - doc.page.margins.right, y)
    .lineWidth(0.6)
    .stroke(LINE);
  doc.moveDown(0.5);
}

/** Label on the left, value on the right, one row each; long values wrap within their column. */
function rows(doc: Pdf, pairs: [string, string][]) {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const labelWidth = 150;
  for (const [label, value] of pairs) {
    doc.font('jp').fontSize(10);
    const h = Math.max(
      doc.heightOfString(label, { width: labelWidth - 8 }),
      doc.heightOfString(value || '—', { width: width - labelWidth }),
    );
    ensureRoom(doc, h + 6);
    const y = doc.y;
    doc.fillColor(MUTED).text(label, left, y, { width: labelWidth - 8 });
    doc.fillColor(INK).text(value || '—', left + labelWidth, y, { width: width - labelWidth });
    doc.x = left;
    doc.y = y + h + 5;
  }
}

function costTable(doc: Pdf, lang: Lang, items: (CostItem & { source?: string })[], totalLabel: string) {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const amountWidth = 120;
  if (items.length === 0) {
    doc.font('jp').fontSize(10).fillColor(MUTED).text(t(lang, 'onsite.pdf.none'));
    return;
  }
  for (const item of items) {
    const from = t(lang, 'onsite.pdf.fromDispatch');
    const label =
      item.source !== 'dispatch'
        ? item.label
        : lang === 'ja'
          ? `${item.label}（${from}）`
          : `${item.label} (${from})`;
    doc.font('jp').fontSize(10);
    const h = doc.heightOfString(label, { width: width - amountWidth - 8 });
    ensureRoom(doc, h + 6);
    const y = doc.y;
    doc.fillColor(INK).text(label, left, y, { width: width - amountWidth - 8 });
    doc.text(formatYen(item.amountYen, lang), left + width - amountWidth, y, {
      width: amountWidth,
      align: 'right',
    });
    doc.x = left;
    doc.y = y + h + 4;
  }
  ensureRoom(doc, 24);
  const y = doc.y + 2;
  doc
    .moveTo(left, y)
    .lineTo(left + width, y)
    .lineWidth(0.6)
    .stroke(LINE);
  doc.font('jp-bold').fontSize(10.5).fillColor(INK);
  doc.text(totalLabel, left, y + 5, { width: width - amountWidth - 8 });
  doc.text(formatYen(sumYen(items), lang), left + width - amountWidth, y + 5, {
    width: amountWidth,
    align: 'right',
  });
  doc.x = left;
  doc.y = y + 22;
}

/** The claim record as the insurer and the SME read it: facts, costs, evidence, history. */
export async function claimPdf(d: ClaimDocument, lang: Lang, now = new Date()): Promise<Buffer> {
  const tr = (k: string, p?: Record<string, unknown>) => t(lang, `onsite.pdf.${k}`, p);
  const { claim } = d;
  const doc = createPdf({ title: tr('title'), lang });
  doc.font('jp-bold').fontSize(20).fillColor(INK).text(tr('title'));
  doc
    .font('jp')
    .fontSize(9.5)
    .fillColor(MUTED)
    .text(tr('generated', { at: formatWhen(now, lang), id: claim.id }));

  heading(doc, tr('sections.claim'));
  rows(doc, [
    [tr('status'), t(lang, `onsite.claimStatus.${claim.status}`)],
    [tr('insured'), claim.orgName],
    [tr('provider'), claim.providerName],
    [tr('insurer'), claim.insurer],
    [tr('policyNumber'), claim.policyNumber],
    [tr('lossDate'), formatDay(claim.lossDate, lang)],
    [tr('submittedAt'), claim.submittedAt ? formatWhen(claim.submittedAt, lang) : ''],
    ...(claim.approvedAmountYen !== null
      ? ([[tr('approvedAmount'), formatYen(claim.approvedAmountYen, lang)]] as [string, string][])
      : []),
    [tr('paidAt'), claim.paidAt ? formatWhen(claim.paidAt, lang) : ''],
  ]);

  heading(doc, tr('sections.incident'));
  rows(
    doc,
    d.incident
      ? [
          [tr('incidentId'), d.incident.id],
          [tr('entity'), d.incident.entity],
          [
            tr('severity'),
            t(lang, `onsite.severity.${d.incident.severity}`, { defaultValue: String(d.incident.severity) }),
          ],
          [tr('firstSeen'), formatWhen(d.incident.firstSeenAt, lang)],
          [tr('lastSeen'), formatWhen(d.incident.lastSeenAt, lang)],
          [tr('alerts'), String(d.incident.alertCount)],
        ]
      : [[tr('incidentId'), claim.incidentId]],
  );

  if (d.dispatch) {
    const x = d.dispatch;
    heading(doc, tr('sections.dispatch'));
    rows(doc, [
      [tr('dispatchReason'), x.reason],
      [tr('engineer'), x.engineerName ?? ''],
      [tr('arrivedAt'), x.arrivedAt ? formatWhen(x.arrivedAt, lang) : ''],
      [tr('workSummary'), x.workSummary ?? ''],
      [tr('workTime'), x.workMinutes ? formatMinutes(x.workMinutes, lang) : ''],
      [tr('confirmedAt'), x.confirmedAt ? formatWhen(x.confirmedAt, lang) : tr('notConfirmed')],
    ]);
  }

  heading(doc, tr('sections.covered'));
  costTable(doc, lang, claim.coveredItems, tr('coveredTotal'));
  heading(doc, tr('sections.other'));
  costTable(doc, lang, claim.otherCosts, tr('otherTotal'));

  if (claim.notes) {
    heading(doc, tr('sections.notes'));
    doc.font('jp').fontSize(10).fillColor(INK).text(claim.notes);
  }

  heading(doc, tr('sections.evidence'));
  if (d.attachments.length === 0) doc.font('jp').fontSize(10).fillColor(MUTED).text(tr('none'));
  for (const a of d.attachments) {
    ensureRoom(doc, 30);
    doc
      .font('jp')
      .fontSize(10)
      .fillColor(INK)
      .text(`${a.filename} (${Math.max(1, Math.round(a.size / 1024))} KB)`);
    doc.fontSize(7.5).fillColor(MUTED).text(`SHA-256 ${a.sha256}`);
  }

  heading(doc, tr('sections.history'));
  for (const s of d.steps) {
    const who = s.actorName ? ` — ${s.actorName}` : '';
    const note = s.note ? `: ${s.note}` : '';
    ensureRoom(doc, 18);
    doc
      .font('jp')
      .fontSize(9.5)
      .fillColor(INK)
      .text(`${formatWhen(s.at, lang)}  ${t(lang, `onsite.claimStep.${s.kind}`)}${who}${note}`);
  }

  doc.moveDown(1.2).fontSize(8.5).fillColor(MUTED).text(tr('footer'));
  return pdfToBuffer(doc);
}
