import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { documentCss, escapeHtml } from '../../kernel/documents/html.ts';
import { createPdf, pdfToBuffer } from '../../kernel/documents/pdf.ts';
import type { DocBlock, DocModel, DocSection } from './policy.model.ts';

// ---- .docx: real Word headings, numbering and tables, so companies can keep editing ----

const JP_FONT = { ascii: 'Yu Gothic', eastAsia: 'Yu Gothic', hAnsi: 'Yu Gothic', cs: 'Yu Gothic' };

function docxBlocks(blocks: DocBlock[], listRef: { n: number }): Array<Paragraph | Table> {
  const out: Array<Paragraph | Table> = [];
  for (const b of blocks) {
    if (b.type === 'p') out.push(new Paragraph({ children: [new TextRun(b.text)], spacing: { after: 120 } }));
    if (b.type === 'signature') {
      for (const line of b.text.split('\n')) {
        out.push(new Paragraph({ children: [new TextRun(line)], alignment: AlignmentType.RIGHT }));
      }
    }
    if (b.type === 'list') {
      listRef.n += 1;
      for (const item of b.items) {
        out.push(
          new Paragraph({
            children: [new TextRun(item)],
            numbering: { reference: 'items', level: 0, instance: listRef.n },
          }),
        );
      }
    }
    if (b.type === 'table') {
      const cell = (text: string, header: boolean) =>
        new TableCell({
          children: [new Paragraph({ children: [new TextRun({ text, bold: header })] })],
          shading: header ? { fill: 'E7F0FA' } : undefined,
        });
      out.push(
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [
            new TableRow({ children: b.header.map((h) => cell(h, true)), tableHeader: true }),
            ...b.rows.map((r) => new TableRow({ children: r.map((c) => cell(c, false)) })),
          ],
        }),
        new Paragraph({ text: '' }),
      );
    }
  }
  return out;
}

export async function renderDocx(doc: DocModel): Promise<Buffer> {
  const listRef = { n: 0 };
  const body: Array<Paragraph | Table> = [
    new Paragraph({ text: doc.title, heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER }),
  ];
  const section = (s: DocSection, level: 1 | 2) => {
    body.push(
      new Paragraph({
        text: `${s.number}　${s.heading}`,
        heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
        border:
          level === 1
            ? { bottom: { style: BorderStyle.SINGLE, size: 4, color: '1C7ED6', space: 2 } }
            : undefined,
      }),
      ...docxBlocks(s.blocks, listRef),
    );
    for (const sub of s.sections) section(sub, 2);
  };
  for (const s of doc.sections) section(s, 1);
  const file = new Document({
    creator: 'Mamori',
    title: doc.title,
    styles: {
      default: { document: { run: { font: JP_FONT, size: 21 }, paragraph: { spacing: { line: 300 } } } },
      paragraphStyles: [
        {
          id: 'Title',
          name: 'Title',
          run: { font: JP_FONT, size: 36, bold: true },
          paragraph: { spacing: { after: 360 } },
        },
        {
          id: 'Heading1',
          name: 'Heading 1',
          run: { font: JP_FONT, size: 26, bold: true, color: '1F2933' },
          paragraph: { spacing: { before: 320, after: 120 } },
        },
        {
          id: 'Heading2',
          name: 'Heading 2',
          run: { font: JP_FONT, size: 22, bold: true },
          paragraph: { spacing: { before: 200, after: 80 } },
        },
      ],
    },
    numbering: {
      config: [
        {
          reference: 'items',
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: '(%1)',
              alignment: AlignmentType.START,
              style: { paragraph: { indent: { left: 480, hanging: 360 } } },
            },
          ],
        },
      ],
    },
    sections: [{ properties: {}, children: body }],
  });
  return Packer.toBuffer(file);
}

// ---- PDF ----

export async function renderPdf(doc: DocModel): Promise<Buffer> {
  const pdf = createPdf({ title: doc.title, lang: doc.lang });
  const left = pdf.page.margins.left;
  const width = pdf.page.width - left - pdf.page.margins.right;
  pdf.font('jp-bold').fontSize(18).fillColor('#1f2933').text(doc.title, { align: 'center' });
  pdf.moveDown(1);
  const blocks = (bs: DocBlock[]) => {
    for (const b of bs) {
      if (b.type === 'p')
        pdf
          .font('jp')
          .fontSize(10.5)
          .fillColor('#1f2933')
          .text(b.text, left, pdf.y, { width, lineGap: 3 })
          .moveDown(0.4);
      if (b.type === 'signature')
        pdf
          .moveDown(0.6)
          .font('jp')
          .fontSize(10.5)
          .text(b.text, left, pdf.y, { width, align: 'right', lineGap: 3 });
      if (b.type === 'list') {
        b.items.forEach((item, i) => {
          pdf
            .font('jp')
            .fontSize(10.5)
            .text(`(${i + 1}) ${item}`, left + 14, pdf.y, { width: width - 14, lineGap: 2 });
        });
        pdf.moveDown(0.4);
      }
      if (b.type === 'table') {
        const cols = b.header.length;
        const colW = width / cols;
        const row = (cells: string[], header: boolean) => {
          const heights = cells.map((c) =>
            pdf
              .font(header ? 'jp-bold' : 'jp')
              .fontSize(9.5)
              .heightOfString(c, { width: colW - 8 }),
          );
          const h = Math.max(...heights) + 8;
          if (pdf.y + h > pdf.page.height - pdf.page.margins.bottom) pdf.addPage();
          const y = pdf.y;
          cells.forEach((c, i) => {
            if (header) pdf.rect(left + i * colW, y, colW, h).fill('#e7f0fa');
            pdf
              .rect(left + i * colW, y, colW, h)
              .lineWidth(0.5)
              .stroke('#9aa5b1');
            pdf
              .fillColor('#1f2933')
              .font(header ? 'jp-bold' : 'jp')
              .fontSize(9.5)
              .text(c, left + i * colW + 4, y + 4, { width: colW - 8 });
          });
          pdf.x = left;
          pdf.y = y + h;
        };
        row(b.header, true);
        for (const r of b.rows) row(r, false);
        pdf.moveDown(0.6);
      }
    }
  };
  const section = (s: DocSection, level: 1 | 2) => {
    if (pdf.y > pdf.page.height - 120) pdf.addPage();
    pdf
      .moveDown(level === 1 ? 0.5 : 0.2)
      .font('jp-bold')
      .fontSize(level === 1 ? 13 : 11)
      .fillColor('#1f2933');
    pdf.text(`${s.number}　${s.heading}`, left, pdf.y, { width });
    if (level === 1)
      pdf
        .moveTo(left, pdf.y + 1)
        .lineTo(left + width, pdf.y + 1)
        .lineWidth(0.8)
        .stroke('#1c7ed6');
    pdf.moveDown(0.4);
    blocks(s.blocks);
    for (const sub of s.sections) section(sub, 2);
  };
  for (const s of doc.sections) section(s, 1);
  return pdfToBuffer(pdf);
}

// ---- HTML (export and the public page) ----

export function renderHtmlBody(doc: DocModel): string {
  const blocks = (bs: DocBlock[]) =>
    bs
      .map((b) => {
        if (b.type === 'p') return `<p>${escapeHtml(b.text).replaceAll('\n', '<br>')}</p>`;
        if (b.type === 'signature')
          return `<p class="signature">${escapeHtml(b.text).replaceAll('\n', '<br>')}</p>`;
        if (b.type === 'list') return `<ol>${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ol>`;
        return `<table><thead><tr>${b.header.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${b.rows
          .map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`)
          .join('')}</tbody></table>`;
      })
      .join('\n');
  const section = (s: DocSection, level: 2 | 3): string =>
    `<section id="${escapeHtml(s.id)}"><h${level}>${escapeHtml(`${s.number}　${s.heading}`)}</h${level}>${blocks(s.blocks)}${s.sections
      .map((x) => section(x, 3))
      .join('')}</section>`;
  return `<h1>${escapeHtml(doc.title)}</h1>\n${doc.sections.map((s) => section(s, 2)).join('\n')}`;
}

export function renderHtml(doc: DocModel, extra = ''): string {
  return `<!doctype html><html lang="${doc.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(
    doc.title,
  )}</title><style>${documentCss}</style></head><body><main>${renderHtmlBody(doc)}${extra}</main></body></html>`;
}
