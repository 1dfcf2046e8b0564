import { escapeHtml } from '../documents/html.ts';
import { type Lang, t } from '../i18n/index.ts';
import type { OutgoingMail } from './mailer.ts';

/**
 * Renders a mail from the catalog keys `<key>.subject`, `<key>.body` and
 * `<key>.action` in the recipient's language, with one call-to-action link.
 */
export function renderActionMail(
  lang: Lang,
  key: string,
  to: { email: string; name: string },
  actionUrl: string,
  params: Record<string, unknown> = {},
): OutgoingMail {
  const subject = t(lang, `${key}.subject`, params);
  const greeting = t(lang, 'mail.greeting', { name: to.name });
  const body = t(lang, `${key}.body`, params);
  const action = t(lang, `${key}.action`, params);
  const footer = t(lang, 'mail.footer');
  const text = `${greeting}\n\n${body}\n\n${action}:\n${actionUrl}\n\n--\n${footer}\n`;
  const paragraphs = body
    .split('\n')
    .map((line) => `<p style="margin:0 0 12px">${escapeHtml(line)}</p>`)
    .join('');
  const html = `<!doctype html><html lang="${lang}"><body style="font-family:sans-serif;color:#1f2933;line-height:1.7">
<p>${escapeHtml(greeting)}</p>${paragraphs}
<p style="margin:24px 0"><a href="${escapeHtml(actionUrl)}" style="background:#1c7ed6;color:#fff;padding:12px 20px;border-radius:6px;text-decoration:none">${escapeHtml(action)}</a></p>
<p style="font-size:13px;color:#52606d">${escapeHtml(actionUrl)}</p>
<hr style="border:none;border-top:1px solid #e4e7eb"><p style="font-size:12px;color:#7b8794">${escapeHtml(footer)}</p>
</body></html>`;
  return { to: to.email, subject, text, html };
}
