import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);
const fontDir = path.dirname(require.resolve('@expo-google-fonts/noto-sans-jp/package.json'));

/** Noto Sans JP from the npm package: embedded and subset, so text renders and copies out anywhere. */
export const FONTS = {
  regular: path.join(fontDir, '400Regular/NotoSansJP_400Regular.ttf'),
  bold: path.join(fontDir, '700Bold/NotoSansJP_700Bold.ttf'),
};

export type Pdf = PDFKit.PDFDocument;

/** A4 document with the Japanese fonts registered as 'jp' and 'jp-bold'. */
export function createPdf(meta: { title: string; lang: string; layout?: 'portrait' | 'landscape' }): Pdf {
  const doc = new PDFDocument({
    size: 'A4',
    layout: meta.layout ?? 'portrait',
    margin: 48,
    info: { Title: meta.title, Producer: 'Mamori' },
    lang: meta.lang,
  });
  doc.registerFont('jp', FONTS.regular);
  doc.registerFont('jp-bold', FONTS.bold);
  doc.font('jp');
  return doc;
}

export function pdfToBuffer(doc: Pdf): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
