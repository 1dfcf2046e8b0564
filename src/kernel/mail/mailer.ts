import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from '../config.ts';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
}

export interface OutboxEntry {
  id: string;
  to: string;
  subject: string;
  date: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  /** Mails written to DATA_DIR/outbox when no SMTP server is configured (newest first). */
  listOutbox(): Promise<OutboxEntry[]>;
  readOutbox(id: string): Promise<(OutboxEntry & { text: string }) | null>;
}

const safeId = /^[0-9a-z-]+$/;

export function createMailer(config: Pick<Config, 'smtpUrl' | 'mailFrom' | 'dataDir'>): Mailer {
  const outboxDir = path.join(config.dataDir, 'outbox');
  const transport: Transporter = config.smtpUrl
    ? nodemailer.createTransport(config.smtpUrl)
    : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });

  return {
    async send(mail) {
      const info = await transport.sendMail({ from: config.mailFrom, ...mail });
      if (config.smtpUrl) return;
      // Without SMTP every mail becomes an RFC 5322 file the operator can read.
      await mkdir(outboxDir, { recursive: true });
      const date = new Date();
      const id = `${date.getTime().toString().padStart(14, '0')}-${randomUUID().slice(0, 8)}`;
      await writeFile(path.join(outboxDir, `${id}.eml`), (info as unknown as { message: Buffer }).message);
      const meta = { id, to: mail.to, subject: mail.subject, date: date.toISOString(), text: mail.text };
      await writeFile(path.join(outboxDir, `${id}.json`), JSON.stringify(meta));
    },
    async listOutbox() {
      let names: string[];
      try {
        names = await readdir(outboxDir);
      } catch {
        return [];
      }
      const metas = names
        .filter((n) => n.endsWith('.json'))
        .sort()
        .reverse()
        .slice(0, 500);
      return Promise.all(
        metas.map(async (n) => {
          const { id, to, subject, date } = JSON.parse(await readFile(path.join(outboxDir, n), 'utf8'));
          return { id, to, subject, date };
        }),
      );
    },
    async readOutbox(id) {
      if (!safeId.test(id)) return null;
      try {
        return JSON.parse(await readFile(path.join(outboxDir, `${id}.json`), 'utf8'));
      } catch {
        return null;
      }
    },
  };
}
