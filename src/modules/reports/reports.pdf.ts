import { createPdf, type Pdf, pdfToBuffer } from '../../kernel/documents/pdf.ts';
import { type Lang, t } from '../../kernel/i18n/index.ts';
import { formatCount, percent, type Tone, withDetail } from './reports.compose.ts';
import type { ReportView } from './reports.service.ts';

const toneColor: Record<Tone, string> = { calm: '#2b8a3e', watch: '#d9480f', act: '#c92a2a' };
const INK = '#1f2933';
const MUTED = '#52606d';
const FAINT = '#9aa5b1';
const TOTAL_BAR = '#bcccdc';
const BLOCKED_BAR = '#1971c2';

const fmtDate = (iso: string, lang: Lang, withTime = false) =>
  new Date(iso).toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-GB', {
    timeZone: 'Asia/Tokyo',
    dateStyle: 'long',
    ...(withTime ? { timeStyle: 'short' } : {}),
  });

/** Adds a page when fewer than `space` points are left, so a block is never cut in two. */
function ensure(doc: Pdf, space: number) {
  if (doc.y + space > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

/** A section title, kept on the same page as the first `keep` points of what follows it. */
function heading(doc: Pdf, text: string, left: number, keep = 40) {
  ensure(doc, 30 + keep);
  doc.moveDown(0.8).font('jp-bold').fontSize(12.5).fillColor(INK).text(text, left);
  doc.moveDown(0.25);
}

interface Column {
  title: string;
  width: number;
  align?: 'left' | 'right';
}

function table(doc: Pdf, left: number, columns: Column[], rows: string[][]) {
  const pad = 4;
  const drawRow = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'jp-bold' : 'jp').fontSize(8.5);
    const h =
      Math.max(
        ...cells.map((c, i) => doc.heightOfString(c, { width: (columns[i]?.width ?? 60) - pad * 2 })),
      ) +
      pad * 2;
    ensure(doc, h + 2);
    const y = doc.y;
    let x = left;
    cells.forEach((c, i) => {
      const col = columns[i] as Column;
      doc
        .fillColor(bold ? MUTED : INK)
        .text(c, x + pad, y + pad, { width: col.width - pad * 2, align: col.align ?? 'left' });
      x += col.width;
    });
    const total = columns.reduce((s, c) => s + c.width, 0);
    doc
      .moveTo(left, y + h)
      .lineTo(left + total, y + h)
      .lineWidth(0.5)
      .strokeColor(bold ? FAINT : '#e4e7eb')
      .stroke();
    doc.x = left;
    doc.y = y + h;
  };
  drawRow(
    columns.map((c) => c.title),
    true,
  );
  for (const r of rows) drawRow(r, false);
}

/** Daily bars: everything received (light) with what was stopped (dark) in front. */
function chart(doc: Pdf, v: ReportView, left: number, width: number, lang: Lang) {
  const tr = (k: string) => t(lang, `reports.pdf.${k}`);
  const height = 110;
  ensure(doc, height + 50);
  const top = doc.y + 6;
  const max = Math.max(1, ...v.days.map((d) => d.total));
  const axisW = 34;
  const plotW = width - axisW;
  const slot = plotW / v.days.length;
  const barW = Math.max(2, slot * 0.7);
  doc.font('jp').fontSize(7).fillColor(FAINT);
  for (const frac of [0, 0.5, 1]) {
    const y = top + height - height * frac;
    doc
      .moveTo(left + axisW, y)
      .lineTo(left + width, y)
      .lineWidth(0.4)
      .strokeColor('#e4e7eb')
      .stroke();
    doc.text(formatCount(Math.round(max * frac), lang), left, y - 4, { width: axisW - 4, align: 'right' });
  }
  v.days.forEach((d, i) => {
    const x = left + axisW + i * slot + (slot - barW) / 2;
    const h = (d.total / max) * height;
    if (h > 0) doc.rect(x, top + height - h, barW, h).fill(TOTAL_BAR);
    const hb = (d.blocked / max) * height;
    if (hb > 0) doc.rect(x, top + height - hb, barW, Math.max(hb, 0.8)).fill(BLOCKED_BAR);
    const dayNo = Number(d.day.slice(8));
    if (dayNo === 1 || dayNo % 5 === 0)
      doc
        .fillColor(FAINT)
        .fontSize(7)
        .text(String(dayNo), x - 6, top + height + 3, { width: barW + 12, align: 'center' });
  });
  const ly = top + height + 16;
  doc.rect(left + axisW, ly + 1, 8, 8).fill(TOTAL_BAR);
  doc
    .fillColor(MUTED)
    .fontSize(8)
    .text(tr('legendTotal'), left + axisW + 12, ly, { lineBreak: false });
  doc.rect(left + axisW + 110, ly + 1, 8, 8).fill(BLOCKED_BAR);
  doc.fillColor(MUTED).text(tr('legendBlocked'), left + axisW + 122, ly, { lineBreak: false });
  doc.x = left;
  doc.y = ly + 16;
}

/** The monthly report as a printable PDF: the owner's two minutes on page one, details after. */
export async function renderReportPdf(v: ReportView, lang: Lang, publicUrl: string): Promise<Buffer> {
  const tr = (key: string, p?: Record<string, unknown>) => t(lang, `reports.pdf.${key}`, p);
  const num = (n: number) => formatCount(n, lang);
  const title = `${t(lang, 'reports.title')} ${v.label}`;
  const doc = createPdf({ title, lang });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const color = toneColor[v.tone];

  doc.rect(0, 0, doc.page.width, 8).fill(color);
  doc.fillColor(INK).font('jp-bold').fontSize(18).text(title, left, 34);
  if (!v.final) {
    doc
      .font('jp-bold')
      .fontSize(9)
      .fillColor(color)
      .text(
        lang === 'ja'
          ? `【${t(lang, 'reports.interim')}】${tr('interimNote')}`
          : `${t(lang, 'reports.interim')}: ${tr('interimNote')}`,
      );
  }
  doc.font('jp').fontSize(10).fillColor(INK).text(v.orgName);
  const lastMoment = new Date(new Date(v.periodTo).getTime() - 1).toISOString();
  doc
    .fontSize(8.5)
    .fillColor(MUTED)
    .text(
      `${tr('period', { from: fmtDate(v.periodFrom, lang), to: fmtDate(lastMoment, lang) })}　${tr(
        'generated',
        {
          date: fmtDate(v.generatedAt, lang, true),
        },
      )}`,
    );

  // Headline.
  doc.moveDown(0.6);
  doc.font('jp-bold').fontSize(12);
  const hh = doc.heightOfString(v.headline, { width: width - 28 }) + 20;
  const hy = doc.y;
  doc.roundedRect(left, hy, width, hh, 6).lineWidth(1.5).strokeColor(color).stroke();
  doc.rect(left, hy, 6, hh).fill(color);
  doc.fillColor(color).text(v.headline, left + 18, hy + 10, { width: width - 28 });
  doc.x = left;
  doc.y = hy + hh + 10;

  // Key figures.
  const kpis: Array<[string, string]> = [
    [tr('kpi.events'), num(v.totals.events)],
    [tr('kpi.blocked'), num(v.totals.blocked)],
    [tr('kpi.detected'), num(v.totals.alerts)],
    [tr('kpi.incidents'), num(v.totals.incidents)],
    [tr('kpi.uptime'), v.totals.uptime === null ? tr('noHours') : `${percent(v.totals.uptime)}%`],
  ];
  const gap = 8;
  const boxW = (width - gap * (kpis.length - 1)) / kpis.length;
  const ky = doc.y;
  kpis.forEach(([label, value], i) => {
    const x = left + i * (boxW + gap);
    doc.roundedRect(x, ky, boxW, 54, 5).fill('#f5f7fa');
    doc
      .fillColor(INK)
      .font('jp-bold')
      .fontSize(17)
      .text(value, x, ky + 8, { width: boxW, align: 'center', lineBreak: false });
    doc
      .fillColor(MUTED)
      .font('jp')
      .fontSize(7.5)
      .text(label, x + 2, ky + 34, { width: boxW - 4, align: 'center' });
  });
  doc.x = left;
  doc.y = ky + 62;

  heading(doc, tr('summary'), left);
  doc.font('jp').fontSize(10).fillColor(INK);
  for (const line of v.summary) {
    doc.text(line, left, doc.y, { width, lineGap: 2 });
    doc.moveDown(0.3);
  }

  heading(doc, tr('next'), left);
  if (v.recommendations.length === 0) doc.font('jp').fontSize(10).fillColor(INK).text(tr('nextNone'), left);
  v.recommendations.forEach((r, i) => {
    ensure(doc, 70);
    doc
      .font('jp-bold')
      .fontSize(10.5)
      .fillColor(INK)
      .text(`${i + 1}. ${r.title}`, left, doc.y, { width });
    doc
      .font('jp')
      .fontSize(9)
      .fillColor(INK)
      .text(r.text, left + 14, doc.y + 2, { width: width - 14, lineGap: 1.5 });
    if (r.item?.answerLabel)
      doc
        .fontSize(8.5)
        .fillColor(MUTED)
        .text(
          withDetail(
            lang,
            t(lang, 'reports.answerWas', { answer: r.item.answerLabel }),
            `${r.item.no}. ${r.item.topic}`,
          ),
          left + 14,
          doc.y + 1,
          { width: width - 14 },
        );
    if (r.link)
      doc
        .fontSize(8)
        .fillColor(BLOCKED_BAR)
        .text(`${r.link.label}: ${publicUrl}${r.link.path}`, left + 14, doc.y + 1, {
          width: width - 14,
          link: `${publicUrl}${r.link.path}`,
        });
    doc.moveDown(0.5);
  });
  if (v.diagnosis)
    doc
      .font('jp')
      .fontSize(8.5)
      .fillColor(MUTED)
      .text(
        `${tr('diagnosis', { total: v.diagnosis.total, date: fmtDate(v.diagnosis.createdAt, lang) })}　${v.diagnosis.bandTitle}`,
        left,
      );

  heading(doc, tr('chart'), left, 160);
  chart(doc, v, left, width, lang);

  heading(doc, tr('detected'), left);
  if (v.rules.length === 0) doc.font('jp').fontSize(9.5).fillColor(INK).text(tr('detectedNone'), left);
  else
    table(
      doc,
      left,
      [
        { title: tr('colRule'), width: width - 170 },
        { title: '', width: 50 },
        { title: tr('colAlerts'), width: 60, align: 'right' },
        { title: tr('colHits'), width: 60, align: 'right' },
      ],
      v.rules.map((r) => [r.title, r.severityLabel, num(r.alerts), num(r.hits)]),
    );

  heading(doc, tr('incidents'), left);
  if (v.incidents.length === 0) doc.font('jp').fontSize(9.5).fillColor(INK).text(tr('incidentsNone'), left);
  else
    table(
      doc,
      left,
      [
        { title: tr('colFirst'), width: 90 },
        { title: tr('colEntity'), width: 100 },
        { title: tr('colRule'), width: width - 290 },
        { title: tr('colStatus'), width: 100 },
      ],
      v.incidents.map((i) => [
        fmtDate(i.firstSeenAt, lang),
        i.entity,
        i.rules.join(lang === 'ja' ? '、' : ', '),
        withDetail(lang, i.statusLabel, i.severityLabel),
      ]),
    );

  heading(doc, tr('sensors'), left);
  if (v.sensors.length === 0) doc.font('jp').fontSize(9.5).fillColor(INK).text(tr('sensorsNone'), left);
  else
    table(
      doc,
      left,
      [
        { title: tr('colSensor'), width: width - 170 },
        { title: tr('colEvents'), width: 80, align: 'right' },
        { title: tr('colUptime'), width: 90, align: 'right' },
      ],
      v.sensors.map((s) => [
        withDetail(lang, s.name, s.kind.toUpperCase()),
        num(s.events),
        s.uptime === null ? tr('noHours') : `${percent(s.uptime)}%`,
      ]),
    );

  doc.moveDown(1.2);
  ensure(doc, 40);
  doc.font('jp').fontSize(7.5).fillColor(FAINT).text(tr('footer'), left, doc.y, { width });
  doc
    .fontSize(7.5)
    .text(tr('link', { url: `${publicUrl}/orgs/${v.orgId}/reports/${v.month}` }), left, doc.y, {
      width,
    });
  return pdfToBuffer(doc);
}
