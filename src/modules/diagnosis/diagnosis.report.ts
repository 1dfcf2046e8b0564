import { toCsv } from '../../kernel/documents/csv.ts';
import { createPdf, pdfToBuffer } from '../../kernel/documents/pdf.ts';
import { type Lang, t } from '../../kernel/i18n/index.ts';
import type { presentScore } from './diagnosis.service.ts';

type Result = ReturnType<typeof presentScore> & { createdAt: string };
type Task = {
  itemNo: number;
  title: string;
  assigneeName: string | null;
  dueDate: string | null;
  status: string;
};

const bandColor: Record<string, string> = {
  complete: '#2b8a3e',
  mostly: '#1971c2',
  insufficient: '#e67700',
  urgent: '#c92a2a',
};

const fmtDate = (iso: string, lang: Lang) =>
  new Date(iso).toLocaleDateString(lang === 'ja' ? 'ja-JP' : 'en-GB', {
    timeZone: 'Asia/Tokyo',
    dateStyle: 'long',
  });

/** One page (two at most for many weak items) an owner can print and show a partner. */
export async function renderReportPdf(
  r: Result,
  orgName: string,
  tasks: Task[],
  lang: Lang,
): Promise<Buffer> {
  const tr = (key: string, p?: Record<string, unknown>) => t(lang, `diagnosis.report.${key}`, p);
  const doc = createPdf({ title: tr('title'), lang });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const color = bandColor[r.band] ?? '#1971c2';

  doc.rect(0, 0, doc.page.width, 8).fill(color);
  doc.fillColor('#1f2933').font('jp-bold').fontSize(18).text(tr('title'), left, 36);
  doc
    .font('jp')
    .fontSize(10)
    .fillColor('#52606d')
    .text(`${orgName}　${tr('date', { date: fmtDate(r.createdAt, lang) })}`);
  doc.moveDown(0.8);

  // Score and band.
  const top = doc.y;
  doc.roundedRect(left, top, 150, 88, 8).lineWidth(2).stroke(color);
  doc
    .fillColor(color)
    .font('jp-bold')
    .fontSize(40)
    .text(String(r.total), left, top + 10, { width: 150, align: 'center' });
  doc
    .font('jp')
    .fontSize(10)
    .fillColor('#52606d')
    .text(tr('outOf', { max: r.max }), left, top + 62, { width: 150, align: 'center' });
  doc
    .fillColor(color)
    .font('jp-bold')
    .fontSize(13)
    .text(r.bandInfo.title, left + 166, top + 4, { width: width - 166 });
  doc
    .fillColor('#1f2933')
    .font('jp')
    .fontSize(9.5)
    .text(r.bandInfo.meaning, { width: width - 166 });
  doc
    .moveDown(0.3)
    .fillColor('#52606d')
    .text(r.bandInfo.next, { width: width - 166 });
  doc.y = Math.max(doc.y, top + 96);

  // Part scores as bars.
  doc.moveDown(0.6).fillColor('#1f2933').font('jp-bold').fontSize(12).text(tr('parts'), left);
  for (const p of r.parts) {
    const y = doc.y + 4;
    doc.font('jp').fontSize(9.5).fillColor('#1f2933').text(p.title, left, y, { width: 150 });
    const barX = left + 160;
    const barW = width - 230;
    doc.rect(barX, y + 2, barW, 10).fill('#e4e7eb');
    const share = Math.max(0, p.score) / p.max;
    if (share > 0) doc.rect(barX, y + 2, barW * share, 10).fill(color);
    doc.fillColor('#1f2933').text(`${p.score} / ${p.max}`, barX + barW + 8, y, { width: 60 });
    doc.y = y + 18;
  }

  // Weak items.
  const unknown = r.weakItems.filter((w) => w.answer === 'unknown');
  const weak = r.weakItems.filter((w) => w.answer !== 'unknown');
  doc.moveDown(0.6).font('jp-bold').fontSize(12).fillColor('#1f2933').text(tr('weak'), left);
  if (weak.length === 0) doc.font('jp').fontSize(9.5).text(tr('noWeak'));
  for (const w of weak) {
    doc
      .font('jp-bold')
      .fontSize(9.5)
      .fillColor('#1f2933')
      .text(`${w.no}. ${w.topic}（${tr(`answer.${w.answer}`)}）`, left);
    doc
      .font('jp')
      .fontSize(8.5)
      .fillColor('#52606d')
      .text(`→ ${w.actions[0] ?? ''}`, left + 12, doc.y, { width: width - 12 });
  }
  if (unknown.length) {
    doc.moveDown(0.5).font('jp-bold').fontSize(12).fillColor('#1f2933').text(tr('unknown'), left);
    doc
      .font('jp')
      .fontSize(9)
      .fillColor('#52606d')
      .text(unknown.map((u) => `${u.no}. ${u.topic}`).join('　'), { width });
  }

  if (tasks.length) {
    doc.moveDown(0.5).font('jp-bold').fontSize(12).fillColor('#1f2933').text(tr('plan'), left);
    for (const task of tasks) {
      const who = task.assigneeName ?? tr('unassigned');
      const due = task.dueDate ?? '—';
      doc
        .font('jp')
        .fontSize(9)
        .fillColor('#1f2933')
        .text(`□ ${task.title}（${tr('planLine', { who, due, no: task.itemNo })}）`, left);
    }
  }
  doc.moveDown(1).font('jp').fontSize(7.5).fillColor('#7b8794').text(tr('footer'), left, doc.y, { width });
  return pdfToBuffer(doc);
}

export function historyCsv(
  rows: Array<{
    createdAt: string;
    total: number;
    band: string;
    parts: Array<{ id: string; score: number }>;
    answers?: Record<string, string>;
  }>,
  lang: Lang,
): string {
  const tr = (key: string) => t(lang, `diagnosis.csv.${key}`);
  const header = [tr('date'), tr('total'), tr('band'), tr('basic'), tr('employee'), tr('organization')];
  const items = Array.from({ length: 25 }, (_, i) => `${tr('item')}${i + 1}`);
  return toCsv([
    [...header, ...items],
    ...rows.map((r) => [
      new Date(r.createdAt).toLocaleString('sv-SE', { timeZone: 'Asia/Tokyo' }),
      r.total,
      t(lang, `diagnosis.band.${r.band}`),
      ...['basic', 'employee', 'organization'].map((id) => r.parts.find((p) => p.id === id)?.score ?? ''),
      ...Array.from({ length: 25 }, (_, i) => {
        const a = r.answers?.[String(i + 1)];
        return a ? t(lang, `diagnosis.report.answer.${a}`) : '';
      }),
    ]),
  ]);
}
