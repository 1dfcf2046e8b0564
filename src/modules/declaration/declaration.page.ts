import { documentCss, escapeHtml } from '../../kernel/documents/html.ts';
import { type Lang, t } from '../../kernel/i18n/index.ts';
import { refLabel } from '../../kernel/reference.ts';
import type { presentPublic } from './declaration.service.ts';

type Public = ReturnType<typeof presentPublic>;

const fmt = (iso: string, lang: Lang) =>
  new Date(iso).toLocaleDateString(lang === 'ja' ? 'ja-JP' : 'en-GB', {
    timeZone: 'Asia/Tokyo',
    dateStyle: 'long',
  });

/** The page a trading partner reaches from the badge: plain HTML, readable anywhere, fast. */
export function renderVerifyPage(d: Public, lang: Lang, publicUrl: string): string {
  const tr = (k: string, p?: Record<string, unknown>) => t(lang, `declaration.verify.${k}`, p);
  const active = d.status === 'active';
  const statusText = tr(`status.${d.status}`);
  const color = active ? '#2b8a3e' : '#c92a2a';
  const rows: Array<[string, string]> = [
    [tr('company'), escapeHtml(d.orgName)],
    [tr('prefecture'), escapeHtml(refLabel('prefecture', d.prefecture, lang))],
    [tr('level'), `${'★'.repeat(d.star)} ${escapeHtml(tr(d.star === 2 ? 'twoStar' : 'oneStar'))}`],
    [tr('declaredAt'), escapeHtml(fmt(d.declaredAt, lang))],
    [tr('id'), escapeHtml(d.id)],
    [
      tr('statusLabel'),
      `<strong style="color:${color}">${escapeHtml(statusText)}</strong>${d.endedAt ? `（${escapeHtml(fmt(d.endedAt, lang))}）` : ''}`,
    ],
  ];
  if (d.policyUrl)
    rows.push([tr('policy'), `<a href="${escapeHtml(d.policyUrl)}">${escapeHtml(tr('policyLink'))}</a>`]);
  if (d.supersededBy)
    rows.push([
      tr('newer'),
      `<a href="${escapeHtml(`${publicUrl}/verify/${d.supersededBy}`)}">${escapeHtml(d.supersededBy)}</a>`,
    ]);
  const badge = `${publicUrl}/api/v1/declarations/${encodeURIComponent(d.id)}/badge.svg?lang=${lang}`;
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(tr('title'))} — ${escapeHtml(d.orgName)}</title><meta name="robots" content="noindex">
<style>${documentCss}
.status{border-left:6px solid ${color};background:${active ? '#ebfbee' : '#fff5f5'};padding:14px 18px;border-radius:6px;margin:0 0 24px}
dl{display:grid;grid-template-columns:10em 1fr;gap:10px 16px;margin:0}dt{color:#52606d}dd{margin:0}
.badge{text-align:center;margin:24px 0}.badge img{max-width:100%;height:auto}
@media (max-width:600px){dl{grid-template-columns:1fr}dt{margin-top:8px}}</style></head>
<body><main><h1>${escapeHtml(tr('title'))}</h1>
<div class="status"><strong>${escapeHtml(active ? tr('activeLead', { name: d.orgName }) : tr('inactiveLead', { name: d.orgName }))}</strong></div>
<div class="badge"><img src="${escapeHtml(badge)}" alt="${escapeHtml(`SECURITY ACTION ${'★'.repeat(d.star)} ${d.orgName}`)}" width="360" height="132"></div>
<dl>${rows.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${v}</dd>`).join('')}</dl>
<p class="note">${escapeHtml(tr('note'))}</p></main></body></html>`;
}

export function badgeSnippet(publicUrl: string, d: Public, lang: Lang): string {
  const alt = `SECURITY ACTION ${'★'.repeat(d.star)} ${t(lang, 'declaration.badge.selfDeclared')} ${d.orgName}`;
  return `<a href="${publicUrl}/verify/${d.id}" target="_blank" rel="noopener"><img src="${publicUrl}/api/v1/declarations/${d.id}/badge.svg" alt="${escapeHtml(alt)}" width="360" height="132"></a>`;
}
