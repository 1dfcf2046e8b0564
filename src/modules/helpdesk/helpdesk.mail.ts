import type { Lang } from '../../kernel/i18n/index.ts';
import { t } from '../../kernel/i18n/index.ts';
import { renderActionMail } from '../../kernel/mail/templates.ts';
import type { ModuleContext } from '../../kernel/module.ts';
import { categoryTitle } from './helpdesk.content.ts';

export interface Recipient {
  email: string;
  name: string;
  locale: Lang;
}

/** Keeps mails short: the whole thread is one click away. */
export function excerpt(text: string, max = 600): string {
  const s = text.trim();
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

/**
 * Markdown as people read it in a plain mail: no ** or `, links as "text (url)", headings as lines.
 * Lists keep their "1." and "-" markers, which read naturally as text.
 */
export function markdownToText(md: string): string {
  return md
    .replace(/\r\n/g, '\n')
    .replace(/^#{1,6}\s+/gm, '■ ')
    .replace(/!?\[([^\]]*)\]\(([^)\s]+)[^)]*\)/g, '$1 ($2)')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^*])\*([^*\n]+)\*/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1')
    .trim();
}

/** One mail per address, each rendered in its recipient's language. */
export async function sendEach(
  ctx: Pick<ModuleContext, 'mailer'>,
  recipients: Recipient[],
  render: (r: Recipient) => Parameters<ModuleContext['mailer']['send']>[0],
): Promise<number> {
  const seen = new Set<string>();
  let sent = 0;
  for (const r of recipients) {
    const key = r.email.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    await ctx.mailer.send(render(r));
    sent += 1;
  }
  return sent;
}

export interface ConsultationMailFacts {
  ref: string;
  subject: string;
  category: string;
  priority: string;
  orgName: string;
}

export const consultationParams = (lang: Lang, c: ConsultationMailFacts) => ({
  ref: c.ref,
  subject: c.subject,
  org: c.orgName,
  category: categoryTitle(c.category, lang),
  priority: t(lang, `helpdesk.priority.${c.priority}`),
});

export function newConsultationMail(
  r: Recipient,
  url: string,
  c: ConsultationMailFacts,
  description: string,
) {
  return renderActionMail(r.locale, 'helpdesk.mail.consultation_new', r, url, {
    ...consultationParams(r.locale, c),
    text: excerpt(description),
  });
}

export function replyMail(
  r: Recipient,
  url: string,
  c: ConsultationMailFacts,
  to: 'customer' | 'desk',
  message: { author: string; body: string; status: string },
) {
  const key = to === 'customer' ? 'helpdesk.mail.reply_to_customer' : 'helpdesk.mail.reply_to_desk';
  return renderActionMail(r.locale, key, r, url, {
    ...consultationParams(r.locale, c),
    author: message.author,
    text: excerpt(message.body),
    status: t(r.locale, `helpdesk.status.${message.status}`),
    next: t(r.locale, `helpdesk.mail.next.${message.status}`),
  });
}

export function escalationMail(
  r: Recipient,
  url: string,
  c: ConsultationMailFacts,
  clock: 'first_response' | 'resolution',
  level: number,
  dueAt: Date,
) {
  const due = new Intl.DateTimeFormat(r.locale === 'ja' ? 'ja-JP' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Asia/Tokyo',
  }).format(dueAt);
  return renderActionMail(r.locale, 'helpdesk.mail.escalation', r, url, {
    ...consultationParams(r.locale, c),
    clock: t(r.locale, `helpdesk.clock.${clock}`),
    level,
    due,
  });
}
