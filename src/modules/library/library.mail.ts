import { escapeHtml } from '../../kernel/documents/html.ts';
import { type Lang, t } from '../../kernel/i18n/index.ts';
import type { OutgoingMail } from '../../kernel/mail/mailer.ts';
import type { DigestSection, ModuleContext } from '../../kernel/module.ts';

export interface DigestMail {
  lang: Lang;
  to: { email: string; name: string };
  orgId: string;
  orgName: string;
  since: Date;
  until: Date;
  sections: DigestSection[];
  unsubscribeUrl: string;
}

const day = (d: Date, lang: Lang) =>
  d.toLocaleDateString(lang === 'ja' ? 'ja-JP' : 'en-GB', {
    timeZone: 'Asia/Tokyo',
    month: 'long',
    day: 'numeric',
  });

/**
 * The weekly digest in the recipient's language: one heading per section, each item with its
 * link, and a one-click unsubscribe link that is also offered to mail programs (RFC 8058).
 */
export function renderDigestMail(ctx: Pick<ModuleContext, 'config'>, m: DigestMail): OutgoingMail {
  const tr = (key: string, params?: Record<string, unknown>) => t(m.lang, `library.digest.${key}`, params);
  const base = ctx.config.publicUrl;
  const settingsUrl = `${base}/orgs/${m.orgId}/newsletter`;
  const dashboardUrl = `${base}/dashboard`;
  const period = { from: day(m.since, m.lang), to: day(m.until, m.lang) };
  const subject = tr('subject', { date: day(m.until, m.lang) });
  const greeting = t(m.lang, 'mail.greeting', { name: m.to.name });
  const intro = tr('intro', { orgName: m.orgName, ...period });
  const footer = t(m.lang, 'mail.footer');

  const textSections = m.sections
    .map((s) => {
      const items = s.items.map((i) => `・${i.text}${i.url ? `\n  ${i.url}` : ''}`).join('\n');
      return `■ ${tr('heading', { title: s.title, count: s.items.length })}\n${items}`;
    })
    .join('\n\n');
  const text = [
    greeting,
    '',
    intro,
    '',
    textSections,
    '',
    `${tr('open')}:`,
    dashboardUrl,
    '',
    tr('why'),
    `${tr('unsubscribe')}:`,
    m.unsubscribeUrl,
    `${tr('settings')}: ${settingsUrl}`,
    '',
    '--',
    footer,
    '',
  ].join('\n');

  const link = (url: string, label: string) =>
    `<a href="${escapeHtml(url)}" style="color:#1c7ed6">${escapeHtml(label)}</a>`;
  const htmlSections = m.sections
    .map(
      (
        s,
      ) => `<h2 style="font-size:16px;margin:24px 0 8px;border-bottom:2px solid #1c7ed6;padding-bottom:4px">${escapeHtml(s.title)}</h2>
<ul style="padding-left:20px;margin:0">${s.items
        .map((i) => `<li style="margin:0 0 10px">${i.url ? link(i.url, i.text) : escapeHtml(i.text)}</li>`)
        .join('')}</ul>`,
    )
    .join('');
  const html = `<!doctype html><html lang="${m.lang}"><body style="font-family:sans-serif;color:#1f2933;line-height:1.7;max-width:640px">
<p>${escapeHtml(greeting)}</p><p>${escapeHtml(intro)}</p>${htmlSections}
<p style="margin:24px 0"><a href="${escapeHtml(dashboardUrl)}" style="background:#1c7ed6;color:#fff;padding:12px 20px;border-radius:6px;text-decoration:none">${escapeHtml(tr('open'))}</a></p>
<hr style="border:none;border-top:1px solid #e4e7eb">
<p style="font-size:13px;color:#52606d">${escapeHtml(tr('why'))}<br>${link(m.unsubscribeUrl, tr('unsubscribe'))} ・ ${link(settingsUrl, tr('settings'))}</p>
<p style="font-size:12px;color:#7b8794">${escapeHtml(footer)}</p>
</body></html>`;

  return {
    to: m.to.email,
    subject,
    text,
    html,
    headers: {
      'List-Unsubscribe': `<${m.unsubscribeUrl}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}
