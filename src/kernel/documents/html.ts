/** Shared pieces of the server-rendered public pages (published policy, verification). */

export const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/** A calm, printable document page that reads well on a phone. */
export const documentCss = `
body{font-family:"Noto Sans JP","Hiragino Sans","Yu Gothic",sans-serif;color:#1f2933;line-height:1.85;margin:0;background:#f5f7fa}
main{max-width:760px;margin:0 auto;background:#fff;padding:48px 56px;min-height:100vh;box-sizing:border-box}
h1{font-size:1.6rem;text-align:center;margin:0 0 32px}
h2{font-size:1.15rem;border-bottom:2px solid #1c7ed6;padding-bottom:4px;margin:32px 0 12px}
h3{font-size:1rem;margin:20px 0 8px}
table{border-collapse:collapse;width:100%;margin:12px 0}th,td{border:1px solid #9aa5b1;padding:6px 8px;text-align:left;vertical-align:top}
th{background:#e7f0fa}.signature{text-align:right;margin-top:32px}
.note{font-size:.85rem;color:#52606d;border-top:1px solid #e4e7eb;margin-top:40px;padding-top:12px}
@media (max-width:600px){main{padding:24px 18px}}
@media print{body{background:#fff}main{padding:0}}`;

/** A plain 404 page for server-rendered public addresses (a verification link with a typo). */
export function notFoundPage(lang: 'ja' | 'en', message: string): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>404</title><style>${documentCss}</style></head><body><main><h1>404</h1><p>${escapeHtml(message)}</p><p><a href="/">Mamori</a></p></main></body></html>`;
}
