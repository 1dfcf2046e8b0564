import { documentCss, escapeHtml } from '../../kernel/documents/html.ts';
import { type Lang, t } from '../../kernel/i18n/index.ts';

/** Enough of the address for its owner to recognise it, not enough to hand it to whoever holds the link. */
export function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 2)}${'*'.repeat(Math.min(Math.max(local.length - 2, 3), 6))}@${domain}`;
}

type State = 'confirm' | 'done' | 'already' | 'invalid';

/** The small server-rendered page behind the mail's unsubscribe link (works without JavaScript). */
export function unsubscribePage(lang: Lang, state: State, opts: { email?: string; action?: string } = {}) {
  const tr = (k: string, p?: Record<string, unknown>) => t(lang, `library.unsubscribe.${k}`, p);
  const email = opts.email ? maskEmail(opts.email) : '';
  const body =
    state === 'confirm'
      ? `<p>${escapeHtml(tr('confirm', { email }))}</p>
<form method="post" action="${escapeHtml(opts.action ?? '')}"><input type="hidden" name="List-Unsubscribe" value="One-Click">
<button type="submit" style="background:#c92a2a;color:#fff;border:none;border-radius:6px;padding:12px 22px;font-size:1rem;cursor:pointer">${escapeHtml(tr('button'))}</button></form>`
      : state === 'invalid'
        ? `<p role="alert">${escapeHtml(tr('invalid'))}</p>`
        : `<p role="status">${escapeHtml(tr(state, { email }))}</p><p>${escapeHtml(tr('again'))}</p>`;
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(tr('title'))} | Mamori</title><style>${documentCss}</style></head><body><main><h1>${escapeHtml(tr('title'))}</h1>${body}<p class="note"><a href="/">${escapeHtml(tr('home'))}</a></p></main></body></html>`;
}
