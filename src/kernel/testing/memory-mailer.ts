import type { Mailer, OutgoingMail } from '../mail/mailer.ts';

/** Keeps sent mail in memory so API tests can read links out of it. */
export function createMemoryMailer(): Mailer & { sent: OutgoingMail[]; lastTo(email: string): OutgoingMail } {
  const sent: OutgoingMail[] = [];
  return {
    sent,
    async send(mail) {
      sent.push(mail);
    },
    async listOutbox() {
      return [];
    },
    async readOutbox() {
      return null;
    },
    lastTo(email) {
      const mail = sent.filter((m) => m.to === email).at(-1);
      if (!mail) throw new Error(`no mail to ${email}`);
      return mail;
    },
  };
}

export function firstLink(text: string): string {
  const m = /https?:\/\/\S+/.exec(text);
  if (!m) throw new Error(`no link in: ${text}`);
  return m[0];
}
